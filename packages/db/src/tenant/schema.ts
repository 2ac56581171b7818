// Tenant schema: everything of one corporation lives in its own database with this schema.
// Timestamps are integer milliseconds since the epoch (UTC).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { PostDetails } from "@buurtplein/core";

const now = sql`(unixepoch('subsec') * 1000)`;

/** One row (id = 1): how the corporation presents itself on its Buurtplein. */
export const tenantSettings = sqliteTable("tenant_settings", {
  id: integer("id").primaryKey(),
  displayName: text("display_name").notNull(),
  tagline: text("tagline"),
  primaryColor: text("primary_color").notNull().default("#1f6f5c"),
  accentColor: text("accent_color").notNull().default("#f2b134"),
  logoUrl: text("logo_url"),
  /** Key of the uploaded logo in the file store (R2 binding FILES), served at /api/files/…; wins over logo_url. */
  logoKey: text("logo_key"),
  /** The corporation's own house rules (plain text), shown with the platform's rules when joining. */
  houseRules: text("house_rules"),
  /** "Buurtplein De Linde wordt mogelijk gemaakt door …": shown in the footer of every page. */
  sponsorStatement: text("sponsor_statement"),
  defaultLocale: text("default_locale").notNull().default("nl"),
  requireMemberApproval: integer("require_member_approval", { mode: "boolean" }).notNull().default(false),
  /** The kindness prompt's word list (one word or phrase a line); null = the defaults in core (moderation/kindness.ts). */
  kindnessWords: text("kindness_words"),
  updatedAt: integer("updated_at").notNull().default(now),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Lower-cased; optional: residents may join without e-mail. */
    email: text("email").unique(),
    /** For accounts without e-mail: a generated name to log in with (e.g. "anna-lindenhof-4821"). */
    loginName: text("login_name").unique(),
    displayName: text("display_name").notNull(),
    /** resident | prospective | ambassador | moderator | admin | partner | care_partner */
    role: text("role").notNull(),
    passwordHash: text("password_hash"),
    /** Shown to neighbours only if given; never a house number. */
    street: text("street"),
    /** active | pending (waits for a moderator) | rejected | removed */
    status: text("status").notNull().default("active"),
    /** The moderator's message when a membership request was rejected. */
    reviewNote: text("review_note"),
    /** Help-desk registration: which staff member or ambassador registered this resident, and when
     *  the resident's consent was recorded. */
    registeredById: text("registered_by_id"),
    consentRecordedAt: integer("consent_recorded_at"),
    /** The invite this account joined through. */
    joinedViaInviteId: text("joined_via_invite_id"),
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
  /** Archived: keeps its history, takes no new posts or members, hidden from lists. */
  archivedAt: integer("archived_at"),
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
    /** The line shown on invite letters ("Hofstraat 2–40"); made from street and house numbers when those are given. */
    address: text("address"),
    /** The corporation's own code for the building (upper case): the key of a CSV import. Null for complexes made before codes. */
    code: text("code"),
    street: text("street"),
    /** The house-number range (inclusive), e.g. 2–40; both null when not given. */
    houseNumberFrom: integer("house_number_from"),
    houseNumberTo: integer("house_number_to"),
    /** "1234 AB" */
    postcode: text("postcode"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("complexes_neighbourhood_idx").on(table.neighbourhoodId), uniqueIndex("complexes_code_idx").on(table.code)],
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
    /**
     * active | pending. "pending": an existing member asked to join another neighbourhood while the
     * corporation checks newcomers; a moderator or that neighbourhood's ambassador decides. (A brand-new
     * person waits as a whole account: users.status = pending.)
     */
    status: text("status").notNull().default("active"),
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
  /** Key of the organisation's logo in the file store (R2 binding FILES). */
  logoKey: text("logo_key"),
  createdAt: integer("created_at").notNull().default(now),
});

