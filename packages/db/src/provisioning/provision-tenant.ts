// Tenant provisioning: requestTenant records the wish in the control plane, provisionTenant walks
//   requested → database_created → migrated → admin_created → active
// recording each step before taking the next, so a failed run can be resumed by calling it again.
import { isEncryptedTenantToken, type TenantTokenKey } from "@buurtplein/core/security/tenant-token-cipher";
import { ZTenantSlug } from "@buurtplein/core/tenancy/tenant-signup";
import { and, eq, sql } from "drizzle-orm";
import type { SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { createDbClient, openTenantDb, type Client, type ControlDb } from "../client.ts";
import { tenants, type PendingAdmin, type Tenant } from "../control/schema.ts";
import { migrateDatabase, type Migration } from "../migrate.ts";
import { sealTenantDbToken, tenantDbCredentials } from "../secrets/tenant-db-token.ts";
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
    if (isSlugConflict(error)) throw new SlugTakenError(slug);
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
      const database = await options.databases.createDatabase(tenantDatabaseName(tenant.slug));
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

function isSlugConflict(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (/UNIQUE constraint failed: tenants\.slug/.test(current.message)) return true;
  }
  return false;
}
