// The local libSQL server: Turso's Hrana-over-HTTP protocol on top of `libsql` database files, plus a
// tiny admin API to create/delete databases. Runs in-process; see supervisor.ts for the crash-proof way.
import { mkdirSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { exportsDir, handleAdmin } from "./admin-routes.ts";
import { DatabaseRegistry } from "./databases.ts";
import { handleDatabase } from "./hrana-routes.ts";
import { sendJson } from "./http-util.ts";
import { RequestLog } from "./request-log.ts";
import type { ServerContext } from "./server-context.ts";
import { StreamRegistry } from "./streams.ts";
import { loadServerSecret } from "./tokens.ts";

export interface LibsqlServerOptions {
  dataDir: string;
  /** 0 picks a free port (reported in the result). */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  adminToken: string;
  /** Default <dataDir>/libsql-server.log. */
  logFile?: string;
  /** An idle stream (baton) is rolled back and closed after this long. Default 10 000 ms. */
  batonIdleMs?: number;
  /** How long a pipeline queues behind another stream's open transaction before SQLITE_BUSY. Default 20 000 ms. */
  lockWaitMs?: number;
}

export interface RunningLibsqlServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startLibsqlServer(options: LibsqlServerOptions): Promise<RunningLibsqlServer> {
  if (!options.adminToken) throw new Error("libsql-server: an admin token is required");
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  rmSync(exportsDir(dataDir), { recursive: true, force: true }); // copies an earlier run left while sending
  const batonIdleMs = options.batonIdleMs ?? 10_000;
  const log = new RequestLog(options.logFile ?? join(dataDir, "libsql-server.log"));
  let baseUrl = "";
  const ctx: ServerContext = {
    databases: new DatabaseRegistry(dataDir),
    streams: new StreamRegistry(batonIdleMs, (stream) =>
      log.write(`db=${stream.handle.name} stream=${stream.id} expired after ${batonIdleMs} ms idle` +
        (stream.inTransaction ? ", rolling back its open transaction" : "")),
    ),
    log,
    adminToken: options.adminToken,
    secret: loadServerSecret(dataDir),
    lockWaitMs: options.lockWaitMs ?? 20_000,
    baseUrl: () => baseUrl,
  };

  const server = createServer((req, res) => {
    route(ctx, req, res).catch((error: unknown) => {
      log.write(`internal error on ${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
      sendJson(res, 500, { message: `Internal server error: ${String(error)}`, code: "INTERNAL_ERROR" });
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(options.port, host, () => {
      server.off("error", rejectListen);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${urlHost(host)}:${port}`;
  log.write(`libsql-server listening on ${baseUrl} (data dir ${dataDir})`);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolveClose) => {
      ctx.streams.closeAll(); // rolls back whatever is open
      ctx.databases.closeAll();
      server.close(() => {
        log.write("libsql-server stopped");
        log.close();
        resolveClose();
      });
      server.closeAllConnections();
    }));
  return { url: baseUrl, port, close };
}

async function route(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  const path = pathname.split("/").filter(Boolean).map(safeDecode);
  if (path[0] === "health" && path.length === 1) return sendJson(res, 200, { ok: true, pid: process.pid });
  if (path[0] === "admin") return handleAdmin(ctx, req, res, path);
  if (path[0] === "db") return handleDatabase(ctx, req, res, path);
  sendJson(res, 404, { error: { code: "not_found", message: `No route for ${req.method} ${pathname}` } });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The host to put into URLs: a wildcard bind address is reached through loopback. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
