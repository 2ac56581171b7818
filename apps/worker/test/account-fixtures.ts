// Fresh accounts for identity tests: each test gets its own person, so tests never share state.
import { eq } from "drizzle-orm";
import { hashLoginToken, hashPassword, normaliseRecoveryCode } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import { call, json, tenantDb } from "./helpers.ts";

export const DELINDE = "delinde.localhost:8787";
export const HAVENSTAD = "havenstad.localhost:8787";
export const TEST_PASSWORD = "een-goed-wachtwoord";

let cachedHash: Promise<string> | null = null;

export interface TestUser {
  id: string;
  email: string | null;
  loginName: string | null;
  displayName: string;
}

/** A new account in a demo corporation, member of a neighbourhood (by slug) if asked. */
export async function createTestUser(
  slug: "delinde" | "havenstad",
  options: { email?: string | null; loginName?: string | null; status?: string; role?: string; neighbourhood?: string; street?: string } = {},
): Promise<TestUser> {
  const db = await tenantDb(slug);
  const id = crypto.randomUUID();
  const suffix = id.slice(0, 8);
  const email = options.email === undefined ? `test-${suffix}@${slug}.example` : options.email;
  const loginName = options.loginName === undefined ? null : options.loginName;
  const displayName = `Testpersoon ${suffix}`;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  await db.insert(tenantSchema.users).values({
    id,
    email,
    loginName,
    displayName,
    role: options.role ?? "resident",
    status: options.status ?? "active",
    street: options.street ?? null,
    passwordHash: await cachedHash,
  });
  if (options.neighbourhood) {
    const [neighbourhood] = await db.select().from(tenantSchema.neighbourhoods).where(eq(tenantSchema.neighbourhoods.slug, options.neighbourhood));
    await db.insert(tenantSchema.memberships).values({ userId: id, neighbourhoodId: neighbourhood!.id });
  }
  return { id, email, loginName, displayName };
}

/** A recovery code as a moderator would make it (stored as the SHA-256 of the normalised code). */
export async function createRecoveryCode(slug: "delinde" | "havenstad", userId: string, code: string, options: { expiresInMs?: number } = {}) {
  const db = await tenantDb(slug);
  await db.insert(tenantSchema.loginTokens).values({
    id: await hashLoginToken(normaliseRecoveryCode(code)),
    userId,
    purpose: "recovery",
    expiresAt: Date.now() + (options.expiresInMs ?? 24 * 60 * 60 * 1000),
  });
}

export function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("bp_session="));
  if (!cookie) throw new Error(`no session cookie (status ${response.status})`);
  return cookie.split(";")[0]!;
}

/**
 * The newest dev-mailbox e-mail to this address on this host. Some e-mails are sent after the answer
 * (waitUntil), so the mailbox is polled for up to `waitMs` before concluding there is none.
 */
export async function newestMail(host: string, to: string, { waitMs = 2000 }: { waitMs?: number } = {}) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const response = await call(host, `/api/dev/mail?to=${encodeURIComponent(to)}`);
    if (response.status !== 200) throw new Error(`dev mail: ${response.status}`);
    const { mail } = await json<{ mail: { to: string; subject: string; text: string; html: string; tenantSlug: string | null; createdAt: number }[] }>(response);
    if (mail[0] || Date.now() >= deadline) return mail[0] ?? null;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function tokenFromMail(text: string): string {
  const match = /\/inloggen\/link\?token=([\w-]+)/.exec(text);
  if (!match) throw new Error(`no login link in: ${text}`);
  return match[1]!;
}

/** Logs a test user in with the test password (e-mail or login name). */
export async function loginAs(host: string, identifier: string): Promise<string> {
  const response = await call(host, "/api/auth/login", { method: "POST", json: { identifier, password: TEST_PASSWORD } });
  if (response.status !== 200) throw new Error(`login ${identifier}: ${response.status} ${await response.text()}`);
  return sessionCookie(response);
}
