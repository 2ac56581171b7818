// Checked by `npm run check` (never imported, never run): the pages' API answers are the routes' own
// types. If the typed client ever fell back to `any`, or an answer lost its fields, this file fails.
import type { ApiAnswer, ApiClient } from "./api-types.ts";
import type { SiteInfo, Viewer } from "./site-context.ts";

type Expect<Condition extends true> = Condition;
type IsAny<T> = 0 extends 1 & T ? true : false;

type Feed = ApiAnswer<ApiClient["neighbourhoods"][":slug"]["posts"]["$get"]>;
type Me = ApiAnswer<ApiClient["me"]["$get"]>;

export type ApiContractChecks = [
  Expect<IsAny<Feed> extends false ? true : false>,
  Expect<Feed["nextCursor"] extends string | null ? true : false>,
  Expect<IsAny<Me["user"]> extends false ? true : false>,
  Expect<IsAny<Viewer> extends false ? true : false>,
  Expect<SiteInfo["kind"] extends "apex" | "tenant" ? true : false>,
  // @ts-expect-error a field the API does not send
  Feed["nextPage"],
  // @ts-expect-error the viewer is kept apart from the site (RequestSite.viewer)
  Extract<SiteInfo, { kind: "tenant" }>["viewer"],
];
