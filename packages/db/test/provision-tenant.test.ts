import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  controlSchema,
  createDbClient,
  InvalidTenantSlugError,
  migrateDatabase,
  openTenantDb,
  provisionTenant,
  requestTenant,
  SlugTakenError,
  tenantDbClient,
  tenantMigrations,
  TenantProvisioningError,
  tenantSchema,
  type Client,
  type ControlDb,
  type Tenant,
  type TenantDatabase,
  type TenantDatabases,
} from "../src/index.ts";
import { createControlDb, localDatabases, tokenKey, uniqueName } from "./support/databases.ts";

const admin = { email: "Anna.de.Vries@Example.nl", displayName: "Anna de Vries", passwordHash: "scrypt$hash" };

async function loadTenant(control: ControlDb, id: string): Promise<Tenant> {
  const tenant = await control.select().from(controlSchema.tenants).where(eq(controlSchema.tenants.id, id)).get();
  if (!tenant) throw new Error("tenant vanished");
  return tenant;
}

/** Wraps the real local databases: counts calls, can fail the first N creates, can run a hook. */
class ObservedDatabases implements TenantDatabases {
  creates = 0;
  constructor(
    private failCreates = 0,
    private onCreate?: () => Promise<void>,
  ) {}
  async createDatabase(name: string): Promise<TenantDatabase> {
    this.creates++;
    await this.onCreate?.();
    if (this.failCreates-- > 0) throw new Error("provider unavailable");
    return localDatabases().createDatabase(name);
  }
  databaseExists(name: string): Promise<boolean> {
    return localDatabases().databaseExists(name);
  }
  listDatabases() {
    return localDatabases().listDatabases();
  }
  deleteDatabase(name: string): Promise<void> {
    return localDatabases().deleteDatabase(name);
  }
  exportDatabase(name: string) {
    return localDatabases().exportDatabase(name);
  }
}

