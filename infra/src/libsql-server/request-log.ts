// Append-only log in the data folder. Lines are written synchronously *before* a request executes, so
// when the native libsql module takes the process down, the request that did it is already on disk.
import { closeSync, existsSync, fstatSync, openSync, renameSync, statSync, writeSync } from "node:fs";
import { isWireObject } from "./hrana-protocol.ts";
import { sqlSummary } from "./sql-text.ts";

const MAX_LOG_BYTES = 20 * 1024 * 1024; // then it moves to <file>.1 and starts over

export class RequestLog {
  #fd: number | null = null;
  #bytes = 0;

  constructor(readonly path: string) {
    if (existsSync(path) && statSync(path).size > MAX_LOG_BYTES) renameSync(path, `${path}.1`);
    this.#open();
  }

  write(message: string): void {
    if (this.#fd === null) return;
    const line = `${new Date().toISOString()} [${process.pid}] ${message}\n`;
    try {
      this.#bytes += writeSync(this.#fd, line);
      if (this.#bytes > MAX_LOG_BYTES) {
        closeSync(this.#fd);
        renameSync(this.path, `${this.path}.1`);
        this.#open();
      }
    } catch {
      // Logging must never take the server down.
    }
  }

  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }

  #open(): void {
    this.#fd = openSync(this.path, "a");
    this.#bytes = fstatSync(this.#fd).size;
  }
}

/** e.g. `execute "INSERT INTO t VALUES (?)" (1 arg); batch[3] "BEGIN" | "…" | "COMMIT"; close` */
export function summarizePipeline(requests: unknown[]): string {
  return requests.map(summarizeRequest).join("; ") || "(empty)";
}

function summarizeRequest(request: unknown): string {
  if (!isWireObject(request)) return "(invalid request)";
  switch (request.type) {
    case "execute":
      return `execute ${summarizeStmt(request.stmt)}`;
    case "batch": {
      const steps = isWireObject(request.batch) && Array.isArray(request.batch.steps) ? request.batch.steps : [];
      const shown = steps.slice(0, 12).map((step) => summarizeStmt(isWireObject(step) ? step.stmt : undefined, 100));
      const more = steps.length > 12 ? ` | …+${steps.length - 12} more` : "";
      return `batch[${steps.length}] ${shown.join(" | ")}${more}`;
    }
    case "sequence":
    case "describe":
    case "store_sql":
      return `${request.type} ${sqlOf(request, 400)}`;
    default:
      return String(request.type);
  }
}

function summarizeStmt(stmt: unknown, max = 300): string {
  if (!isWireObject(stmt)) return "(invalid stmt)";
  const args = (Array.isArray(stmt.args) ? stmt.args.length : 0) + (Array.isArray(stmt.named_args) ? stmt.named_args.length : 0);
  return args > 0 ? `${sqlOf(stmt, max)} (${args} arg${args === 1 ? "" : "s"})` : sqlOf(stmt, max);
}

function sqlOf(wire: Record<string, unknown>, max: number): string {
  if (typeof wire.sql === "string") return JSON.stringify(sqlSummary(wire.sql, max));
  return typeof wire.sql_id === "number" ? `sql#${wire.sql_id}` : "(no sql)";
}
