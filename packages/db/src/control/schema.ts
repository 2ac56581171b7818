// Control-plane schema: the one database that knows every corporation (tenant), where its own
// database lives, which hosts point at it, and who operates the platform. No resident data here.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

const now = sql`(unixepoch('subsec') * 1000)`;

export const tenants = sqliteTable(
  "tenants",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    /** provisioning | active | suspended | failed | deleting | deleted (a tombstone: slug, name, dates) */
    status: text("status").notNull().default("provisioning"),
    /** Provisioning state machine: requested → database_created → migrated → admin_created → active (or failed). */
    provisioningStep: text("provisioning_step").notNull().default("requested"),
    /** The step that failed, kept so a retry resumes there. */
    failedStep: text("failed_step"),
    failureReason: text("failure_reason"),
    provisioningAttempts: integer("provisioning_attempts").notNull().default(0),
    /** Name of the tenant database at the provider (Turso or the local libSQL server). */
    dbName: text("db_name"),
    dbUrl: text("db_url"),
    /** Auth token for the tenant database. See docs/decisions/004-tenant-database-credentials.md. */
    dbToken: text("db_token"),
    /** The first admin, held only until the admin account exists in the tenant database. */
    pendingAdmin: text("pending_admin", { mode: "json" }).$type<PendingAdmin | null>(),
    suspendedReason: text("suspended_reason"),
    /** When an admin of the corporation asked for it to be deleted (null: not asked, or cancelled). */
    deletionRequestedAt: integer("deletion_requested_at"),
    /** When the operator deleted its database and files; the row stays as a tombstone. */
    deletedAt: integer("deleted_at"),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (table) => [index("tenants_status_idx").on(table.status)],
);

export interface PendingAdmin {
  email: string;
  displayName: string;
  passwordHash: string;
}

/** Hosts that resolve to a tenant besides `<slug>.<base domain>`. */
export const tenantDomains = sqliteTable(
  "tenant_domains",
  {
    hostname: text("hostname").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** Set while the host serves the tenant; only verified hosts resolve (middleware/tenant.ts). */
    verifiedAt: integer("verified_at"),
    createdAt: integer("created_at").notNull().default(now),
    /** The custom hostname's id at the provider (Cloudflare for SaaS); null locally. */
    providerRef: text("provider_ref"),
    /** pending | active | failed, as the last check found it (apps/worker/src/tenancy/custom-hostnames.ts). */
    status: text("status").notNull().default("pending"),
    /** The DNS records the admin creates, as the provider asked for them at the last check. */
    dnsRecords: text("dns_records", { mode: "json" }).$type<DomainDnsRecord[]>(),
    /** What the provider reported as wrong at the last check, in its words. */
    problems: text("problems", { mode: "json" }).$type<string[]>(),
    checkedAt: integer("checked_at"),
  },
  (table) => [index("tenant_domains_tenant_idx").on(table.tenantId)],
);

/** One DNS record for a custom domain (core: DnsRecord). */
export interface DomainDnsRecord {
  type: "CNAME" | "TXT";
  name: string;
  value: string;
  purpose: "route" | "ownership" | "certificate";
}

/** People who run the deployment (not staff of a corporation). */
export const operators = sqliteTable("operators", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: integer("created_at").notNull().default(now),
});

/** Operator logins: the cookie holds a random token, the row its SHA-256. Valid only on the apex host. */
export const operatorSessions = sqliteTable(
  "operator_sessions",
  {
    id: text("id").primaryKey(),
    operatorId: text("operator_id")
      .notNull()
      .references(() => operators.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("operator_sessions_expires_idx").on(table.expiresAt)],
);

/** What operators did (login, suspend, resume, retry, delete): who, when, which tenant, why. */
export const operatorAuditLog = sqliteTable(
  "operator_audit_log",
  {
    id: text("id").primaryKey(),
    operatorId: text("operator_id").references(() => operators.id, { onDelete: "set null" }),
    /** Kept as it was at the time, so the entry still says who after the operator is removed. */
    operatorEmail: text("operator_email").notNull(),
    /** login | logout | suspend | resume | retry | delete */
    action: text("action").notNull(),
    tenantId: text("tenant_id"),
    tenantSlug: text("tenant_slug"),
    reason: text("reason"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("operator_audit_log_created_idx").on(table.createdAt, table.id)],
);

/** Which tenant databases have which tenant migrations: lets the fan-out resume. */
export const tenantMigrationRuns = sqliteTable(
  "tenant_migration_runs",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** Id of the newest tenant migration applied. */
    migrationId: text("migration_id").notNull(),
    status: text("status").notNull(),
    error: text("error"),
    finishedAt: integer("finished_at").notNull().default(now),
  },
  (table) => [index("tenant_migration_runs_tenant_idx").on(table.tenantId, table.migrationId)],
);

/** Rate-limit counters for what happens before a tenant exists (corporation sign-up on the apex). */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

/**
 * The local dev mailbox (`npm start` only): e-mails the DevMailer "sent", readable at /dev/mail.
 * Never used in production, where a real e-mail API sends them.
 */
export const devMail = sqliteTable(
  "dev_mail",
  {
    id: text("id").primaryKey(),
    tenantSlug: text("tenant_slug"),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** Extra headers the e-mail carried (JSON object), e.g. List-Unsubscribe of the digest. */
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("dev_mail_created_idx").on(table.createdAt)],
);

export type Tenant = typeof tenants.$inferSelect;
export type TenantDomain = typeof tenantDomains.$inferSelect;
export type Operator = typeof operators.$inferSelect;
export type OperatorAuditEntry = typeof operatorAuditLog.$inferSelect;