/** The neighbourhoods a partner or care organisation serves. */
export const partnerNeighbourhoods = sqliteTable(
  "partner_neighbourhoods",
  {
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    neighbourhoodId: text("neighbourhood_id")
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.partnerId, table.neighbourhoodId] }), index("partner_neighbourhoods_neighbourhood_idx").on(table.neighbourhoodId)],
);

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
    /** published | removed (moderation may add more states; every read goes through community/post-access.ts) */
    status: text("status").notNull().default("published"),
    /** What a kind adds to the text (PostDetails in packages/core/src/community/post-details.ts): a safety
     *  post's where, when and behaviour; the skills of help offered. */
    details: text("details", { mode: "json" }).$type<PostDetails>(),
    /** Set when the author changed the title, text or details ("bewerkt"). */
    editedAt: integer("edited_at"),
    /** A help request or lost & found that is done ("opgelost"). */
    solvedAt: integer("solved_at"),
    /** Staff pinned this announcement: shown above the feed. */
    pinnedAt: integer("pinned_at"),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (table) => [
    // Pinned announcements of a neighbourhood, read with the first page of its feed.
    index("posts_pinned_idx").on(table.neighbourhoodId, table.pinnedAt).where(sql`pinned_at IS NOT NULL`),
    // The feed pages newest first with a row-value cursor `(created_at, id) < (?, ?)`: both indexes end
    // in (created_at, id), so a page deep in the feed is one index seek, not a scan (decision 012).
    index("posts_feed_idx").on(table.neighbourhoodId, table.status, table.createdAt, table.id),
    // What staff may read (shared with the corporation, or an announcement) as a third equality column:
    // the staff feed asks `(…) = 1` on exactly this expression (SHARED_WITH_CORPORATION in
    // apps/worker/src/community/feed-query.ts), so SQLite prefers this index without statistics. (A partial
    // index would tie with posts_feed_idx, and SQLite would pick whichever was created last.)
    index("posts_shared_feed_idx").on(
      table.neighbourhoodId,
      table.status,
      sql`(visible_to_corporation = 1 OR kind = 'announcement')`,
      table.createdAt,
      table.id,
    ),
  ],
);

/**
 * One level of replies under a post. A reply is shared with the corporation only if it was written
 * while its post was (the form says so) and the post still is (community/post-access.ts).
 */
export const replies = sqliteTable(
  "replies",
  {
    id: text("id").primaryKey(),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    /** Null once the author deleted their account and chose to keep posts anonymised. */
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** Written while the post was shared with the corporation (or under an announcement). */
    visibleToCorporation: integer("visible_to_corporation", { mode: "boolean" }).notNull().default(false),
    /** published | removed (moderation may add more states) */
    status: text("status").notNull().default("published"),
    editedAt: integer("edited_at"),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (table) => [index("replies_post_idx").on(table.postId, table.status, table.createdAt), index("replies_author_idx").on(table.authorId)],
);

/**
 * A photo: uploaded first (post_id null, only its uploader sees it), then attached to one post (at most
 * 4, in `position` order) when the post is placed. Metadata (EXIF, GPS) was removed before storing;
 * the file is `key` in R2 under the tenant's prefix, served at /api/photos/<id> to those who may read
 * the post (community/post-access.ts).
 */
export const photos = sqliteTable(
  "photos",
  {
    id: text("id").primaryKey(),
    /** Null once the uploader deleted their account (the photo stays with an anonymised post). */
    uploaderId: text("uploader_id").references(() => users.id, { onDelete: "set null" }),
    postId: text("post_id").references(() => posts.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    /** tenants/<tenant id>/photos/<sha-256>.<ext> */
    key: text("key").notNull(),
    /** image/png | image/jpeg | image/webp (sniffed) */
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    /** What the photo shows, for people who cannot see it. */
    alt: text("alt").notNull().default(""),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("photos_post_idx").on(table.postId, table.position), index("photos_uploader_idx").on(table.uploaderId, table.postId), index("photos_key_idx").on(table.key)],
);

/** One reaction (a kind of REACTION_KINDS) per person per post; never shown with names. */
export const reactions = sqliteTable(
  "reactions",
  {
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.postId, table.userId] }), index("reactions_user_idx").on(table.userId)],
);

/**
 * The way in: a link with an unguessable token (for QR codes and e-mail) and a short human code (for
 * paper letters), per neighbourhood and optionally per complex. Personal invites are made by members
 * for a neighbour (limited per month).
 */
export const invites = sqliteTable(
  "invites",
  {
    id: text("id").primaryKey(),
    /** neighbourhood | personal */
    kind: text("kind").notNull().default("neighbourhood"),
    /** base64url, ≥ 128 bits. Kept (not hashed) so letters and posters can be printed again. */
    token: text("token").notNull().unique(),
    /** Upper-case, without ambiguous characters (no 0/O, 1/I/L). */
    code: text("code").notNull().unique(),
    neighbourhoodId: text("neighbourhood_id")
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: "cascade" }),
    complexId: text("complex_id").references(() => complexes.id, { onDelete: "set null" }),
    /** The role new members get: resident, or prospective in a new-build neighbourhood. */
    role: text("role").notNull().default("resident"),
    label: text("label"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: integer("expires_at"),
    maxUses: integer("max_uses"),
    uses: integer("uses").notNull().default(0),
    revokedAt: integer("revoked_at"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("invites_neighbourhood_idx").on(table.neighbourhoodId), index("invites_creator_idx").on(table.createdById, table.createdAt)],
);

