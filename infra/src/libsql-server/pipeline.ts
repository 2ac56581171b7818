// Runs the requests of one `POST …/pipeline` body on a stream, in order, synchronously (libsql is
// synchronous; running a whole pipeline without awaiting is what keeps streams from interleaving).
import { isInTransaction } from "./connections.ts";
import {
  HranaFailure,
  isWireObject,
  type HranaBatchResult,
  type HranaError,
  type HranaStreamResponse,
  type HranaStreamResult,
} from "./hrana-protocol.ts";
import { toHranaError } from "./sql-errors.ts";
import { isPlainSelect } from "./sql-text.ts";
import { describeSql, executeStmt, resolveSql, runSequence, type StatementTarget } from "./statements.ts";
import type { Stream } from "./streams.ts";

/**
 * @param unavailable when set (the write lock could not be had in time), requests that would touch the
 *   database fail with this error instead of running.
 */
export function runPipeline(stream: Stream, requests: unknown[], unavailable?: HranaError): HranaStreamResult[] {
  return requests.map((request): HranaStreamResult => {
    try {
      return { type: "ok", response: runRequest(stream, request, unavailable) };
    } catch (error) {
      return { type: "error", error: toHranaError(error) };
    }
  });
}

function runRequest(stream: Stream, request: unknown, unavailable?: HranaError): HranaStreamResponse {
  if (!isWireObject(request)) throw new HranaFailure("A request must be a JSON object", "PROTO_ERROR");
  if (stream.closed) throw new HranaFailure("The stream is closed", "STREAM_CLOSED");
  switch (request.type) {
    case "close":
      stream.close();
      return { type: "close" };
    case "store_sql": {
      const { sql_id: id, sql } = request;
      if (typeof id !== "number" || typeof sql !== "string") {
        throw new HranaFailure("store_sql needs a numeric `sql_id` and an `sql` string", "PROTO_ERROR");
      }
      if (stream.sqlTexts.has(id)) throw new HranaFailure(`SQL text ${id} is already stored`, "PROTO_ERROR");
      stream.sqlTexts.set(id, sql);
      return { type: "store_sql" };
    }
    case "close_sql":
      if (typeof request.sql_id === "number") stream.sqlTexts.delete(request.sql_id);
      return { type: "close_sql" };
    case "get_autocommit":
      return { type: "get_autocommit", is_autocommit: !stream.inTransaction };
  }
  if (unavailable) throw new HranaFailure(unavailable.message, unavailable.code);
  const target: StatementTarget = { handle: stream.handle, conn: stream.connection(), sqlTexts: stream.sqlTexts };
  switch (request.type) {
    case "execute":
      return { type: "execute", result: executeStmt(target, request.stmt) };
    case "batch":
      return { type: "batch", result: runBatch(target, request.batch) };
    case "sequence":
      runSequence(target, resolveSql(request, stream.sqlTexts));
      return { type: "sequence" };
    case "describe":
      return { type: "describe", result: describeSql(target, resolveSql(request, stream.sqlTexts)) };
    default:
      throw new HranaFailure(`Unknown request type ${JSON.stringify(request.type)}`, "PROTO_ERROR");
  }
}

function runBatch(target: StatementTarget, batch: unknown): HranaBatchResult {
  if (!isWireObject(batch) || !Array.isArray(batch.steps)) {
    throw new HranaFailure("A batch needs a `steps` array", "PROTO_ERROR");
  }
  const steps = batch.steps.map((step) => {
    if (!isWireObject(step)) throw new HranaFailure("A batch step must be an object", "PROTO_ERROR");
    return step;
  });
  const result: HranaBatchResult = { step_results: [], step_errors: [] };
  const outcome: Outcome[] = [];
  steps.forEach((step, i) => {
    if (step.condition != null && !evalCondition(step.condition, outcome, target)) {
      result.step_results.push(null);
      result.step_errors.push(null);
      outcome[i] = "skipped";
      return;
    }
    try {
      result.step_results.push(executeStmt(target, step.stmt));
      result.step_errors.push(null);
      outcome[i] = "ok";
    } catch (error) {
      result.step_results.push(null);
      result.step_errors.push(toHranaError(error));
      outcome[i] = "error";
    }
  });
  return result;
}

type Outcome = "ok" | "error" | "skipped";

function evalCondition(cond: unknown, outcome: Outcome[], target: StatementTarget): boolean {
  if (!isWireObject(cond)) throw new HranaFailure("A batch condition must be an object", "PROTO_ERROR");
  const list = (conds: unknown) => (Array.isArray(conds) ? conds : []);
  switch (cond.type) {
    case "ok":
      return typeof cond.step === "number" && outcome[cond.step] === "ok";
    case "error":
      return typeof cond.step === "number" && outcome[cond.step] === "error";
    case "not":
      return !evalCondition(cond.cond, outcome, target);
    case "and":
      return list(cond.conds).every((c) => evalCondition(c, outcome, target));
    case "or":
      return list(cond.conds).some((c) => evalCondition(c, outcome, target));
    case "is_autocommit":
      return !isInTransaction(target.conn);
    default:
      throw new HranaFailure(`Unknown batch condition ${JSON.stringify(cond.type)}`, "PROTO_ERROR");
  }
}

/** True when the pipeline only reads (plain SELECTs), so it need not queue behind a writer's transaction. */
export function isReadOnlyPipeline(requests: unknown[]): boolean {
  const selects = (stmt: unknown) => isWireObject(stmt) && typeof stmt.sql === "string" && isPlainSelect(stmt.sql);
  return requests.every((request) => {
    if (!isWireObject(request)) return true; // answered with an error without touching the database
    switch (request.type) {
      case "close":
      case "store_sql":
      case "close_sql":
      case "get_autocommit":
        return true;
      case "execute":
        return selects(request.stmt);
      case "batch":
        return (
          isWireObject(request.batch) &&
          Array.isArray(request.batch.steps) &&
          request.batch.steps.every((step) => isWireObject(step) && selects(step.stmt))
        );
      default:
        return false;
    }
  });
}
