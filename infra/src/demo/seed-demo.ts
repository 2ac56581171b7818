// Loads the demo corporations (demo-data.ts) through the same provisioning path a real sign-up takes,
// then fills each tenant database with neighbourhoods, partners, residents and posts. Idempotent:
// existing demo tenants are left as they are, so a second `npm start` keeps everyone's data.
import { fillModeration } from "./demo-moderation.ts";
import { eq } from "drizzle-orm";
import { amsterdamInstant, amsterdamWallTime, complexAddress, encryptTenantToken, hashPassword, type PostDetails, type TenantTokenKey } from "@buurtplein/core";
import {
  controlSchema,
  openTenantDb,
  provisionTenant,
  requestTenant,
  tenantDbClient,
  tenantMigrations,
  tenantSchema,
  type ControlDb,
  type TenantDatabases,
} from "@buurtplein/db";
import { DEMO_PASSWORD, DEMO_TENANTS, type DemoTenant } from "./demo-data.ts";
import { fillParticipation } from "./seed-participation.ts";
import { seedDemoOperator } from "./seed-operator.ts";

const HOUR = 60 * 60 * 1000;

export interface SeedDemoOptions {
  control: ControlDb;
  databases: TenantDatabases;
  /** TENANT_TOKEN_KEY: provisioning stores the database tokens encrypted with it. */
  tokenKey: TenantTokenKey;
  log?: (line: string) => void;
}

export async function seedDemo(options: SeedDemoOptions): Promise<void> {
  const log = options.log ?? (() => {});
  await seedDemoOperator(options.control);
  for (const demo of DEMO_TENANTS) {
    const [existing] = await options.control.select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, demo.slug)).limit(1);
    if (existing?.status === "active") {
      // Activities came later than the rest: a demo tenant from before gets them once.
      await fillActivities(openTenantDb(await tenantDbClient(existing, options.tokenKey)), demo);
      await fillCare(openTenantDb(await tenantDbClient(existing, options.tokenKey)), demo, await hashPassword(DEMO_PASSWORD), options.tokenKey, existing.id);
      await fillParticipation(openTenantDb(await tenantDbClient(existing, options.tokenKey)), demo.slug);
      log(`demo tenant ${demo.slug}: already there`);
      continue;
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const admin = demo.users.find((user) => user.role === "admin");
    if (!admin) throw new Error(`demo tenant ${demo.slug} has no admin`);
    const tenant =
      existing ??
      (await requestTenant(options.control, { slug: demo.slug, name: demo.name, admin: { email: admin.email, displayName: admin.displayName, passwordHash } }));
    const active = await provisionTenant({
      control: options.control,
      databases: options.databases,
      tenantId: tenant.id,
      tenantMigrations,
      tokenKey: options.tokenKey,
    });
    const db = openTenantDb(await tenantDbClient(active, options.tokenKey));
    await fillTenant(db, demo, passwordHash);
    await fillActivities(db, demo);
    await fillCare(db, demo, passwordHash, options.tokenKey, active.id);
    await fillParticipation(db, demo.slug);
    log(`demo tenant ${demo.slug}: created`);
  }
}

