// Tenant provisioning: requestTenant records the wish in the control plane, provisionTenant walks
//   requested → database_created → migrated → admin_created → active
// recording each step before taking the next, so a failed run can be resumed by calling it again.
// The database's name is recorded before the database is created: a database that exists under a name
// this tenant did not claim (left by an earlier corporation with the same slug) is never adopted.
import { isEncryptedTenantToken, type TenantTokenKey } from "@buurtplein/core/security/tenant-token-cipher";
import { ZTenantSlug } from "@buurtplein/core/tenancy/tenant-signup";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { createDbClient, openTenantDb, type Client, type ControlDb } from "../client.ts";
import { tenants, type PendingAdmin, type Tenant } from "../control/schema.ts";
import { migrateDatabase, type Migration } from "../migrate.ts";
import { sealTenantDbToken, tenantDbCredentials } from "../secrets/tenant-db-token.ts";
import { isUniqueViolation } from "../sql-errors.ts";
import {
  InvalidTenantSlugError,
  SlugTakenError,
  TenantNotFoundError,
  TenantProvisioningError,
  messageOf,
} from "./errors.ts";
import { isProvisioningStep, nextStep, tenantDatabaseName, type ProvisioningStep } from "./provisioning-steps.ts";
import { seedTenantAdmin } from "./seed-tenant-admin.ts";
import type { TenantDatabase, TenantDatabases } from "./tenant-databases.ts";

type NewTenantFields = SQLiteUpdateSetSource<typeof tenants>;

export interface RequestTenantInput {
  slug: string;
  name: string;
  admin: PendingAdmin;
}

export async function requestTenant(control: ControlDb, { slug, name, admin }: RequestTenantInput): Promise<Tenant> {
  const parsed = ZTenantSlug.safeParse(slug);
  if (!parsed.success || parsed.data !== slug) throw new InvalidTenantSlugError(slug);

  const existing = await control.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug)).get();
  if (existing) throw new SlugTakenError(slug);
  try {
    const [tenant] = await control
      .insert(tenants)
      .values({
        id: crypto.randomUUID(),
        slug,
        name,
        status: "provisioning",
        provisioningStep: "requested",
        pendingAdmin: admin,
      })
      .returning();
    if (!tenant) throw new Error("insert into tenants returned no row");
    return tenant;
  } catch (error) {
    // Lost a race with another signup for the same slug.
    if (isUniqueViolation(error, "tenants.slug")) throw new SlugTakenError(slug);
    throw error;
  }
}

export interface ProvisionTenantOptions {
  control: ControlDb;
  databases: TenantDatabases;
  tenantId: string;
  tenantMigrations: Migration[];
  /** Encrypts the database token before it is stored (TENANT_TOKEN_KEY). */
  tokenKey: TenantTokenKey;
  /** How to reach a tenant database (given the plain token); defaults to createDbClient. */
  connect?: (database: TenantDatabase) => Client;
}

/**
 * Runs the remaining provisioning steps. Returns the active tenant (a no-op when it already is);
 * on failure marks the tenant "failed" and throws TenantProvisioningError.
 */
export async function provisionTenant(options: ProvisionTenantOptions): Promise<Tenant> {
  const { control, tenantId } = options;
  let tenant = await loadTenant(control, tenantId);
  if (tenant.provisioningStep === "active") return tenant;
  if (tenant.status !== "provisioning") tenant = await update(control, tenantId, { status: "provisioning" });
  if (tenant.dbToken && !isEncryptedTenantToken(tenant.dbToken)) {
    // Recorded by an attempt from before tokens were encrypted: store it sealed from now on.
    tenant = await update(control, tenantId, { dbToken: await sealTenantDbToken(options.tokenKey, tenant.id, tenant.dbToken) });
  }

  while (tenant.provisioningStep !== "active") {
    const step = tenant.provisioningStep;
    if (!isProvisioningStep(step)) throw new Error(`Tenant ${tenant.slug} has unknown provisioning step "${step}"`);
    if (step === "active") break;
    let changes: NewTenantFields;
    try {
      changes = await runStep(options, tenant, step);
    } catch (error) {
      throw await recordFailure(control, tenant, step, error);
    }
    tenant = await advance(control, tenant, step, changes);
  }
  return tenant;
}

async function runStep(
  options: ProvisionTenantOptions,
  tenant: Tenant,
  step: Exclude<ProvisioningStep, "active">,
): Promise<NewTenantFields> {
  switch (step) {
    case "requested": {
      // Claimed by this tenant (now or by an earlier attempt): if it exists, this tenant created it.
      const name = tenant.dbName ?? (await claimDatabaseName(options, tenant));
      const database = await options.databases.createDatabase(name);
      const dbToken = await sealTenantDbToken(options.tokenKey, tenant.id, database.token);
      return { dbName: database.name, dbUrl: database.url, dbToken };
    }
    case "database_created":
      await withTenantClient(options, tenant, (client) => migrateDatabase(client, options.tenantMigrations));
      return {};
    case "migrated":
      await withTenantClient(options, tenant, (client) =>
        seedTenantAdmin(openTenantDb(client), tenant.name, tenant.pendingAdmin ?? null),
      );
      return { pendingAdmin: null };
    case "admin_created":
      return { status: "active", failedStep: null, failureReason: null };
  }
}

