import { describe, expect, it } from "vitest";
import { computeRetentionCutoffs } from "@buurtplein/core";
import {
  cleanControlPlane,
  cleanTenantDatabase,
  controlSchema,
  migrateDatabase,
  openTenantDb,
  tenantMigrations,
  tenantSchema,
  type TenantDb,
} from "../src/index.ts";
import { createControlDb, createFreshDatabase } from "./support/databases.ts";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const now = Date.now();
const cutoffs = computeRetentionCutoffs(now);

async function createTenantDb(): Promise<TenantDb> {
  const { client } = await createFreshDatabase("clean");
  await migrateDatabase(client, tenantMigrations);
  const db = openTenantDb(client);
  await db.insert(tenantSchema.users).values({ id: "u1", displayName: "Anna", role: "resident" });
  return db;
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

describe("cleanTenantDatabase", () => {
  it("deletes expired sessions, spent login tokens, ended rate-limit windows and audit entries older than two years, and keeps the rest", async () => {
    const db = await createTenantDb();
    const { sessions, loginTokens, rateLimits, auditLog } = tenantSchema;
    await db.insert(sessions).values([
      { id: "expired", userId: "u1", expiresAt: now - MINUTE },
      { id: "long-expired", userId: "u1", expiresAt: now - 40 * DAY },
      { id: "valid", userId: "u1", expiresAt: now + DAY },
    ]);
    await db.insert(loginTokens).values([
      { id: "expired-2-days-ago", userId: "u1", purpose: "magic_link", expiresAt: now - 2 * DAY },
      { id: "used-2-days-ago", userId: "u1", purpose: "recovery", expiresAt: now + 5 * DAY, usedAt: now - 2 * DAY },
      { id: "expired-an-hour-ago", userId: "u1", purpose: "magic_link", expiresAt: now - HOUR },
      { id: "used-an-hour-ago", userId: "u1", purpose: "magic_link", expiresAt: now - 50 * MINUTE, usedAt: now - HOUR },
      { id: "valid", userId: "u1", purpose: "magic_link", expiresAt: now + 10 * MINUTE },
    ]);
    await db.insert(rateLimits).values([
      { key: "ended", windowStart: now - 2 * DAY, count: 3 },
      { key: "current", windowStart: now - 10 * MINUTE, count: 1 },
    ]);
    await db.insert(auditLog).values([
      { id: "three-years-old", actorId: "u1", action: "member.rejected", subject: "u2", createdAt: now - 3 * 365 * DAY },
      { id: "just-over-two-years", actorId: "u1", action: "member.approved", subject: "u3", createdAt: now - 730 * DAY - MINUTE },
      { id: "just-under-two-years", actorId: "u1", action: "member.removed", subject: "u4", createdAt: now - 730 * DAY + MINUTE },
      { id: "today", actorId: null, action: "account.deleted", subject: "u5" },
    ]);

    expect(await cleanTenantDatabase(db, cutoffs)).toEqual({ sessions: 2, loginTokens: 2, rateLimits: 1, auditLog: 2 });

    expect(ids(await db.select({ id: sessions.id }).from(sessions))).toEqual(["valid"]);
    expect(ids(await db.select({ id: loginTokens.id }).from(loginTokens))).toEqual(["expired-an-hour-ago", "used-an-hour-ago", "valid"]);
    expect((await db.select().from(rateLimits)).map((row) => row.key)).toEqual(["current"]);
    expect(ids(await db.select({ id: auditLog.id }).from(auditLog))).toEqual(["just-under-two-years", "today"]);
    // Nothing else is touched, and a second run finds nothing more.
    expect(await db.select().from(tenantSchema.users)).toHaveLength(1);
    expect(await cleanTenantDatabase(db, cutoffs)).toEqual({ sessions: 0, loginTokens: 0, rateLimits: 0, auditLog: 0 });
  });
});

describe("cleanControlPlane", () => {
  it("deletes ended rate-limit windows and dev e-mails older than seven days", async () => {
    const control = await createControlDb();
    const { rateLimits, devMail } = controlSchema;
    const mail = { to: "anna@example.nl", subject: "Hallo", text: "Hallo", html: "<p>Hallo</p>" };
    await control.insert(devMail).values([
      { ...mail, id: "old", createdAt: now - 8 * DAY },
      { ...mail, id: "recent", createdAt: now - 6 * DAY },
      { ...mail, id: "new" },
    ]);
    await control.insert(rateLimits).values([
      { key: "signup:ip:ended", windowStart: now - 2 * DAY, count: 10 },
      { key: "signup:ip:current", windowStart: now - 30 * MINUTE, count: 2 },
    ]);
    const { operators, operatorSessions } = controlSchema;
    await control.insert(operators).values({ id: "op", email: "op@example.nl", displayName: "Op", passwordHash: "x" });
    await control.insert(operatorSessions).values([
      { id: "expired-long-ago", operatorId: "op", expiresAt: cutoffs.sessionsExpiredBefore - 1 },
      { id: "valid", operatorId: "op", expiresAt: now + DAY },
    ]);

    expect(await cleanControlPlane(control, cutoffs)).toEqual({ rateLimits: 1, devMail: 1, operatorSessions: 1 });
    expect(ids(await control.select({ id: operatorSessions.id }).from(operatorSessions))).toEqual(["valid"]);

    expect(ids(await control.select({ id: devMail.id }).from(devMail))).toEqual(["new", "recent"]);
    expect((await control.select().from(rateLimits)).map((row) => row.key)).toEqual(["signup:ip:current"]);
  });
});
