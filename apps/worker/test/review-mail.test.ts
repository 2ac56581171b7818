// When a reviewer approves or rejects someone who waited, that person gets an e-mail (if they gave an
// address); a rejected person who logs in with the right password reads the reviewer's note.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { controlSchema, tenantSchema } from "@buurtplein/db";
import { call, control, json, login } from "./helpers.ts";
import { NEW_PASSWORD, createFreshTenant, createInvite, join, joinBody, userIdByEmail } from "./invite-fixtures.ts";

const { devMail } = controlSchema;

async function mailTo(slug: string, to: string) {
  return control().select().from(devMail).where(and(eq(devMail.to, to), eq(devMail.tenantSlug, slug)));
}

async function pendingTenant() {
  const tenant = await createFreshTenant();
  const switched = await call(tenant.host, "/api/settings/membership", { method: "PATCH", cookie: tenant.adminCookie, json: { requireMemberApproval: true } });
  expect(switched.status).toBe(200);
  const invite = await createInvite(tenant.host, { neighbourhood: "oudwijk" }, tenant.adminCookie);
  const moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
  return { ...tenant, invite, moderator };
}

async function joinPending(host: string, invite: string, overrides: Record<string, unknown> = {}) {
  const body = joinBody(invite, overrides);
  const answer = await json(await join(host, body));
  expect(answer.status).toBe("pending");
  return { body, id: (answer.user?.id as string | undefined) ?? (await userIdByEmail(host, body.email as string)) };
}

describe("e-mail after a review", () => {
  it("tells an approved person they can log in, with a link to the login page", async () => {
    const tenant = await pendingTenant();
    const person = await joinPending(tenant.host, tenant.invite.code);
    expect(await mailTo(tenant.slug, person.body.email)).toHaveLength(0);

    const approved = await call(tenant.host, `/api/members/${person.id}/approve`, { method: "POST", cookie: tenant.moderator });
    expect(approved.status).toBe(200);
    expect((await json(approved)).mailed).toBe(true);
    const [mail, ...more] = await mailTo(tenant.slug, person.body.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Welkom in Oudwijk: je kunt nu inloggen");
    expect(mail!.text).toContain(`Hallo ${person.body.displayName},`);
    expect(mail!.text).toContain("Woonstichting Proef");
    expect(mail!.text).toContain(`http://${tenant.host}/inloggen`);
    expect(mail!.html).toContain(`href="http://${tenant.host}/inloggen"`);
  });

  it("gives a rejected person the reviewer's message by e-mail and after a correct password", async () => {
    const tenant = await pendingTenant();
    const person = await joinPending(tenant.host, tenant.invite.code);
    const note = "We kennen je niet uit Oudwijk. Bel ons even, dan kijken we samen.";
    const ambassador = await login(tenant.host, "amber@proef.example", NEW_PASSWORD);
    const rejected = await call(tenant.host, `/api/members/${person.id}/reject`, { method: "POST", cookie: ambassador, json: { message: note } });
    expect(rejected.status).toBe(200);
    const [mail] = await mailTo(tenant.slug, person.body.email);
    expect(mail!.subject).toBe("Je aanmelding voor Oudwijk is niet goedgekeurd");
    expect(mail!.text).toContain(note);
    expect(mail!.text).toContain("Neem dan contact op met Woonstichting Proef");
    expect(mail!.html).toContain(note);

    // Right password: refused, with the note. Wrong password: nothing about the account.
    const refused = await call(tenant.host, "/api/auth/login", { method: "POST", json: { identifier: person.body.email, password: NEW_PASSWORD } });
    expect(refused.status).toBe(403);
    const { error } = await json(refused);
    expect(error.details).toEqual({ reviewNote: note });
    expect(error.message).toContain(note);
    const wrong = await call(tenant.host, "/api/auth/login", { method: "POST", json: { identifier: person.body.email, password: "niet-mijn-wachtwoord" } });
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(await json(wrong))).not.toContain("Oudwijk");
  });

  it("writes in the person's language, and sends nothing to someone without e-mail", async () => {
    const tenant = await pendingTenant();
    const english = await joinPending(tenant.host, tenant.invite.code);
    await tenant.db.update(tenantSchema.users).set({ locale: "en" }).where(eq(tenantSchema.users.id, english.id));
    await call(tenant.host, `/api/members/${english.id}/reject`, { method: "POST", cookie: tenant.moderator, json: { message: "Please call us." } });
    const [mail] = await mailTo(tenant.slug, english.body.email);
    expect(mail!.subject).toBe("Your request to join Oudwijk was not approved");
    expect(mail!.text).toContain("Please call us.");

    const paperOnly = await joinPending(tenant.host, tenant.invite.code, { email: "", displayName: "Wim Wachter" });
    const approved = await call(tenant.host, `/api/members/${paperOnly.id}/approve`, { method: "POST", cookie: tenant.moderator });
    expect(approved.status).toBe(200);
    expect((await json(approved)).mailed).toBe(false);
    expect(await control().select().from(devMail).where(eq(devMail.tenantSlug, tenant.slug))).toHaveLength(1);
  });
});
