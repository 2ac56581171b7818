import { describe, expect, it } from "vitest";
import { checkCustomHostname, routeRecord } from "./custom-domain.ts";

const production = { baseDomains: ["buurtplein.nl"], allowLocalhost: false };
const local = { baseDomains: ["localhost"], allowLocalhost: true };

describe("checkCustomHostname", () => {
  it("accepts a corporation's own domain, written as people write it", () => {
    const cases: [string, string][] = [
      ["buurt.delinde.nl", "buurt.delinde.nl"],
      ["Buurt.DeLinde.NL", "buurt.delinde.nl"],
      [" buurt.delinde.nl. ", "buurt.delinde.nl"],
      ["https://buurt.delinde.nl/", "buurt.delinde.nl"],
      ["http://buurt.delinde.nl:8080/pad?x=1", "buurt.delinde.nl"],
      ["delinde.nl", "delinde.nl"],
    ];
    for (const [input, hostname] of cases) expect(checkCustomHostname(input, production), input).toEqual({ ok: true, hostname });
  });

  it("turns an international name into its ASCII form", () => {
    expect(checkCustomHostname("buurt.bürgerhaus.de", production)).toEqual({ ok: true, hostname: "buurt.xn--brgerhaus-q9a.de" });
  });

  it("refuses what is not a hostname", () => {
    const cases: [unknown, string][] = [
      [undefined, "apiErrors.domains.hostnameMissing"],
      ["  ", "apiErrors.domains.hostnameMissing"],
      [42, "apiErrors.domains.hostnameMissing"],
      ["buurt", "apiErrors.domains.hostnameShape"],
      ["buurt delinde.nl", "apiErrors.domains.hostnameShape"],
      ["beheer@delinde.nl", "apiErrors.domains.hostnameShape"],
      ["-buurt.delinde.nl", "apiErrors.domains.hostnameShape"],
      ["buurt..delinde.nl", "apiErrors.domains.hostnameShape"],
      ["buurt_1.delinde.nl", "apiErrors.domains.hostnameShape"],
      ["*.delinde.nl", "apiErrors.domains.hostnameShape"],
      ["192.168.1.10", "apiErrors.domains.hostnameShape"],
      ["[::1]", "apiErrors.domains.hostnameShape"],
      [`${"a".repeat(64)}.delinde.nl`, "apiErrors.domains.hostnameShape"],
      [`${"abcdefghi.".repeat(26)}nl`, "apiErrors.domains.hostnameTooLong"],
    ];
    for (const [input, message] of cases) expect(checkCustomHostname(input, production), String(input)).toEqual({ ok: false, message });
  });

  it("refuses the platform's own names", () => {
    for (const input of ["buurtplein.nl", "www.buurtplein.nl", "delinde.buurtplein.nl", "buurt.delinde.buurtplein.nl"]) {
      expect(checkCustomHostname(input, production), input).toEqual({ ok: false, message: "apiErrors.domains.hostnamePlatform" });
    }
    for (const input of ["localhost", "delinde.localhost", "www.localhost"]) {
      expect(checkCustomHostname(input, local), input).toEqual({ ok: false, message: "apiErrors.domains.hostnamePlatform" });
    }
  });

  it("allows *.localhost names only where they can be served (locally), and not as a tenant's own subdomain", () => {
    expect(checkCustomHostname("buurt.delinde.localhost", local)).toEqual({ ok: true, hostname: "buurt.delinde.localhost" });
    expect(checkCustomHostname("buurt.delinde.localhost", production)).toEqual({ ok: false, message: "apiErrors.domains.hostnameLocalhost" });
    expect(checkCustomHostname("buurt.delinde.nl", local)).toEqual({ ok: true, hostname: "buurt.delinde.nl" });
  });
});

describe("routeRecord", () => {
  it("is a CNAME from the domain to the platform's target", () => {
    expect(routeRecord("buurt.delinde.nl", "domeinen.buurtplein.nl")).toEqual({ type: "CNAME", name: "buurt.delinde.nl", value: "domeinen.buurtplein.nl", purpose: "route" });
  });
});