/** One-time login links (e-mail) and recovery codes (made by a moderator for accounts without e-mail). */
export const loginTokens = sqliteTable(
  "login_tokens",
  {
    /** SHA-256 of the token or code. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** magic_link | recovery */
    purpose: text("purpose").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("login_tokens_user_idx").on(table.userId)],
);

/** Fixed-window counters for rate limits (per IP and per account), shared by every worker instance. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

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
  // By action: the first-run checklist asks whether an action (settings.branding) ever happened.
  (table) => [index("audit_log_created_idx").on(table.createdAt), index("audit_log_action_idx").on(table.action)],
);

/**
 * In-app notifications (apps/worker/src/notifications/notify.ts). `kind` says what happened; `params`
 * holds the names the text needs (translated when shown). A grouped kind (reactions) keeps one unread
 * row per `group_key` and counts up instead of adding rows.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** reply | reaction | rsvp | waitlist_moved_up | moderation_outcome | new_member | approval_needed */
    kind: text("kind").notNull(),
    neighbourhoodId: text("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "cascade" }),
    /** Who caused it, if a person (null once they deleted their account). */
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** What it is about (a post, a member, an activity), for links and grouping. */
    subjectId: text("subject_id"),
    /** A path on this site to open (e.g. /beheer/aanmeldingen). */
    url: text("url"),
    params: text("params", { mode: "json" }).$type<Record<string, string | number>>(),
    groupKey: text("group_key"),
    /** How many events this row stands for (grouped kinds). */
    count: integer("count").notNull().default(1),
    readAt: integer("read_at"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [
    index("notifications_user_idx").on(table.userId, table.createdAt, table.id),
    index("notifications_unread_idx").on(table.userId).where(sql`read_at IS NULL`),
    uniqueIndex("notifications_unread_group_idx").on(table.userId, table.groupKey).where(sql`read_at IS NULL AND group_key IS NOT NULL`),
  ],
);

/** A member's digest and notification choices; no row means the defaults (a daily digest at 8). */
export const notificationPreferences = sqliteTable("notification_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** daily | weekly | off */
  digest: text("digest").notNull().default("daily"),
  /** Hour of the day (0–23, Amsterdam time) the digest may come. */
  digestHour: integer("digest_hour").notNull().default(8),
  /** Quiet hours [start, end) in Amsterdam time; no digest then (null: none). */
  quietStart: integer("quiet_start"),
  quietEnd: integer("quiet_end"),
  updatedAt: integer("updated_at").notNull().default(now),
});

/**
 * Scheduled work done once: (job, period, scope) is unique, so a job for a period runs (or a digest is
 * sent) at most once, however often its message arrives. scope: "tenant" for a whole run, a user id
 * for one member's digest.
 */
export const jobRuns = sqliteTable(
  "job_runs",
  {
    job: text("job").notNull(),
    period: text("period").notNull(),
    scope: text("scope").notNull(),
    /** running | done | failed */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(1),
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
    startedAt: integer("started_at").notNull(),
    finishedAt: integer("finished_at"),
  },
  (table) => [primaryKey({ columns: [table.job, table.period, table.scope] }), index("job_runs_scope_idx").on(table.scope, table.job, table.finishedAt)],
);

export type TenantSettings = typeof tenantSettings.$inferSelect;
export type User = typeof users.$inferSelect;
export type Neighbourhood = typeof neighbourhoods.$inferSelect;
export type Post = typeof posts.$inferSelect;
export type Reply = typeof replies.$inferSelect;
export type Reaction = typeof reactions.$inferSelect;
export type Partner = typeof partners.$inferSelect;
export type Invite = typeof invites.$inferSelect;
export type Photo = typeof photos.$inferSelect;
export type Complex = typeof complexes.$inferSelect;

/**
 * Activities (issue 10): a barbecue, a repair café. Residents' and staff's activities are published at
 * once; a partner's sponsored activity (sponsor_partner_id set) goes draft → submitted → published or
 * rejected (with a reason), and back to submitted after an edit.
 */
