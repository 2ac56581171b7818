import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./check-same-origin.ts";

const url = "http://delinde.localhost:8787/api/auth/login";

describe("isCrossSiteWrite", () => {
  it.each([
    ["a same-origin POST", { method: "POST", origin: "http://delinde.localhost:8787", secFetchSite: "same-origin" }, false],
    ["a POST without Origin or Sec-Fetch-Site (curl, server-side calls)", { method: "POST", origin: null, secFetchSite: null }, false],
    ["a GET from anywhere", { method: "GET", origin: "http://evil.localhost", secFetchSite: "cross-site" }, false],
    ["a POST from another origin", { method: "POST", origin: "http://evil.localhost", secFetchSite: null }, true],
    ["a POST from another corporation's subdomain", { method: "POST", origin: "http://havenstad.localhost:8787", secFetchSite: "same-site" }, true],
    ["a POST with Origin null (sandboxed or redirected)", { method: "POST", origin: "null", secFetchSite: null }, true],
    ["a cross-site DELETE without Origin", { method: "DELETE", origin: undefined, secFetchSite: "cross-site" }, true],
    ["a same-origin PATCH with https", { method: "PATCH", origin: "https://delinde.buurtplein.nl", secFetchSite: "same-origin", url: "https://delinde.buurtplein.nl/api/me" }, false],
  ])("%s", (_label, request, expected) => {
    expect(isCrossSiteWrite({ url, ...request })).toBe(expected);
  });
});
