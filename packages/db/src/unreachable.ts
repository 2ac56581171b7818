// When is a failed query a database outage (the server cannot be reached or answers 5xx) rather than
// a bug? The API answers an outage with 503 service_unavailable and Retry-After (issue 7), a bug
// with 500. @libsql/client over HTTP surfaces an outage in three shapes, usually wrapped by drizzle
// (DrizzleQueryError → cause) and @libsql/client (LibsqlError / ClosedError → cause):
//   - the fetch itself fails: a TypeError ("fetch failed" in Node, with an ECONNREFUSED-like cause;
//     workerd's "Network connection lost." / "connect ECONNREFUSED" / "internal error" variants);
//   - the server answers HTTP 5xx: hrana's HttpServerError (LibsqlError code SERVER_ERROR) with status;
//   - a stream closed by one of the above (HRANA_CLOSED_ERROR whose cause is the original error).

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EPIPE", "EHOSTUNREACH", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT"]);
const NETWORK_MESSAGE = /fetch failed|network connection lost|connection refused|econnrefused|econnreset|socket hang up|network error|connect timeout|could not connect/i;

function oneLevel(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, message, code, status } = error as { name?: unknown; message?: unknown; code?: unknown; status?: unknown };
  if (name === "HttpServerError" && typeof status === "number") return status >= 500;
  if (typeof code === "string" && NETWORK_CODES.has(code)) return true;
  return (name === "TypeError" || error instanceof TypeError || name === "Error") && typeof message === "string" && NETWORK_MESSAGE.test(message);
}

/** True when `error` (or anything in its cause chain) says the database server is unreachable or failing. */
export function isDatabaseUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (oneLevel(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
