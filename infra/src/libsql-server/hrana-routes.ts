// Hrana over HTTP for one database: GET …/v2 and …/v3 (version probes) and POST …/v2|v3/pipeline.
import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError, bearerToken, readJsonBody, sendEmpty, sendJson } from "./http-util.ts";
import { HranaFailure, isWireObject, type HranaError, type HranaPipelineResponse } from "./hrana-protocol.ts";
import { stringifyHranaJson } from "./hrana-values.ts";
import { isReadOnlyPipeline, runPipeline } from "./pipeline.ts";
import { summarizePipeline } from "./request-log.ts";
import type { ServerContext } from "./server-context.ts";
import type { Stream } from "./streams.ts";
import { databaseToken, tokenMatches } from "./tokens.ts";

/** Handles /db/:name/<rest> (`path`: the decoded path segments). */
export async function handleDatabase(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, path: string[]): Promise<void> {
  const [, name = "", ...rest] = path;
  const endpoint = rest.join("/");
  try {
    // Version probes come without credentials; v3-protobuf stays 404 so clients fall back to JSON.
    if (req.method === "GET" && (endpoint === "v2" || endpoint === "v3")) return sendEmpty(res, 200);
    if (endpoint !== "v2/pipeline" && endpoint !== "v3/pipeline") {
      throw new HttpError(404, "NOT_FOUND", `No Hrana endpoint "${endpoint}" (supported: v2, v3, v2/pipeline, v3/pipeline)`);
    }
    if (req.method !== "POST") throw new HttpError(405, "METHOD_NOT_ALLOWED", "Pipelines must be POSTed");
    const handle = ctx.databases.get(name);
    if (!handle) {
      throw new HttpError(404, "DATABASE_NOT_FOUND",
        `Database "${name}" does not exist (database URLs look like http://host:port/db/<name>/ — mind the trailing slash)`);
    }
    if (!tokenMatches(bearerToken(req), databaseToken(ctx.secret, name))) {
      throw new HttpError(401, "UNAUTHORIZED", `Missing or wrong token for database "${name}"`);
    }
    const body = await readJsonBody(req);
    if (!isWireObject(body) || !Array.isArray(body.requests)) {
      throw new HttpError(400, "PROTO_ERROR", "Expected a JSON body { baton, requests: [...] }");
    }
    let stream: Stream | undefined;
    if (body.baton == null) {
      stream = ctx.streams.open(handle);
    } else {
      stream = typeof body.baton === "string" ? ctx.streams.take(body.baton) : undefined;
      if (!stream || stream.handle !== handle) {
        if (stream) ctx.streams.close(stream);
        throw new HttpError(400, "STREAM_EXPIRED", "Unknown or expired baton: the stream is closed (idle too long?)");
      }
    }
    await runOnStream(ctx, req, res, stream, body.requests);
  } catch (error) {
    if (error instanceof HttpError) return sendJson(res, error.status, { message: error.message, code: error.code });
    throw error;
  }
}

async function runOnStream(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, stream: Stream, requests: unknown[]): Promise<void> {
  const { handle } = stream;
  let claimed = false;
  let unavailable: HranaError | undefined;
  // Plain SELECTs read the last committed state (WAL) beside another stream's transaction; the rest queues.
  if (stream.inTransaction || !isReadOnlyPipeline(requests)) {
    const aborted = new AbortController();
    res.on("close", () => aborted.abort());
    try {
      claimed = await handle.lock.acquire(stream, ctx.lockWaitMs, aborted.signal);
    } catch (error) {
      ctx.streams.close(stream);
      const failure = error instanceof HranaFailure ? error : new HranaFailure(String(error), "INTERNAL_ERROR");
      return sendJson(res, failure.code === "DATABASE_DELETED" ? 404 : 503, { message: failure.message, code: failure.code });
    }
    if (!claimed) {
      unavailable = {
        message: `database is locked: another stream kept a transaction open for more than ${ctx.lockWaitMs} ms`,
        code: "SQLITE_BUSY",
      };
    }
  }

  let response: HranaPipelineResponse;
  try {
    ctx.log.write(`db=${handle.name} stream=${stream.id} ${summarizePipeline(requests)}`);
    const results = runPipeline(stream, requests, unavailable);
    response = { baton: null, base_url: null, results };
  } catch (error) {
    ctx.streams.close(stream);
    throw error;
  } finally {
    if (claimed) handle.lock.settle(stream, stream.inTransaction);
  }
  if (stream.closed) ctx.streams.close(stream); // forget it
  else response.baton = ctx.streams.park(stream);
  const text = stringifyHranaJson(response);
  sendJson(res, 200, response, text);
}
