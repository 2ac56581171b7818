// The first-run checklist of a new corporation's admin ticks each step from real state: a
// neighbourhood, the branding saved (audit_log settings.branding), an invite.
import { describe, expect, it } from "vitest";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb, uniqueSlug } from "./helpers.ts";
import { createInvite, NEW_PASSWORD } from "./invite-fixtures.ts";

async function checklist(host: string, cookie: string) {
  const response = await call(host, "/api/setup/checklist", { cookie });
  expect(response.status).toBe(200);
  const { checklist } = await json(response);
  return { done: Object.fromEntries(checklist.steps.map((step: { step: string; done: boolean }) => [step.step, step.done])), complete: checklist.complete };
}

describe("the first-run checklist", () => {
  it("starts empty for a new corporation and ticks each step as it is done", async () => {
    const slug = uniqueSlug("start");
    const host = `${slug}.localhost:8787`;
    const signup = await call("localhost:8787", "/api/signup", {
      method: "POST",
      json: { name: "Woonstichting Start", slug, adminName: "Stan Start", adminEmail: "stan@start.example", adminPassword: NEW_PASSWORD },
    });
    expect(signup.status).toBe(201);
    const admin = await login(host, "stan@start.example", NEW_PASSWORD);
    expect(await checklist(host, admin)).toEqual({ done: { neighbourhood: false, branding: false, invite: false }, complete: false });

    expect((await call(host, "/api/neighbourhoods", { method: "POST", cookie: admin, json: { name: "Eerste Buurt", kind: "existing" } })).status).toBe(201);
    expect((await checklist(host, admin)).done).toEqual({ neighbourhood: true, branding: false, invite: false });

    // The branding page records each save as settings.branding in the audit log.
    const db = await tenantDb(slug);
    await db.insert(tenantSchema.auditLog).values({ id: crypto.randomUUID(), actorId: null, action: "settings.branding" });
    expect((await checklist(host, admin)).done).toEqual({ neighbourhood: true, branding: true, invite: false });

    await createInvite(host, { neighbourhood: "eerste-buurt" }, admin);
    expect(await checklist(host, admin)).toEqual({ done: { neighbourhood: true, branding: true, invite: true }, complete: true });
  });

  it("is only for admins", async () => {
    const moderator = await login("delinde.localhost:8787", "sanne@delinde.example");
    expect((await call("delinde.localhost:8787", "/api/setup/checklist", { cookie: moderator })).status).toBe(403);
    expect((await call("delinde.localhost:8787", "/api/setup/checklist")).status).toBe(401);
  });
});
