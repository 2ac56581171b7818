// The admin API: the local stand-in for Turso's platform API. All routes need the admin token.
import { randomUUID } from "node:crypto";
import { createReadStream, mkdirSync, rmSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { DATABASE_NAME } from "./databases.ts";
import { HttpError, bearerToken, readJsonBody, sendEmpty, sendJson } from "./http-util.ts";
import { isWireObject } from "./hrana-protocol.ts";
import { databaseUrl, type ServerContext } from "./server-context.ts";
import { databaseToken, tokenMatches } from "./tokens.ts";

/** Handles /admin/databases and /admin/databases/:name (`path`: the decoded path segments). */
export async function handleAdmin(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, path: string[]): Promise<void> {
  try {
    if (!tokenMatches(bearerToken(req), ctx.adminToken)) {
      throw new HttpError(401, "unauthorized", "Missing or wrong admin token");
    }
    if (path.length === 2 && path[1] === "databases") return await collectionRoute(ctx, req, res);
    if (path.length === 3 && path[1] === "databases") return itemRoute(ctx, req, res, path[2] ?? "");
    if (path.length === 4 && path[1] === "databases" && path[3] === "export") return exportRoute(ctx, req, res, path[2] ?? "");
    throw new HttpError(404, "not_found", "No such admin route");
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    sendJson(res, error.status, { error: { code: error.code, message: error.message } });
  }
}

async function collectionRoute(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === "GET") {
    const databases = ctx.databases.list().map((name) => ({ name, url: databaseUrl(ctx, name) }));
    return sendJson(res, 200, { databases });
  }
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", `${req.method} is not allowed here`);
  const body = await readJsonBody(req).catch((error: unknown) => {
    throw error instanceof HttpError ? new HttpError(error.status, "invalid_body", error.message) : error;
  });
  const name = isWireObject(body) ? body.name : undefined;
  if (typeof name !== "string" || !DATABASE_NAME.test(name)) {
    throw new HttpError(422, "invalid_name", `Database names must match ${DATABASE_NAME.source}`);
  }
  if (!ctx.databases.create(name)) throw new HttpError(409, "database_exists", `Database "${name}" already exists`);
  ctx.log.write(`admin: created database ${name}`);
  sendJson(res, 201, describe(ctx, name));
}

function itemRoute(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, name: string): void {
  if (!ctx.databases.exists(name)) throw new HttpError(404, "database_not_found", `Database "${name}" does not exist`);
  if (req.method === "GET") return sendJson(res, 200, describe(ctx, name));
  if (req.method !== "DELETE") throw new HttpError(405, "method_not_allowed", `${req.method} is not allowed here`);
  const handle = ctx.databases.get(name);
  if (handle) ctx.streams.closeFor(handle); // rolls back open transactions first
  ctx.databases.delete(name);
  ctx.log.write(`admin: deleted database ${name}`);
  sendEmpty(res, 204);
}

/** Where export copies live while they are sent (a folder, so never mistaken for a database). */
export function exportsDir(dataDir: string): string {
  return join(dataDir, ".exports");
}

/**
 * GET /admin/databases/:name/export — the database as one SQLite file. `VACUUM INTO` copies it inside one
 * read transaction on a pooled connection: a consistent snapshot, while other streams keep reading and
 * (in WAL mode) writing. The copy is sent, then removed.
 */
function exportRoute(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, name: string): void {
  if (req.method !== "GET") throw new HttpError(405, "method_not_allowed", `${req.method} is not allowed here`);
  const handle = ctx.databases.get(name);
  if (!handle) throw new HttpError(404, "database_not_found", `Database "${name}" does not exist`);
  const dir = exportsDir(ctx.databases.dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${randomUUID()}.db`);
  const conn = handle.checkout();
  try {
    conn.db.prepare("VACUUM INTO ?").run(file);
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  } finally {
    handle.checkin(conn);
  }
  const size = statSync(file).size;
  ctx.log.write(`admin: exported database ${name} (${size} bytes)`);
  res.writeHead(200, { "content-type": "application/vnd.sqlite3", "content-length": size });
  const stream = createReadStream(file);
  const cleanUp = () => rmSync(file, { force: true });
  stream.on("close", cleanUp);
  stream.on("error", () => res.destroy());
  res.on("close", () => stream.destroy());
  stream.pipe(res);
}

function describe(ctx: ServerContext, name: string): { name: string; url: string; token: string } {
  return { name, url: databaseUrl(ctx, name), token: databaseToken(ctx.secret, name) };
}
