// Public API of @buurtplein/db.
export * as controlSchema from "./control/schema.ts";
export * as tenantSchema from "./tenant/schema.ts";
export type { PendingAdmin, Tenant, TenantDomain, Operator } from "./control/schema.ts";
export type { TenantSettings, User, Neighbourhood, Post, Partner } from "./tenant/schema.ts";
export type { Activity } from "./tenant/schema.ts";
export { migrations as controlMigrations } from "./control/migrations.generated.ts";
export { migrations as tenantMigrations } from "./tenant/migrations.generated.ts";

export { migrateDatabase, MigrationHashMismatchError, MIGRATIONS_TABLE, type Migration } from "./migrate.ts";
export {
  createDbClient,
  openControlDb,
  openTenantDb,
  type Client,
  type ControlDb,
  type DbClientConfig,
  type TenantDb,
} from "./client.ts";

export { isDatabaseUnreachable } from "./unreachable.ts";

export {
  TenantDatabaseApiError,
  type DatabaseExport,
  type ListedDatabase,
  type TenantDatabase,
  type TenantDatabases,
} from "./provisioning/tenant-databases.ts";
export { LocalTenantDatabases, type LocalTenantDatabasesOptions } from "./provisioning/local-tenant-databases.ts";
export { TursoTenantDatabases, type TursoTenantDatabasesOptions } from "./provisioning/turso-tenant-databases.ts";
export {
  requestTenant,
  provisionTenant,
  type ProvisionTenantOptions,
  type RequestTenantInput,
} from "./provisioning/provision-tenant.ts";
export { isUniqueViolation } from "./sql-errors.ts";
export { findOrphanDatabases } from "./provisioning/orphan-databases.ts";
export {
  PROVISIONING_STEPS,
  TENANT_DATABASE_PREFIX,
  tenantDatabaseName,
  type ProvisioningStep,
} from "./provisioning/provisioning-steps.ts";
export {
  InvalidTenantSlugError,
  SlugTakenError,
  TenantNotFoundError,
  TenantProvisioningError,
} from "./provisioning/errors.ts";

export { importTenantTokenKey, type TenantTokenKey } from "@buurtplein/core/security/tenant-token-cipher";
export {
  sealPlainTenantDbTokens,
  sealTenantDbToken,
  tenantDbClient,
  tenantDbCredentials,
  TenantDatabaseMissingError,
  type TenantDbRow,
} from "./secrets/tenant-db-token.ts";

export {
  migrateAllTenants,
  type MigrateAllTenantsOptions,
  type TenantMigrationResult,
} from "./migrations/fan-out.ts";
export { runPool } from "./migrations/run-pool.ts";
export {
  cleanControlPlane,
  cleanTenantDatabase,
  type ControlPlaneCleanupCounts,
  type TenantCleanupCounts,
} from "./maintenance/clean-expired-data.ts";
export { REBUILD_SEARCH_INDEX } from "./tenant/search-index.ts";