export const activities = sqliteTable(
  "activities",
  {
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    place: text("place").notNull(),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    /** Null: no maximum. */
    capacity: integer("capacity"),
    registrationDeadline: integer("registration_deadline"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    sponsorPartnerId: text("sponsor_partner_id").references(() => partners.id, { onDelete: "cascade" }),
    sponsorNote: text("sponsor_note"),
    /** draft | submitted | published | rejected | withdrawn | cancelled */
    status: text("status").notNull(),
    reviewReason: text("review_reason"),
    reviewedById: text("reviewed_by_id").references(() => users.id, { onDelete: "set null" }),
    cancelMessage: text("cancel_message"),
    /** iCalendar SEQUENCE: one up per change, so calendars take the newest version. */
    sequence: integer("sequence").notNull().default(0),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (table) => [index("activities_status_idx").on(table.status, table.startsAt), index("activities_sponsor_idx").on(table.sponsorPartnerId, table.createdAt)],
);

export const activityNeighbourhoods = sqliteTable(
  "activity_neighbourhoods",
  {
    activityId: text("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    neighbourhoodId: text("neighbourhood_id")
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.activityId, table.neighbourhoodId] }), index("activity_neighbourhoods_neighbourhood_idx").on(table.neighbourhoodId, table.activityId)],
);

