// The only way in and out of `tenants.db_token`: writers seal a token before it is stored, readers get
// a tenant's credentials through tenantDbCredentials. The cipher is in core (tenant-token-cipher.ts);
// see docs/decisions/010-tenant-token-encryption.md.
import {
  decryptTenantToken,
  encryptTenantToken,
  isEncryptedTenantToken,
  type TenantTokenKey,
} from "@buurtplein/core/security/tenant-token-cipher";
import { and, eq, isNotNull } from "drizzle-orm";
import { createDbClient, type Client, type ControlDb, type DbClientConfig } from "../client.ts";
import { tenants, type Tenant } from "../control/schema.ts";

export type TenantDbRow = Pick<Tenant, "id" | "slug" | "dbUrl" | "dbToken">;

/** The tenant row has no database (yet): provisioning has not reached "database_created". */
export class TenantDatabaseMissingError extends Error {
  constructor(readonly slug: string) {
    super(`Tenant ${slug} has no database recorded.`);
    this.name = "TenantDatabaseMissingError";
  }
}

/** Encrypts a tenant database token for `tenants.db_token`. */
export function sealTenantDbToken(key: TenantTokenKey, tenantId: string, token: string): Promise<string> {
  return encryptTenantToken(key, tenantId, token);
}

/** URL and plain token of a tenant's database, from its control-plane row (legacy plain tokens included). */
export async function tenantDbCredentials(tenant: TenantDbRow, key: TenantTokenKey): Promise<Required<DbClientConfig>> {
  if (!tenant.dbUrl || !tenant.dbToken) throw new TenantDatabaseMissingError(tenant.slug);
  return { url: tenant.dbUrl, authToken: await decryptTenantToken(key, tenant.id, tenant.dbToken) };
}

/** A client for a tenant's database, built from its control-plane row. */
export async function tenantDbClient(tenant: TenantDbRow, key: TenantTokenKey): Promise<Client> {
  return createDbClient(await tenantDbCredentials(tenant, key));
}

/**
 * One-shot upgrade: encrypts every token still stored in plain text (written before encryption
 * existed). Runs with the control-plane migrations; returns how many rows it sealed. A row changed
 * by someone else meanwhile is left alone (its new value was written sealed).
 */
export async function sealPlainTenantDbTokens(control: ControlDb, key: TenantTokenKey): Promise<number> {
  const rows = await control
    .select({ id: tenants.id, dbToken: tenants.dbToken })
    .from(tenants)
    .where(isNotNull(tenants.dbToken));
  let sealed = 0;
  for (const row of rows) {
    if (!row.dbToken || isEncryptedTenantToken(row.dbToken)) continue;
    const updated = await control
      .update(tenants)
      .set({ dbToken: await sealTenantDbToken(key, row.id, row.dbToken), updatedAt: Date.now() })
      .where(and(eq(tenants.id, row.id), eq(tenants.dbToken, row.dbToken)))
      .returning({ id: tenants.id });
    sealed += updated.length;
  }
  return sealed;
}
