// How much a corporation uses, for the operator console: counts and the database's size only. Two
// small statements on the tenant's database, side by side; no row of content is read or returned.
import type { TenantTokenKey } from "@buurtplein/core";
import { tenantDbClient, type TenantDbRow } from "@buurtplein/db";
import type { Logger } from "../lib/logger.ts";

export interface TenantUsage {
  /** Accounts that can log in (any role). */
  members: number;
  /** Published posts. */
  posts: number;
  /** The database file's size (pages × page size); null where the provider does not tell. */
  databaseBytes: number | null;
}

const COUNTS_SQL = `SELECT
  (SELECT count(*) FROM users WHERE status = 'active') AS members,
  (SELECT count(*) FROM posts WHERE status = 'published') AS posts`;
// Apart from the counts: should a provider refuse these pragmas, the counts still show.
const SIZE_SQL = "SELECT (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size()) AS bytes";

/** A slow tenant database must not hold up the console: its usage is then shown as unknown. */
const USAGE_TIMEOUT_MS = 5_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${USAGE_TIMEOUT_MS} ms`)), USAGE_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The usage of one tenant, or null when its database cannot be asked now (the console says "unknown"). */
export async function tenantUsage(tenant: TenantDbRow & { status: string }, key: TenantTokenKey, logger: Logger): Promise<TenantUsage | null> {
  if (!["active", "suspended"].includes(tenant.status) || !tenant.dbUrl || !tenant.dbToken) return null;
  try {
    const client = await tenantDbClient(tenant, key);
    const [counts, size] = await Promise.allSettled([withTimeout(client.execute(COUNTS_SQL)), withTimeout(client.execute(SIZE_SQL))]);
    if (counts.status === "rejected") throw counts.reason;
    if (size.status === "rejected") logger.log("warn", "tenant database size unavailable", { tenant: tenant.slug, error: String(size.reason) });
    const row = counts.value.rows[0];
    const bytes = size.status === "fulfilled" ? size.value.rows[0]?.bytes : null;
    return { members: Number(row?.members ?? 0), posts: Number(row?.posts ?? 0), databaseBytes: bytes === null || bytes === undefined ? null : Number(bytes) };
  } catch (error) {
    logger.log("warn", "tenant usage unavailable", { tenant: tenant.slug, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
