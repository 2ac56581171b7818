// The API's answers as types, taken from the API itself (apps/worker: `ApiApp`, the chained routes):
// a renamed or removed field fails `npm run check` in the pages that read it. Types only: safe to
// import from code that also runs in the browser.
import type { hc } from "hono/client";
import type { ApiApp } from "@buurtplein/worker/app";

/** The typed client's `/api` tree: `api.site.$get`, `api.neighbourhoods[":slug"].posts.$post`, … */
export type ApiClient = ReturnType<typeof hc<ApiApp>>["api"];

/** What one endpoint answers when it succeeds, e.g. `ApiAnswer<ApiClient["site"]["$get"]>`. */
export type ApiAnswer<Endpoint extends (...args: never[]) => Promise<{ json(): Promise<unknown> }>> = Awaited<
  ReturnType<Awaited<ReturnType<Endpoint>>["json"]>
>;

/** The member-directory routes take only account ids (a UUID pattern in the path). */
export const MEMBER_ID = ":id{[0-9a-fA-F-]{36}}" as const;