/** A client that awaits `before` once, ahead of its first call. */
function runsFirst(client: Client, before: () => Promise<void>): Client {
  let ready: Promise<void> | undefined;
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      if (property === "close") return value.bind(target);
      return async (...args: unknown[]) => {
        await (ready ??= before());
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function tenantDb(tenant: Tenant) {
  return openTenantDb(await tenantDbClient(tenant, tokenKey));
}

describe("requestTenant", () => {
  it("records the request in the control plane", async () => {
    const control = await createControlDb();
    const slug = uniqueName("linde");
    const tenant = await requestTenant(control, { slug, name: "Woonstichting De Linde", admin });
    expect(tenant).toMatchObject({
      slug,
      name: "Woonstichting De Linde",
      status: "provisioning",
      provisioningStep: "requested",
      provisioningAttempts: 0,
      pendingAdmin: admin,
      dbName: null,
    });
    expect(await loadTenant(control, tenant.id)).toEqual(tenant);
  });

  it("rejects a taken slug with SlugTakenError", async () => {
    const control = await createControlDb();
    const slug = uniqueName("linde");
    await requestTenant(control, { slug, name: "De Linde", admin });
    await expect(requestTenant(control, { slug, name: "Andere Linde", admin })).rejects.toBeInstanceOf(SlugTakenError);
  });

  it("rejects invalid and reserved slugs", async () => {
    const control = await createControlDb();
    for (const slug of ["admin", "De-Linde", "-linde", "a"]) {
      await expect(requestTenant(control, { slug, name: "X Y", admin })).rejects.toBeInstanceOf(InvalidTenantSlugError);
    }
  });
});

describe("provisionTenant", () => {
  it("walks every step, recording each before the next", async () => {
    const control = await createControlDb();
    const { id } = await requestTenant(control, { slug: uniqueName("linde"), name: "De Linde", admin });
    const seen: Partial<Tenant>[] = [];
    const snapshot = async () => {
      const t = await loadTenant(control, id);
      seen.push({ provisioningStep: t.provisioningStep, status: t.status, dbName: t.dbName, pendingAdmin: t.pendingAdmin });
    };
    const databases = new ObservedDatabases(0, snapshot);
    const connect = (db: TenantDatabase): Client =>
      runsFirst(createDbClient({ url: db.url, authToken: db.token }), snapshot);

    const tenant = await provisionTenant({ control, databases, tenantId: id, tenantMigrations, tokenKey, connect });

    const dbName = tenant.dbName;
    expect(seen.map((s) => s.provisioningStep)).toEqual(["requested", "database_created", "migrated"]);
    expect(seen[1]).toMatchObject({ dbName, pendingAdmin: admin });
    expect(seen[2]).toMatchObject({ dbName, pendingAdmin: admin });
    expect(tenant).toMatchObject({
      status: "active",
      provisioningStep: "active",
      failedStep: null,
      failureReason: null,
      provisioningAttempts: 0,
      pendingAdmin: null,
    });
    expect(dbName).toBe(`tenant-${tenant.slug}`);
    expect(tenant.dbUrl).toContain(dbName);

    const db = await tenantDb(tenant);
    expect(await db.select().from(tenantSchema.tenantSettings).all()).toMatchObject([{ id: 1, displayName: "De Linde" }]);
    expect(await db.select().from(tenantSchema.users).all()).toMatchObject([
      { email: "anna.de.vries@example.nl", displayName: "Anna de Vries", role: "admin", passwordHash: "scrypt$hash" },
    ]);
  });

  it("is a no-op on an active tenant", async () => {
    const control = await createControlDb();
    const { id } = await requestTenant(control, { slug: uniqueName("linde"), name: "De Linde", admin });
    const active = await provisionTenant({ control, databases: localDatabases(), tenantId: id, tenantMigrations, tokenKey });
    const databases = new ObservedDatabases();
    const again = await provisionTenant({ control, databases, tenantId: id, tenantMigrations, tokenKey });
    expect(again).toEqual(active);
    expect(databases.creates).toBe(0);
  });

  it("marks a failed step and resumes there on retry", async () => {
    const control = await createControlDb();
    const { id } = await requestTenant(control, { slug: uniqueName("linde"), name: "De Linde", admin });
    const databases = new ObservedDatabases(1);

    const error = await provisionTenant({ control, databases, tenantId: id, tenantMigrations, tokenKey }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TenantProvisioningError);
    expect((error as TenantProvisioningError).step).toBe("requested");
    expect(await loadTenant(control, id)).toMatchObject({
      status: "failed",
      provisioningStep: "requested",
      failedStep: "requested",
      failureReason: "provider unavailable",
      provisioningAttempts: 1,
    });

    const tenant = await provisionTenant({ control, databases, tenantId: id, tenantMigrations, tokenKey });
    expect(tenant).toMatchObject({ status: "active", failedStep: null, failureReason: null, provisioningAttempts: 1 });
    expect(databases.creates).toBe(2);
  });

  it.each([
    { failingConnect: 1, step: "database_created" },
    { failingConnect: 2, step: "migrated" },
  ])("fails at $step without redoing earlier steps on retry", async ({ failingConnect, step }) => {
    const control = await createControlDb();
    const { id } = await requestTenant(control, { slug: uniqueName("linde"), name: "De Linde", admin });
    const databases = new ObservedDatabases();
    let connects = 0;
    const connect = (db: TenantDatabase): Client => {
      if (++connects === failingConnect) throw new Error("tenant database unreachable");
      return createDbClient({ url: db.url, authToken: db.token });
    };

    await expect(provisionTenant({ control, databases, tenantId: id, tenantMigrations, tokenKey, connect })).rejects.toThrow(
      /tenant database unreachable/,
    );
    const failed = await loadTenant(control, id);
    expect(failed).toMatchObject({ status: "failed", provisioningStep: step, failedStep: step, provisioningAttempts: 1 });
    expect(failed.dbUrl).toBeTruthy();
    expect(failed.pendingAdmin).toEqual(admin);

    const tenant = await provisionTenant({ control, databases, tenantId: id, tenantMigrations, tokenKey, connect });
    expect(tenant).toMatchObject({ status: "active", provisioningStep: "active", pendingAdmin: null });
    expect(databases.creates).toBe(1);
    const db = await tenantDb(tenant);
    expect(await db.select().from(tenantSchema.users).all()).toHaveLength(1);
  });

  it("keeps what an interrupted earlier attempt already created", async () => {
    const control = await createControlDb();
    const slug = uniqueName("linde");
    const { id } = await requestTenant(control, { slug, name: "De Linde", admin });
    // As if a crashed run claimed the name, created and filled the database, and stopped before
    // recording the step.
    await control.update(controlSchema.tenants).set({ dbName: `tenant-${slug}` }).where(eq(controlSchema.tenants.id, id));
    const database = await localDatabases().createDatabase(`tenant-${slug}`);
    const client = createDbClient({ url: database.url, authToken: database.token });
    await migrateDatabase(client, tenantMigrations);
    const earlier = openTenantDb(client);
    await earlier.insert(tenantSchema.tenantSettings).values({ id: 1, displayName: "Al ingesteld" });
    await earlier.insert(tenantSchema.users).values({
      id: "u-1",
      email: "anna.de.vries@example.nl",
      displayName: "Anna",
      role: "admin",
      passwordHash: "earlier",
    });

    const tenant = await provisionTenant({ control, databases: localDatabases(), tenantId: id, tenantMigrations, tokenKey });
    expect(tenant.status).toBe("active");
    const db = await tenantDb(tenant);
    expect(await db.select().from(tenantSchema.tenantSettings).all()).toMatchObject([{ displayName: "Al ingesteld" }]);
    expect(await db.select().from(tenantSchema.users).all()).toMatchObject([{ id: "u-1", passwordHash: "earlier" }]);
  });

  it("never adopts a database left by an earlier corporation with the same slug", async () => {
    const control = await createControlDb();
    const slug = uniqueName("linde");
    // The leftover: migrated, with its own settings and admin, but no control-plane row points at it.
    const leftover = await localDatabases().createDatabase(`tenant-${slug}`);
    const leftoverClient = createDbClient({ url: leftover.url, authToken: leftover.token });
    await migrateDatabase(leftoverClient, tenantMigrations);
    const old = openTenantDb(leftoverClient);
    await old.insert(tenantSchema.tenantSettings).values({ id: 1, displayName: "Vorige corporatie" });
    await old.insert(tenantSchema.users).values({ id: "old-admin", email: "oud@example.nl", displayName: "Oud", role: "admin", passwordHash: "old" });

    const { id } = await requestTenant(control, { slug, name: "Nieuwe corporatie", admin });
    const tenant = await provisionTenant({ control, databases: localDatabases(), tenantId: id, tenantMigrations, tokenKey });

    expect(tenant.status).toBe("active");
    expect(tenant.dbName).toMatch(new RegExp(`^tenant-${slug}-[a-z0-9]{6}$`));
    const db = await tenantDb(tenant);
    expect(await db.select().from(tenantSchema.tenantSettings).all()).toMatchObject([{ displayName: "Nieuwe corporatie" }]);
    expect((await db.select().from(tenantSchema.users).all()).map((user) => user.email)).toEqual(["anna.de.vries@example.nl"]);
    // The leftover is untouched, for the operator's cleanup.
    expect(await old.select().from(tenantSchema.users).all()).toMatchObject([{ id: "old-admin" }]);
  });

  it("resumes with the name it claimed, even when the claimed database now exists", async () => {
    const control = await createControlDb();
    const slug = uniqueName("linde");
    const { id } = await requestTenant(control, { slug, name: "De Linde", admin });
    // The first attempt claims the name and creates the database, then the provider call fails.
    const databases = new ObservedDatabases();
    let failOnce = true;
    const flaky: TenantDatabases = {
      databaseExists: (name) => databases.databaseExists(name),
      listDatabases: () => databases.listDatabases(),
      deleteDatabase: (name) => databases.deleteDatabase(name),
      exportDatabase: (name) => databases.exportDatabase(name),
      createDatabase: async (name) => {
        const created = await databases.createDatabase(name);
        if (failOnce) {
          failOnce = false;
          throw new Error("connection reset after create");
        }
        return created;
      },
    };
    await expect(provisionTenant({ control, databases: flaky, tenantId: id, tenantMigrations, tokenKey })).rejects.toThrow(/connection reset/);
    expect(await loadTenant(control, id)).toMatchObject({ status: "failed", provisioningStep: "requested", dbName: `tenant-${slug}` });

    const tenant = await provisionTenant({ control, databases: flaky, tenantId: id, tenantMigrations, tokenKey });
    expect(tenant).toMatchObject({ status: "active", dbName: `tenant-${slug}` });
    expect(databases.creates).toBe(2);
  });
});