/** Who organises an activity (the creator first); they see who is going, edit and cancel. */
export const activityOrganisers = sqliteTable(
  "activity_organisers",
  {
    activityId: text("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.activityId, table.userId] }), index("activity_organisers_user_idx").on(table.userId)],
);

/** Going / maybe / not going; going while full = on the waiting list (ordered by responded_at). */
export const activityRsvps = sqliteTable(
  "activity_rsvps",
  {
    activityId: text("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** going | maybe | not_going */
    answer: text("answer").notNull(),
    waitlisted: integer("waitlisted", { mode: "boolean" }).notNull().default(false),
    respondedAt: integer("responded_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.activityId, table.userId] }), index("activity_rsvps_list_idx").on(table.activityId, table.answer, table.waitlisted, table.respondedAt), index("activity_rsvps_user_idx").on(table.userId)],
);

/**
 * Reach of sponsored activities: per person how often it was shown in a list (kind "shown") and opened
 * (kind "detail"), so a report can say "< 5" when fewer than five people are behind a count.
 */
export const activityViews = sqliteTable(
  "activity_views",
  {
    activityId: text("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    neighbourhoodId: text("neighbourhood_id")
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** shown | detail */
    kind: text("kind").notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.activityId, table.neighbourhoodId, table.userId, table.kind] })],
);

/** Neighbourhoods where the corporation switched sponsored activities off. */
export const sponsoredActivityBlocks = sqliteTable("sponsored_activity_blocks", {
  neighbourhoodId: text("neighbourhood_id")
    .primaryKey()
    .references(() => neighbourhoods.id, { onDelete: "cascade" }),
  blockedById: text("blocked_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: integer("created_at").notNull().default(now),
});

/** A member's private calendar subscription: the URL holds a random token, this row its SHA-256. */
export const calendarTokens = sqliteTable("calendar_tokens", {
  /** SHA-256 (hex) of the token. */
  id: text("id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: integer("created_at").notNull().default(now),
});

export type Activity = typeof activities.$inferSelect;

// Early warning (vroegsignalering, decision 027). Signal contents are read only through
// apps/worker/src/care/signal-access.ts.

/** One row (id = 1): the corporation's settings for signals. */
export const careSettings = sqliteTable("care_settings", {
  id: integer("id").primaryKey(),
  /** Working days before an unacknowledged signal reminds its organisation, and before it escalates. */
  reminderWorkingDays: integer("reminder_working_days").notNull().default(2),
  escalationWorkingDays: integer("escalation_working_days").notNull().default(5),
  /** Months the details of a closed signal are kept. */
  retentionMonths: integer("retention_months").notNull().default(12),
  /** The corporation's designated social coordinator: fallback of routing, receives escalations. */
  coordinatorId: text("coordinator_id").references(() => users.id, { onDelete: "set null" }),
  /** The corporation's privacy officer: reads the access log of signals. */
  privacyOfficerId: text("privacy_officer_id").references(() => users.id, { onDelete: "set null" }),
  updatedAt: integer("updated_at").notNull().default(now),
});

/** category × neighbourhood (null: any) → a care organisation. */
export const careRoutingRules = sqliteTable("care_routing_rules", {
  id: text("id").primaryKey(),
  category: text("category"),
  neighbourhoodId: text("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "cascade" }),
  partnerId: text("partner_id")
    .notNull()
    .references(() => partners.id, { onDelete: "cascade" }),
  createdAt: integer("created_at").notNull().default(now),
});

export const signals = sqliteTable(
  "signals",
  {
    id: text("id").primaryKey(),
    reporterId: text("reporter_id").references(() => users.id, { onDelete: "set null" }),
    category: text("category").notNull(),
    /** neighbour | myself */
    about: text("about").notNull(),
    consent: integer("consent", { mode: "boolean" }).notNull().default(false),
    neighbourhoodId: text("neighbourhood_id")
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: "cascade" }),
    /**
     * description, noticed, address, complex, contact as JSON, sealed (AES-GCM with the platform's
     * TENANT_TOKEN_KEY, apps/worker/src/care/signal-access.ts): the corporation's own database export
     * holds no readable content. Null once retention removed them.
     */
    details: text("details"),
    /** new | acknowledged | in_progress | resolved | closed */
    status: text("status").notNull().default("new"),
    /** The organisation it is routed to; null: with the social coordinator. */
    partnerId: text("partner_id").references(() => partners.id, { onDelete: "set null" }),
    /** The rule that routed it (null: the fallback to the coordinator). */
    routingRuleId: text("routing_rule_id"),
    /** Organisations that said "not ours" (JSON array of ids). */
    declinedBy: text("declined_by", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
    routedAt: integer("routed_at").notNull().default(now),
    acknowledgedAt: integer("acknowledged_at"),
    resolvedAt: integer("resolved_at"),
    closedAt: integer("closed_at"),
    remindedAt: integer("reminded_at"),
    escalatedAt: integer("escalated_at"),
    detailsRemovedAt: integer("details_removed_at"),
  },
  (table) => [
    index("signals_partner_idx").on(table.partnerId, table.status),
    index("signals_reporter_idx").on(table.reporterId),
    index("signals_status_idx").on(table.status, table.closedAt),
  ],
);

/** Internal notes: visible only inside the organisation that wrote them. */
export const signalNotes = sqliteTable(
  "signal_notes",
  {
    id: text("id").primaryKey(),
    signalId: text("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
    partnerId: text("partner_id"),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Sealed like signals.details. */
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("signal_notes_signal_idx").on(table.signalId, table.createdAt)],
);

/** Every change of state or route (who, from, to, the reason of a "not ours"). */
export const signalEvents = sqliteTable(
  "signal_events",
  {
    id: text("id").primaryKey(),
    signalId: text("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
    actorId: text("actor_id"),
    partnerId: text("partner_id"),
    /** routed | acknowledged | in_progress | resolved | closed | not_ours | reminded | escalated */
    event: text("event").notNull(),
    reason: text("reason"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("signal_events_signal_idx").on(table.signalId, table.createdAt)],
);

/** Who viewed which signal's details, when: append-only (triggers refuse UPDATE and DELETE). */
export const signalViews = sqliteTable(
  "signal_views",
  {
    id: text("id").primaryKey(),
    signalId: text("signal_id").notNull(),
    viewerId: text("viewer_id").notNull(),
    viewerRole: text("viewer_role").notNull(),
    partnerId: text("partner_id"),
    viewedAt: integer("viewed_at").notNull(),
  },
  (table) => [index("signal_views_viewed_idx").on(table.viewedAt)],
);

/**
 * A member's report of a post, reply or member to the moderators: one per reporter per target (the
 * unique index), with the house rule it breaks (1-based number of HOUSE_RULES) if they chose one.
 */
export const reports = sqliteTable(
  "reports",
  {
    id: text("id").primaryKey(),
    reporterId: text("reporter_id").references(() => users.id, { onDelete: "set null" }),
    /** post | reply | member */
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    /** The neighbourhood whose queue it lands in (ambassadors there see it; moderators see all). */
    neighbourhoodId: text("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    houseRule: integer("house_rule"),
    /** open | handled */
    status: text("status").notNull().default("open"),
    handledAt: integer("handled_at"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [
    uniqueIndex("reports_reporter_target_idx").on(table.reporterId, table.targetType, table.targetId),
    index("reports_queue_idx").on(table.status, table.neighbourhoodId, table.createdAt),
    index("reports_target_idx").on(table.targetType, table.targetId),
  ],
);

/**
 * Every moderator decision: hide, restore, warn, suspend (with its end). The author reads the reason
 * in plain words and may appeal once (appeal_* columns); the appeal goes to another moderator where
 * possible (appeal_reviewer_id).
 */
export const moderationActions = sqliteTable(
  "moderation_actions",
  {
    id: text("id").primaryKey(),
    /** hide | restore | warn | suspend */
    action: text("action").notNull(),
    /** post | reply | member */
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    /** Whose content or account it is about (told the reason; may appeal). */
    subjectUserId: text("subject_user_id").references(() => users.id, { onDelete: "cascade" }),
    neighbourhoodId: text("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    houseRule: integer("house_rule"),
    /** A suspension's end (ms); no posting, replying or reacting before it. */
    until: integer("until"),
    moderatorId: text("moderator_id").references(() => users.id, { onDelete: "set null" }),
    appealBody: text("appeal_body"),
    appealedAt: integer("appealed_at"),
    appealReviewerId: text("appeal_reviewer_id").references(() => users.id, { onDelete: "set null" }),
    /** upheld | overturned, with the reviewer's reason, once the appeal is decided. */
    appealOutcome: text("appeal_outcome"),
    appealDecisionReason: text("appeal_decision_reason"),
    appealDecidedAt: integer("appeal_decided_at"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [
    index("moderation_actions_target_idx").on(table.targetType, table.targetId, table.createdAt),
    index("moderation_actions_subject_idx").on(table.subjectUserId, table.action, table.until),
    index("moderation_actions_record_idx").on(table.neighbourhoodId, table.action, table.createdAt),
  ],
);

// ── Participation (decision 028): polls, the liveability pulse, "What first?" rounds ──

/** A poll in a neighbourhood; options as a JSON array of strings. */
export const polls = sqliteTable(
  "polls",
  {
    id: text("id").primaryKey(),
    neighbourhoodId: text("neighbourhood_id")
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    options: text("options").notNull(),
    multiple: integer("multiple", { mode: "boolean" }).notNull().default(false),
    closesAt: integer("closes_at"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("polls_neighbourhood_idx").on(table.neighbourhoodId, table.createdAt)],
);

/** One vote per member per poll (the primary key makes a second vote fail); chosen options as a JSON array of indexes. */
export const pollVotes = sqliteTable(
  "poll_votes",
  {
    pollId: text("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    options: text("options").notNull(),
    votedAt: integer("voted_at").notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.pollId, table.userId] })],
);

/** One period of the liveability pulse in a neighbourhood. */
export const pulses = sqliteTable(
  "pulses",
  {
    id: text("id").primaryKey(),
    neighbourhoodId: text("neighbourhood_id")
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: "cascade" }),
    opensAt: integer("opens_at").notNull(),
    closesAt: integer("closes_at").notNull(),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("pulses_neighbourhood_idx").on(table.neighbourhoodId, table.opensAt)],
);

/** A member's answer to one pulse: a score 1–5 per theme, an optional comment (read by staff only when shared). */
export const pulseResponses = sqliteTable(
  "pulse_responses",
  {
    pulseId: text("pulse_id")
      .notNull()
      .references(() => pulses.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    safety: integer("safety").notNull(),
    cleanliness: integer("cleanliness").notNull(),
    socialContact: integer("social_contact").notNull(),
    facilities: integer("facilities").notNull(),
    greenAndPlay: integer("green_and_play").notNull(),
    nuisance: integer("nuisance").notNull(),
    maintenance: integer("maintenance").notNull(),
    comment: text("comment"),
    commentShared: integer("comment_shared", { mode: "boolean" }).notNull().default(false),
    respondedAt: integer("responded_at").notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.pulseId, table.userId] })],
);

/** A "What first?" round: members rank the themes or spread 100 points (mode rank | points). */
export const priorityRounds = sqliteTable(
  "priority_rounds",
  {
    id: text("id").primaryKey(),
    neighbourhoodId: text("neighbourhood_id")
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: "cascade" }),
    mode: text("mode").notNull(),
    closesAt: integer("closes_at").notNull(),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("priority_rounds_neighbourhood_idx").on(table.neighbourhoodId, table.createdAt)],
);

/** A member's answer to a round, as JSON ({ ranking } or { points }). */
export const priorityAnswers = sqliteTable(
  "priority_answers",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => priorityRounds.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    answer: text("answer").notNull(),
    answeredAt: integer("answered_at").notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.roundId, table.userId] })],
);
