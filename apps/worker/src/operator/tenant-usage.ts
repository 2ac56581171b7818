// How much a corporation uses, for the operator console: counts and the database's size only. One
// statement per tenant database; no row of content is read or returned.
import type { TenantTokenKey } from "@buurtplein/core";
import { tenantDbClient, type TenantDbRow } from "@buurtplein/db";
import type { Logger } from "../lib/logger.ts";

export interface TenantUsage {
  /** Accounts that can log in (any role). */
  members: number;
  /** Published posts. */
  posts: number;
  /** The database file's size (pages × page size). */
  databaseBytes: number;
}

const USAGE_SQL = `SELECT
  (SELECT count(*) FROM users WHERE status = 'active') AS members,
  (SELECT count(*) FROM posts WHERE status = 'published') AS posts,
  (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size()) AS bytes`;

/** A slow tenant database must not hold up the console: its usage is then shown as unknown. */
const USAGE_TIMEOUT_MS = 5_000;

/** The usage of one tenant, or null when its database cannot be asked now (the console says "unknown"). */
export async function tenantUsage(tenant: TenantDbRow & { status: string }, key: TenantTokenKey, logger: Logger): Promise<TenantUsage | null> {
  if (!["active", "suspended"].includes(tenant.status) || !tenant.dbUrl || !tenant.dbToken) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const client = await tenantDbClient(tenant, key);
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), USAGE_TIMEOUT_MS);
    });
    const result = await Promise.race([client.execute(USAGE_SQL), timeout]);
    if (!result) return null;
    const row = result.rows[0];
    return { members: Number(row?.members ?? 0), posts: Number(row?.posts ?? 0), databaseBytes: Number(row?.bytes ?? 0) };
  } catch (error) {
    logger.log("warn", "tenant usage unavailable", { tenant: tenant.slug, error: error instanceof Error ? error.message : String(error) });
    return null;
  } finally {
    clearTimeout(timer);
  }
}
