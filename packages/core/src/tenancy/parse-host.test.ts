import { describe, expect, it } from "vitest";
import { parseHost, tenantOrigin } from "./parse-host.ts";

describe("parseHost", () => {
  const bases = ["localhost", "buurtplein.nl"];
  it.each([
    ["localhost:8787", { kind: "apex", baseDomain: "localhost" }],
    ["buurtplein.nl", { kind: "apex", baseDomain: "buurtplein.nl" }],
    ["www.buurtplein.nl", { kind: "apex", baseDomain: "buurtplein.nl" }],
    ["delinde.localhost:8787", { kind: "tenant", slug: "delinde", baseDomain: "localhost" }],
    ["DeLinde.Buurtplein.NL.", { kind: "tenant", slug: "delinde", baseDomain: "buurtplein.nl" }],
    ["a.delinde.localhost", { kind: "custom", hostname: "a.delinde.localhost" }],
    ["buurt.delinde.nl", { kind: "custom", hostname: "buurt.delinde.nl" }],
    ["notbuurtplein.nl", { kind: "custom", hostname: "notbuurtplein.nl" }],
  ])("%s", (host, expected) => {
    expect(parseHost(host, bases)).toEqual(expected);
  });

  it("builds a tenant origin from the apex origin", () => {
    expect(tenantOrigin("delinde", "http://localhost:8787")).toBe("http://delinde.localhost:8787");
    expect(tenantOrigin("havenstad", "https://buurtplein.nl")).toBe("https://havenstad.buurtplein.nl");
  });
});