const CLAIM_ATTEMPTS = 5;

/**
 * Chooses the name of this tenant's database and records it on the tenant row before anything is
 * created. `tenant-<slug>` when free; when a database of that name exists while this tenant has
 * claimed none, it belongs to no tenant of ours (a corporation whose control-plane row is gone):
 * adopting it would hand that corporation's data and admin to the new one, so this tenant gets a
 * fresh name with a random suffix instead, and `remove-orphan-databases` (infra) removes the leftover.
 * A run that resumes finds the name recorded and may then take an existing database as its own.
 */
async function claimDatabaseName({ control, databases }: ProvisionTenantOptions, tenant: Tenant): Promise<string> {
  let name = tenantDatabaseName(tenant.slug);
  for (let attempt = 1; await databases.databaseExists(name); attempt++) {
    if (attempt >= CLAIM_ATTEMPTS) throw new Error(`no free database name for tenant ${tenant.slug} after ${attempt} attempts`);
    name = tenantDatabaseName(tenant.slug, randomSuffix());
  }
  const [claimed] = await control
    .update(tenants)
    .set({ dbName: name, updatedAt: Date.now() })
    .where(and(eq(tenants.id, tenant.id), eq(tenants.provisioningStep, "requested"), isNull(tenants.dbName)))
    .returning({ dbName: tenants.dbName });
  if (claimed?.dbName) return claimed.dbName;
  // Another run of this tenant claimed a name first: use that one.
  const current = await loadTenant(control, tenant.id);
  if (!current.dbName) throw new Error(`tenant ${tenant.slug} moved past "requested" without a database`);
  return current.dbName;
}

/** Six lower-case letters and digits: database names allow nothing else. */
function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (byte) => "abcdefghijklmnopqrstuvwxyz0123456789"[byte % 36]).join("");
}

async function withTenantClient<T>(
  { connect = connectTenantDatabase, tokenKey }: ProvisionTenantOptions,
  tenant: Tenant,
  use: (client: Client) => Promise<T>,
): Promise<T> {
  if (!tenant.dbName) throw new Error(`Tenant ${tenant.slug} has no database recorded`);
  const { url, authToken } = await tenantDbCredentials(tenant, tokenKey);
  const client = connect({ name: tenant.dbName, url, token: authToken });
  try {
    return await use(client);
  } finally {
    client.close();
  }
}

function connectTenantDatabase({ url, token }: TenantDatabase): Client {
  return createDbClient({ url, authToken: token });
}

/** Stores the step's results and the next step, but only if nobody else advanced the tenant meanwhile. */
async function advance(
  control: ControlDb,
  tenant: Tenant,
  step: Exclude<ProvisioningStep, "active">,
  changes: NewTenantFields,
): Promise<Tenant> {
  const [updated] = await control
    .update(tenants)
    .set({ ...changes, provisioningStep: nextStep(step), updatedAt: Date.now() })
    .where(and(eq(tenants.id, tenant.id), eq(tenants.provisioningStep, step)))
    .returning();
  return updated ?? loadTenant(control, tenant.id);
}

async function recordFailure(
  control: ControlDb,
  tenant: Tenant,
  step: ProvisioningStep,
  error: unknown,
): Promise<TenantProvisioningError> {
  try {
    const failed = await update(control, tenant.id, {
      status: "failed",
      failedStep: step,
      failureReason: messageOf(error),
      provisioningAttempts: sql`${tenants.provisioningAttempts} + 1`,
    });
    return new TenantProvisioningError(failed, step, error);
  } catch {
    // The control plane is unreachable too; report the original failure.
    return new TenantProvisioningError(tenant, step, error);
  }
}

async function update(control: ControlDb, tenantId: string, changes: NewTenantFields): Promise<Tenant> {
  const [updated] = await control
    .update(tenants)
    .set({ ...changes, updatedAt: Date.now() })
    .where(eq(tenants.id, tenantId))
    .returning();
  if (!updated) throw new TenantNotFoundError(tenantId);
  return updated;
}

async function loadTenant(control: ControlDb, tenantId: string): Promise<Tenant> {
  const tenant = await control.select().from(tenants).where(eq(tenants.id, tenantId)).get();
  if (!tenant) throw new TenantNotFoundError(tenantId);
  return tenant;
}
