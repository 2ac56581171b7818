// What the route handlers share.
import type { DatabaseRegistry } from "./databases.ts";
import type { RequestLog } from "./request-log.ts";
import type { StreamRegistry } from "./streams.ts";

export interface ServerContext {
  databases: DatabaseRegistry;
  streams: StreamRegistry;
  log: RequestLog;
  adminToken: string;
  secret: Buffer;
  /** How long a pipeline waits for another stream's transaction before failing with SQLITE_BUSY. */
  lockWaitMs: number;
  /** e.g. http://127.0.0.1:8080 — filled in once the port is known. */
  baseUrl: () => string;
}

export function databaseUrl(ctx: ServerContext, name: string): string {
  return `${ctx.baseUrl()}/db/${name}/`;
}
