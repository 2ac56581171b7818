import { describe, expect, it } from "vitest";
import { call, json } from "./helpers.ts";

describe("GET /api/health", () => {
  it("checks the control plane on the apex", async () => {
    const response = await call("localhost:8787", "/api/health");
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ ok: true, checks: { control: "ok" } });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("checks the tenant database on a tenant host", async () => {
    const response = await call("delinde.localhost:8787", "/api/health");
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ ok: true, checks: { control: "ok", tenant: "ok" } });
  });
});
