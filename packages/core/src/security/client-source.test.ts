import { describe, expect, it } from "vitest";
import { LOCAL_CLIENT_SOURCE, clientSourceOf } from "./client-source.ts";

describe("clientSourceOf", () => {
  it("on Cloudflare: the edge's CF-Connecting-IP, never X-Forwarded-For or X-Real-IP", () => {
    const headers = new Headers({ "cf-connecting-ip": "203.0.113.7", "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" });
    expect(clientSourceOf(headers, true)).toBe("203.0.113.7");
    expect(clientSourceOf(new Headers({ "x-forwarded-for": "198.51.100.1" }), true)).toBe("unknown");
  });

  it("locally: the loopback socket, whatever the client put in its headers", () => {
    const headers = new Headers({ "cf-connecting-ip": "203.0.113.7", "x-forwarded-for": "198.51.100.1", "x-buurtplein-client-source": "10.0.0.1" });
    expect(clientSourceOf(headers, false)).toBe(LOCAL_CLIENT_SOURCE);
  });

  it("counts an IPv6 address as its /64", () => {
    expect(clientSourceOf(new Headers({ "cf-connecting-ip": "2001:0db8:0001:0002:0003:0004:0005:0006" }), true)).toBe("2001:db8:1:2::/64");
    expect(clientSourceOf(new Headers({ "cf-connecting-ip": "2001:db8:1:2:ffff::1" }), true)).toBe("2001:db8:1:2::/64");
    expect(clientSourceOf(new Headers({ "cf-connecting-ip": "2001:db8::1" }), true)).toBe("2001:db8:0:0::/64");
  });
});