async function fillTenant(db: ReturnType<typeof openTenantDb>, demo: DemoTenant, passwordHash: string): Promise<void> {
  const { tenantSettings, neighbourhoods, complexes, partners, partnerNeighbourhoods, users, memberships, posts, replies, reactions } = tenantSchema;
  const [anyNeighbourhood] = await db.select({ id: neighbourhoods.id }).from(neighbourhoods).limit(1);
  if (anyNeighbourhood) return; // filled before

  await db
    .update(tenantSettings)
    .set({ tagline: demo.tagline, primaryColor: demo.primaryColor, accentColor: demo.accentColor, sponsorStatement: demo.sponsorStatement, houseRules: demo.houseRules ?? null })
    .where(eq(tenantSettings.id, 1));

  const neighbourhoodIds = new Map<string, string>();
  for (const neighbourhood of demo.neighbourhoods) {
    const id = crypto.randomUUID();
    neighbourhoodIds.set(neighbourhood.slug, id);
    await db.insert(neighbourhoods).values({ id, ...neighbourhood });
  }
  for (const complex of demo.complexes ?? []) {
    const { neighbourhood, houseNumbers, ...fields } = complex;
    await db.insert(complexes).values({
      id: crypto.randomUUID(),
      neighbourhoodId: neighbourhoodIds.get(neighbourhood)!,
      ...fields,
      houseNumberFrom: houseNumbers.from,
      houseNumberTo: houseNumbers.to,
      address: complexAddress({ street: fields.street, houseNumbers }),
    });
  }
  const partnerIds = new Map<string, string>();
  for (const { serves = [], ...partner } of demo.partners) {
    const id = crypto.randomUUID();
    partnerIds.set(partner.name, id);
    await db.insert(partners).values({ id, ...partner });
    for (const slug of serves) await db.insert(partnerNeighbourhoods).values({ partnerId: id, neighbourhoodId: neighbourhoodIds.get(slug)! });
  }

  const userIds = new Map<string, string>();
  for (const user of demo.users) {
    const [found] = await db.select({ id: users.id }).from(users).where(eq(users.email, user.email)).limit(1);
    const id = found?.id ?? crypto.randomUUID();
    userIds.set(user.key, id);
    if (!found) {
      const partnerId = user.organisation === undefined ? null : partnerIds.get(user.organisation)!;
      await db.insert(users).values({ id, email: user.email, displayName: user.displayName, role: user.role, street: user.street ?? null, partnerId, passwordHash });
    }
    for (const slug of user.neighbourhoods) {
      await db.insert(memberships).values({ userId: id, neighbourhoodId: neighbourhoodIds.get(slug)! });
    }
  }

  const now = Date.now();
  for (const post of demo.posts) {
    const createdAt = now - post.hoursAgo * HOUR;
    const id = crypto.randomUUID();
    const shared = post.kind === "announcement" || (post.visibleToCorporation ?? false);
    const details = post.safety
      ? { safety: { where: post.safety.where, when: wallClock(now - post.safety.hoursAgo * HOUR), behaviour: post.safety.behaviour } }
      : post.skills
        ? { skills: post.skills as PostDetails["skills"] }
        : null;
    await db.insert(posts).values({
      id,
      neighbourhoodId: neighbourhoodIds.get(post.neighbourhood)!,
      authorId: userIds.get(post.author)!,
      kind: post.kind,
      title: post.title ?? null,
      body: post.body,
      details,
      visibleToCorporation: shared,
      solvedAt: post.solved ? now - HOUR : null,
      pinnedAt: post.pinned ? createdAt : null,
      createdAt,
      updatedAt: createdAt,
    });
    for (const reply of post.replies ?? []) {
      const at = now - reply.hoursAgo * HOUR;
      await db.insert(replies).values({ id: crypto.randomUUID(), postId: id, authorId: userIds.get(reply.author)!, body: reply.body, visibleToCorporation: shared, createdAt: at, updatedAt: at });
    }
    for (const [user, kind] of Object.entries(post.reactions ?? {})) {
      await db.insert(reactions).values({ postId: id, userId: userIds.get(user)!, kind, createdAt });
    }
  }

  await fillModeration(db, demo.slug, neighbourhoodIds, userIds, now);

  // The bell has something to show right after `npm start`: each ambassador is told about a neighbour
  // who joined their neighbourhood (unread), as notify() does when someone joins.
  for (const ambassador of demo.users.filter((user) => user.role === "ambassador")) {
    for (const slug of ambassador.neighbourhoods) {
      const newcomer = demo.users.find((user) => user.role === "resident" && user.neighbourhoods.includes(slug));
      if (!newcomer) continue;
      const neighbourhood = demo.neighbourhoods.find((candidate) => candidate.slug === slug)!;
      await db.insert(tenantSchema.notifications).values({
        id: crypto.randomUUID(),
        userId: userIds.get(ambassador.key)!,
        kind: "new_member",
        neighbourhoodId: neighbourhoodIds.get(slug)!,
        actorId: userIds.get(newcomer.key)!,
        subjectId: userIds.get(newcomer.key)!,
        url: `/buurt/${slug}`,
        params: { name: newcomer.displayName, neighbourhood: neighbourhood.name },
        createdAt: now - 2 * HOUR,
      });
    }
  }
}

/** "2026-11-30T22:15" in Amsterdam time, as a safety form sends it. */
function wallClock(timestamp: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(timestamp)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The demo activities (with their answers), once: nothing happens when the tenant has any activity. */
async function fillActivities(db: ReturnType<typeof openTenantDb>, demo: DemoTenant): Promise<void> {
  const { activities, activityNeighbourhoods, activityOrganisers, activityRsvps, neighbourhoods, partners, users } = tenantSchema;
  if (!demo.activities?.length) return;
  const [any] = await db.select({ id: activities.id }).from(activities).limit(1);
  if (any) return;
  const userIds = new Map<string, string>();
  for (const user of demo.users) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, user.email)).limit(1);
    if (row) userIds.set(user.key, row.id);
  }
  const now = Date.now();
  const today = amsterdamWallTime(now);
  for (const activity of demo.activities) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + activity.inDays));
    const startsAt = amsterdamInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), activity.hour, 0);
    const id = crypto.randomUUID();
    const sponsorId = activity.sponsor
      ? (await db.select({ id: partners.id }).from(partners).where(eq(partners.name, activity.sponsor)).limit(1))[0]?.id ?? null
      : null;
    await db.insert(activities).values({
      id,
      title: activity.title,
      description: activity.description,
      place: activity.place,
      startsAt,
      endsAt: startsAt + activity.hours * HOUR,
      capacity: activity.capacity ?? null,
      createdById: userIds.get(activity.organiser) ?? null,
      sponsorPartnerId: sponsorId,
      sponsorNote: activity.sponsorNote ?? null,
      status: activity.status ?? "published",
      createdAt: now - 2 * 24 * HOUR,
      updatedAt: now - 2 * 24 * HOUR,
    });
    for (const slug of activity.neighbourhoods) {
      const [neighbourhood] = await db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(eq(neighbourhoods.slug, slug)).limit(1);
      if (neighbourhood) await db.insert(activityNeighbourhoods).values({ activityId: id, neighbourhoodId: neighbourhood.id });
    }
    if (!activity.sponsor) await db.insert(activityOrganisers).values({ activityId: id, userId: userIds.get(activity.organiser)! });
    let placed = 0;
    for (const [index, key] of (activity.going ?? []).entries()) {
      const waitlisted = activity.capacity !== undefined && placed >= activity.capacity;
      if (!waitlisted) placed++;
      await db.insert(activityRsvps).values({ activityId: id, userId: userIds.get(key)!, answer: "going", waitlisted, respondedAt: now - HOUR + index });
    }
    for (const key of activity.maybe ?? []) {
      await db.insert(activityRsvps).values({ activityId: id, userId: userIds.get(key)!, answer: "maybe", waitlisted: false, respondedAt: now - HOUR });
    }
  }

}

