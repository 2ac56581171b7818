// Tenant schema: everything of one corporation lives in its own database with this schema.
// Timestamps are integer milliseconds since the epoch (UTC).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

const now = sql`(unixepoch('subsec') * 1000)`;

/** One row (id = 1): how the corporation presents itself on its Buurtplein. */
export const tenantSettings = sqliteTable("tenant_settings", {
  id: integer("id").primaryKey(),
  displayName: text("display_name").notNull(),
  tagline: text("tagline"),
  primaryColor: text("primary_color").notNull().default("#1f6f5c"),
  accentColor: text("accent_color").notNull().default("#f2b134"),
  logoUrl: text("logo_url"),
  /** "Buurtplein De Linde wordt mogelijk gemaakt door …": shown in the footer of every page. */
  sponsorStatement: text("sponsor_statement"),
  defaultLocale: text("default_locale").notNull().default("nl"),
  requireMemberApproval: integer("require_member_approval", { mode: "boolean" }).notNull().default(false),
  updatedAt: integer("updated_at").notNull().default(now),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Lower-cased; optional: residents may join without e-mail. */
    email: text("email").unique(),
    displayName: text("display_name").notNull(),
    /** resident | prospective | ambassador | moderator | admin | partner | care_partner */
    role: text("role").notNull(),
    passwordHash: text("password_hash"),
    /** Shown to neighbours only if given; never a house number. */
    street: text("street"),
    /** active | pending | removed */
    status: text("status").notNull().default("active"),
    locale: text("locale"),
    partnerId: text("partner_id").references(() => partners.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (table) => [index("users_role_idx").on(table.role)],
);

/** Server-side sessions; the cookie holds a random token, the row its SHA-256. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull().default(now),
    expiresAt: integer("expires_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull().default(now),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

export const neighbourhoods = sqliteTable("neighbourhoods", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** existing | new_build */
  kind: text("kind").notNull().default("existing"),
  city: text("city"),
  description: text("description"),
  createdAt: integer("created_at").notNull().default(now),
});

/** A building or block the corporation owns, inside a neighbourhood. */
export const complexes = sqliteTable(
  "complexes",
  {
    id: text("id").primaryKey(),
    neighbourhoodId: text("neighbourhood_id")
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    address: text("address"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("complexes_neighbourhood_idx").on(table.neighbourhoodId)],
);

export const memberships = sqliteTable(
  "memberships",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    neighbourhoodId: text("neighbourhood_id")
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: "cascade" }),
    joinedAt: integer("joined_at").notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.userId, table.neighbourhoodId] }), index("memberships_neighbourhood_idx").on(table.neighbourhoodId)],
);

export const partners = sqliteTable("partners", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** sponsor | local | care */
  kind: text("kind").notNull(),
  description: text("description"),
  website: text("website"),
  createdAt: integer("created_at").notNull().default(now),
});

export const posts = sqliteTable(
  "posts",
  {
    id: text("id").primaryKey(),
    neighbourhoodId: text("neighbourhood_id")
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: "cascade" }),
    /** Null once the author deleted their account and chose to keep posts anonymised. */
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    /** message | question | help_request | offer | lost_found | idea | announcement */
    kind: text("kind").notNull(),
    title: text("title"),
    body: text("body").notNull(),
    /** The author chose to let the corporation read this post. */
    visibleToCorporation: integer("visible_to_corporation", { mode: "boolean" }).notNull().default(false),
    /** published | removed */
    status: text("status").notNull().default("published"),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (table) => [index("posts_feed_idx").on(table.neighbourhoodId, table.status, table.createdAt)],
);

/** Staff access to sensitive data and other actions worth accounting for. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subject: text("subject"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("audit_log_created_idx").on(table.createdAt)],
);

export type TenantSettings = typeof tenantSettings.$inferSelect;
export type User = typeof users.$inferSelect;
export type Neighbourhood = typeof neighbourhoods.$inferSelect;
export type Post = typeof posts.$inferSelect;
export type Partner = typeof partners.$inferSelect;
