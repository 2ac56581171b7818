// The pages' only way to data: the JSON API, called in-process (lib/page-api.server.ts) through Hono's
// typed client, so every answer's type comes from the API's own routes (lib/api-types.ts). The
// visitor's origin is kept in the URL, so the API resolves the same tenant; cookies and language go
// along, and Set-Cookie headers come back to the browser. The client source (set by workers/app.ts,
// never by the client) goes along for rate limits; the client's own CF-Connecting-IP and
// X-Forwarded-For do not.
import { hc } from "hono/client";
import { translate, type ErrorBody } from "@buurtplein/core";
import { CLIENT_SOURCE_HEADER } from "@buurtplein/core/security/client-source";
import type { ApiApp } from "@buurtplein/worker/app";
import type { ApiClient } from "./api-types.ts";
import { callPageApi } from "./page-api.server.ts";

/** A call's outcome: on success `data` is the endpoint's answer, typed from its route; otherwise `error`. */
export type ApiResult<T> =
  | { ok: true; status: number; data: T; error: null; setCookies: string[] }
  | { ok: false; status: number; data: unknown; error: ErrorBody["error"]; setCookies: string[] };

/** A JSON body and query parameters (the API reads and checks them itself, so they are not typed by route). */
export interface CallOptions {
  json?: unknown;
  query?: Record<string, string | undefined>;
  /** A raw body with its content type instead of JSON (uploads: PUT /api/settings/logo). */
  raw?: { body: ArrayBuffer; contentType: string };
  /** A multipart form (uploads: POST /api/uploads); its content type with boundary is set by the platform. */
  form?: FormData;
}

/** The success answer of a typed-client response (a union when a route answers in more than one shape). */
type AnswerData<Answer extends { json(): Promise<unknown> }> = Awaited<ReturnType<Answer["json"]>>;

const FORWARDED_HEADERS = ["cookie", "accept-language", "user-agent", CLIENT_SOURCE_HEADER];

/**
 * Calls one API endpoint for this page view, e.g.
 * `callApi(request, (api) => api.neighbourhoods[":slug"].posts.$get({ param: { slug } }), { query: { cursor } })`.
 * Path parameters go in as they are: encode them (`encodeURIComponent`).
 */
export async function callApi<Answer extends { json(): Promise<unknown> }>(
  request: Request,
  call: (api: ApiClient) => Promise<Answer>,
  options: CallOptions = {},
): Promise<ApiResult<AnswerData<Answer>>> {
  const headers: Record<string, string> = { accept: "application/json" };
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  const client = hc<ApiApp>(new URL(request.url).origin, {
    headers,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : input);
      for (const [name, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(name, value);
      const sent = new Headers(init?.headers);
      if (options.json !== undefined) sent.set("content-type", "application/json");
      if (options.raw) sent.set("content-type", options.raw.contentType);
      if (options.form) sent.delete("content-type");
      const body = options.form ?? (options.raw ? options.raw.body : options.json === undefined ? init?.body : JSON.stringify(options.json));
      return callPageApi(new Request(url, { ...init, headers: sent, body }));
    },
  });
  // The typed client answers with the platform's Response (typed by route): read it as one.
  const response = (await call(client.api)) as unknown as Response;
  const json = (await response.json().catch(() => null)) as unknown;
  const setCookies = response.headers.getSetCookie();
  if (response.ok) return { ok: true, status: response.status, data: json as AnswerData<Answer>, error: null, setCookies };
  const error = json && typeof json === "object" && "error" in json ? (json as ErrorBody).error : null;
  return {
    ok: false,
    status: response.status,
    data: json,
    error: error ?? { code: "internal_error", message: translate("nl", "errors.internal_error") },
    setCookies,
  };
}

/** Headers that pass the API's Set-Cookie on to the browser (for redirects after login/logout). */
export function forwardCookies(result: { setCookies: string[] }, init: HeadersInit = {}): Headers {
  const headers = new Headers(init);
  for (const cookie of result.setCookies) headers.append("set-cookie", cookie);
  return headers;
}
