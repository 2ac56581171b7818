// Loads the demo corporations (demo-data.ts) through the same provisioning path a real sign-up takes,
// then fills each tenant database with neighbourhoods, partners, residents and posts. Idempotent:
// existing demo tenants are left as they are, so a second `npm start` keeps everyone's data.
import { eq } from "drizzle-orm";
import { hashPassword, type TenantTokenKey } from "@buurtplein/core";
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
  for (const demo of DEMO_TENANTS) {
    const [existing] = await options.control.select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, demo.slug)).limit(1);
    if (existing?.status === "active") {
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
    await fillTenant(openTenantDb(await tenantDbClient(active, options.tokenKey)), demo, passwordHash);
    log(`demo tenant ${demo.slug}: created`);
  }
}

async function fillTenant(db: ReturnType<typeof openTenantDb>, demo: DemoTenant, passwordHash: string): Promise<void> {
  const { tenantSettings, neighbourhoods, complexes, partners, partnerNeighbourhoods, users, memberships, posts } = tenantSchema;
  const [anyNeighbourhood] = await db.select({ id: neighbourhoods.id }).from(neighbourhoods).limit(1);
  if (anyNeighbourhood) return; // filled before

  await db
    .update(tenantSettings)
    .set({ tagline: demo.tagline, primaryColor: demo.primaryColor, accentColor: demo.accentColor, sponsorStatement: demo.sponsorStatement })
    .where(eq(tenantSettings.id, 1));

  const neighbourhoodIds = new Map<string, string>();
  for (const neighbourhood of demo.neighbourhoods) {
    const id = crypto.randomUUID();
    neighbourhoodIds.set(neighbourhood.slug, id);
    await db.insert(neighbourhoods).values({ id, ...neighbourhood });
  }
  for (const complex of demo.complexes ?? []) {
    await db.insert(complexes).values({ id: crypto.randomUUID(), neighbourhoodId: neighbourhoodIds.get(complex.neighbourhood)!, name: complex.name, address: complex.address });
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
    await db.insert(posts).values({
      id: crypto.randomUUID(),
      neighbourhoodId: neighbourhoodIds.get(post.neighbourhood)!,
      authorId: userIds.get(post.author)!,
      kind: post.kind,
      title: post.title ?? null,
      body: post.body,
      visibleToCorporation: post.kind === "announcement" || (post.visibleToCorporation ?? false),
      createdAt,
      updatedAt: createdAt,
    });
  }

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

/** The logins `npm start` prints and README.md lists. */
export function demoLogins(): { tenant: string; role: string; email: string; displayName: string }[] {
  return DEMO_TENANTS.flatMap((tenant) =>
    tenant.users.map((user) => ({ tenant: tenant.slug, role: user.role, email: user.email, displayName: user.displayName })),
  );
}
