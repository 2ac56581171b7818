import { AppError } from "@buurtplein/core";
import { LocalTenantDatabases, TursoTenantDatabases, type TenantDatabases } from "@buurtplein/db";
import type { Bindings } from "../env.ts";

/** Where new tenant databases are created: our local libSQL server, or Turso in production. */
export function tenantDatabasesFor(env: Bindings): TenantDatabases {
  if (env.TENANT_DB_PROVIDER === "turso") {
    if (!env.TURSO_ORGANIZATION || !env.TURSO_API_TOKEN || !env.TURSO_GROUP) {
      throw new AppError("service_unavailable", { message: "apiErrors.signup.tursoMissing" });
    }
    return new TursoTenantDatabases({ organization: env.TURSO_ORGANIZATION, apiToken: env.TURSO_API_TOKEN, group: env.TURSO_GROUP });
  }
  if (!env.LOCAL_LIBSQL_ADMIN_URL || !env.LOCAL_LIBSQL_ADMIN_TOKEN) {
    throw new AppError("service_unavailable", { message: "apiErrors.signup.localServerMissing" });
  }
  return new LocalTenantDatabases({ adminUrl: env.LOCAL_LIBSQL_ADMIN_URL, adminToken: env.LOCAL_LIBSQL_ADMIN_TOKEN });
}
