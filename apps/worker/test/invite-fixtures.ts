// Invites for tests, made the way staff make them (through the API, as a moderator), and a fresh
// corporation for tests that switch tenant-wide settings (approval) without touching the demo ones.
import { eq } from "drizzle-orm";
import { hashPassword } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb, uniqueSlug } from "./helpers.ts";

export const DELINDE = "delinde.localhost:8787";
export const HAVENSTAD = "havenstad.localhost:8787";
export const MODERATORS = { [DELINDE]: "sanne@delinde.example", [HAVENSTAD]: "yasmina@havenstad.example" } as Record<string, string>;
export const NEW_PASSWORD = "mijn-eigen-wachtwoord";

export interface CreatedInvite {
  id: string;
  code: string;
  token: string;
  link: string;
}

/** A moderator (or the given staff cookie) creates an invite; returns its code, token and link. */
export async function createInvite(host: string, body: Record<string, unknown>, cookie?: string): Promise<CreatedInvite> {
  const staff = cookie ?? (await login(host, MODERATORS[host]!));
  const created = await call(host, "/api/invites", { method: "POST", cookie: staff, json: { label: "Testbrief", ...body } });
  if (created.status !== 201) throw new Error(`create invite: ${created.status} ${await created.text()}`);
  const { invite } = await json(created);
  const detail = await json(await call(host, `/api/invites/${invite.id}`, { cookie: staff }));
  return { id: invite.id, code: detail.invite.code, token: detail.invite.token, link: detail.invite.link };
}

export async function revokeInvite(host: string, id: string): Promise<void> {
  const staff = await login(host, MODERATORS[host]!);
  const response = await call(host, `/api/invites/${id}/revoke`, { method: "POST", cookie: staff });
  if (response.status !== 200) throw new Error(`revoke: ${response.status}`);
}

/** A join request body with a unique name and e-mail. */
export function joinBody(invite: string, overrides: Record<string, unknown> = {}) {
  const suffix = crypto.randomUUID().slice(0, 8);
  return {
    invite,
    displayName: `Nieuwe Buur ${suffix}`,
    email: `buur-${suffix}@example.org`,
    password: NEW_PASSWORD,
    acceptHouseRules: true,
    ...overrides,
  };
}

export function join(host: string, body: unknown, headers: Record<string, string> = {}) {
  return call(host, "/api/join", { method: "POST", json: body, headers });
}

/** The id of the account with this e-mail on this host (a join with e-mail answers without it: no enumeration). */
export async function userIdByEmail(host: string, email: string): Promise<string> {
  const db = await tenantDb(host.split(".")[0]!);
  const [row] = await db.select({ id: tenantSchema.users.id }).from(tenantSchema.users).where(eq(tenantSchema.users.email, email.toLowerCase())).limit(1);
  if (!row) throw new Error(`no account for ${email} on ${host}`);
  return row.id;
}

export function sessionCookieOf(response: Response): string | null {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("bp_session=") && !value.startsWith("bp_session=;"));
  return cookie ? cookie.split(";")[0]! : null;
}

/**
 * A new corporation (through the real sign-up) with two neighbourhoods, an ambassador and a
 * resident: for tests that change tenant-wide settings.
 */
export async function createFreshTenant() {
  const slug = uniqueSlug("inv");
  const host = `${slug}.localhost:8787`;
  const signup = await call("localhost:8787", "/api/signup", {
    method: "POST",
    json: { name: "Woonstichting Proef", slug, adminName: "Ada Admin", adminEmail: "ada@proef.example", adminPassword: NEW_PASSWORD },
  });
  if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${await signup.text()}`);
  const db = await tenantDb(slug);
  const oudwijk = crypto.randomUUID();
  const nieuwbouw = crypto.randomUUID();
  await db.insert(tenantSchema.neighbourhoods).values([
    { id: oudwijk, slug: "oudwijk", name: "Oudwijk", kind: "existing", city: "Utrecht" },
    { id: nieuwbouw, slug: "nieuwbouw", name: "De Nieuwbouw", kind: "new_build", city: "Utrecht" },
  ]);
  const adminCookie = await login(host, "ada@proef.example", NEW_PASSWORD);
  // Staff and neighbours go straight into the database (there is no staff management yet).
  const passwordHash = await hashPassword(NEW_PASSWORD);
  const people = [
    { id: crypto.randomUUID(), email: "mo@proef.example", displayName: "Mo Moderator", role: "moderator", neighbourhood: null },
    { id: crypto.randomUUID(), email: "amber@proef.example", displayName: "Amber Ambassadeur", role: "ambassador", neighbourhood: oudwijk },
    { id: crypto.randomUUID(), email: "rik@proef.example", displayName: "Rik Resident", role: "resident", neighbourhood: oudwijk },
    { id: crypto.randomUUID(), email: "nina@proef.example", displayName: "Nina Nieuwbouw", role: "ambassador", neighbourhood: nieuwbouw },
  ];
  for (const person of people) {
    await db.insert(tenantSchema.users).values({ id: person.id, email: person.email, displayName: person.displayName, role: person.role, passwordHash });
    if (person.neighbourhood) await db.insert(tenantSchema.memberships).values({ userId: person.id, neighbourhoodId: person.neighbourhood });
  }
  return { slug, host, db, adminCookie, neighbourhoods: { oudwijk, nieuwbouw } };
}