/** The logins `npm start` prints and README.md lists. */
export function demoLogins(): { tenant: string; role: string; email: string; displayName: string }[] {
  return DEMO_TENANTS.flatMap((tenant) =>
    tenant.users.map((user) => ({ tenant: tenant.slug, role: user.role, email: user.email, displayName: user.displayName })),
  );
}

/**
 * Early warning (decision 027), once: the social coordinator and privacy officer, the routing rules and
 * a few signals, so the wijkteam sees an inbox. A demo tenant from before gets them (and the privacy
 * officer's account) the first time.
 */
async function fillCare(db: ReturnType<typeof openTenantDb>, demo: DemoTenant, passwordHash: string, tokenKey: TenantTokenKey, tenantId: string): Promise<void> {
  const { careSettings, careRoutingRules, signals, signalEvents, neighbourhoods, partners, users } = tenantSchema;
  const care = demo.care;
  if (!care) return;
  const [done] = await db.select({ id: careSettings.id }).from(careSettings).limit(1);
  if (done) return;
  const userIds = new Map<string, string>();
  for (const user of demo.users) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, user.email)).limit(1);
    if (row) userIds.set(user.key, row.id);
    else if (user.key === care.privacyOfficer) {
      const id = crypto.randomUUID();
      await db.insert(users).values({ id, email: user.email, displayName: user.displayName, role: user.role, passwordHash });
      userIds.set(user.key, id);
    }
  }
  const place = async (slug: string) => (await db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(eq(neighbourhoods.slug, slug)).limit(1))[0]!.id;
  const organisation = async (name: string) => (await db.select({ id: partners.id }).from(partners).where(eq(partners.name, name)).limit(1))[0]!.id;
  await db.insert(careSettings).values({ id: 1, coordinatorId: userIds.get(care.coordinator) ?? null, privacyOfficerId: userIds.get(care.privacyOfficer) ?? null });
  const ruleIds = new Map<string, { id: string; partnerId: string }>();
  for (const rule of care.rules) {
    const id = crypto.randomUUID();
    const partnerId = await organisation(rule.organisation);
    await db.insert(careRoutingRules).values({ id, category: rule.category, neighbourhoodId: await place(rule.neighbourhood), partnerId });
    ruleIds.set(rule.neighbourhood, { id, partnerId });
  }
  const now = Date.now();
  for (const signal of care.signals) {
    const id = crypto.randomUUID();
    const at = now - signal.hoursAgo * 60 * 60 * 1000;
    const route = ruleIds.get(signal.neighbourhood);
    await db.insert(signals).values({
      id,
      reporterId: userIds.get(signal.reporter) ?? null,
      category: signal.category,
      about: signal.about,
      consent: signal.about === "myself",
      neighbourhoodId: await place(signal.neighbourhood),
      // Sealed as the API seals them (apps/worker/src/care/signal-access.ts).
      details: await encryptTenantToken(tokenKey, `${tenantId}:signal:${id}`, JSON.stringify({ description: signal.description, noticed: signal.noticed, contact: signal.contact })),
      status: signal.status,
      partnerId: route?.partnerId ?? null,
      routingRuleId: route?.id ?? null,
      createdAt: at,
      updatedAt: at,
      routedAt: at,
      acknowledgedAt: signal.status === "acknowledged" ? at + 60 * 60 * 1000 : null,
    });
    await db.insert(signalEvents).values({ id: crypto.randomUUID(), signalId: id, partnerId: route?.partnerId ?? null, event: "routed", reason: route ? `rule:${route.id}` : "coordinator", createdAt: at });
  }
}
