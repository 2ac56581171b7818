// The pages' only way to data: the JSON API, called in-process (lib/page-api.server.ts). The visitor's
// origin is kept in the URL, so the API resolves the same tenant; cookies and language go along, and
// Set-Cookie headers come back to the browser. The client source (set by workers/app.ts, never by the
// client) goes along for rate limits; the client's own CF-Connecting-IP and X-Forwarded-For do not.
import type { ErrorBody } from "@buurtplein/core";
import { CLIENT_SOURCE_HEADER } from "@buurtplein/core/security/client-source";
import { callPageApi } from "./page-api.server.ts";

export interface ApiResult<T> {
  ok: boolean;
  status: number;
  data: T;
  error: ErrorBody["error"] | null;
  setCookies: string[];
}

export async function callApi<T>(
  request: Request,
  path: string,
  options: { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown } = {},
): Promise<ApiResult<T>> {
  const url = new URL(path, request.url);
  const headers = new Headers({ accept: "application/json" });
  for (const name of ["cookie", "accept-language", "user-agent", CLIENT_SOURCE_HEADER]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (options.body !== undefined) headers.set("content-type", "application/json");
  const response = await callPageApi(
    new Request(url, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
  );
  const json = (await response.json().catch(() => null)) as unknown;
  const error = !response.ok && json && typeof json === "object" && "error" in json ? (json as ErrorBody).error : null;
  return {
    ok: response.ok,
    status: response.status,
    data: json as T,
    error: response.ok ? null : (error ?? { code: "internal_error", message: "Onbekende fout." }),
    setCookies: response.headers.getSetCookie(),
  };
}

/** Headers that pass the API's Set-Cookie on to the browser (for redirects after login/logout). */
export function forwardCookies(result: ApiResult<unknown>, init: HeadersInit = {}): Headers {
  const headers = new Headers(init);
  for (const cookie of result.setCookies) headers.append("set-cookie", cookie);
  return headers;
}
