// Every role against every guarded API route: the route answers 403 exactly when the authorisation
// table in packages/core (can(), tested action by action in authorization.test.ts) says no. So the
// table is not only right on paper: the routes follow it.
import { beforeAll, describe, expect, it } from "vitest";
import { can, hashPassword, ROLES, type Action, type Role } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import { call, login } from "./helpers.ts";
import { createFreshTenant, NEW_PASSWORD } from "./invite-fixtures.ts";

interface Probe {
  label: string;
  action: Action;
  /** Which neighbourhood the action is about: the person's own, another, or none. */
  where: "own" | "other" | "none";
  request: (ids: { target: string; sharedPost: string; announcement: string; activities: { own: string; other: string } }) => { method: string; path: string; json?: unknown };
  /** The answer when allowed, if not a 2xx. */
  allowedStatus?: number;
  /** About a post: whoever cannot read it (not a member, not staff) gets 404, as if it did not exist. */
  aboutPost?: boolean;
}

const PROBES: Probe[] = [
  { label: "read the feed of their own neighbourhood", action: "feed.read", where: "own", request: () => ({ method: "GET", path: "/api/neighbourhoods/oudwijk/posts" }) },
  { label: "read the feed of another neighbourhood", action: "feed.read", where: "other", request: () => ({ method: "GET", path: "/api/neighbourhoods/nieuwbouw/posts" }) },
  {
    label: "post in their own neighbourhood",
    action: "post.create",
    where: "own",
    request: () => ({ method: "POST", path: "/api/neighbourhoods/oudwijk/posts", json: { kind: "message", body: "Goedemorgen buren!" } }),
  },
  {
    label: "post in another neighbourhood",
    action: "post.create",
    where: "other",
    request: () => ({ method: "POST", path: "/api/neighbourhoods/nieuwbouw/posts", json: { kind: "message", body: "Goedemorgen buren!" } }),
  },
  {
    label: "publish an announcement",
    action: "post.announce",
    where: "own",
    request: () => ({ method: "POST", path: "/api/neighbourhoods/oudwijk/posts", json: { kind: "announcement", title: "Onderhoud", body: "Dinsdag gaat het water even af." } }),
  },
  {
    label: "reply under a shared post in their own neighbourhood",
    action: "post.reply",
    where: "own",
    aboutPost: true,
    request: ({ sharedPost }) => ({ method: "POST", path: `/api/posts/${sharedPost}/replies`, json: { body: "Ik help mee." } }),
  },
  { label: "react to a post in their own neighbourhood", action: "post.react", where: "own", aboutPost: true, request: ({ sharedPost }) => ({ method: "POST", path: `/api/posts/${sharedPost}/reactions`, json: { kind: "heart" } }) },
  { label: "pin an announcement", action: "post.pin", where: "own", aboutPost: true, request: ({ announcement }) => ({ method: "PATCH", path: `/api/posts/${announcement}`, json: { pinned: true } }) },
  {
    label: "mark someone else's help request solved",
    action: "post.mark_solved",
    where: "own",
    aboutPost: true,
    request: ({ sharedPost }) => ({ method: "PATCH", path: `/api/posts/${sharedPost}`, json: { solved: true } }),
  },
  { label: "list the neighbourhood invites", action: "invite.manage", where: "none", request: () => ({ method: "GET", path: "/api/invites" }) },
  { label: "invite a neighbour to their own neighbourhood", action: "invite.personal", where: "own", request: () => ({ method: "POST", path: "/api/invites/personal", json: { neighbourhood: "oudwijk" } }) },
  { label: "invite a neighbour to another neighbourhood", action: "invite.personal", where: "other", request: () => ({ method: "POST", path: "/api/invites/personal", json: { neighbourhood: "nieuwbouw" } }) },
  { label: "see who waits for approval", action: "member.review", where: "own", request: () => ({ method: "GET", path: "/api/members/pending" }) },
  {
    label: "register a resident of their own neighbourhood at the help desk",
    action: "member.register",
    where: "own",
    request: () => ({ method: "POST", path: "/api/members/register", json: { neighbourhood: "oudwijk", displayName: "Hulp Bewoner", consent: true } }),
  },
  {
    label: "register a resident of another neighbourhood at the help desk",
    action: "member.register",
    where: "other",
    request: () => ({ method: "POST", path: "/api/members/register", json: { neighbourhood: "nieuwbouw", displayName: "Hulp Bewoner", consent: true } }),
  },
  { label: "give a resident a new recovery code", action: "member.reset_access", where: "none", request: ({ target }) => ({ method: "POST", path: `/api/members/${target}/recovery-code`, json: {} }) },
  {
    label: "remove a member",
    action: "member.remove",
    where: "none",
    // An id nobody has: allowed → 404, not allowed → 403; nobody is actually removed.
    request: () => ({ method: "POST", path: `/api/members/${crypto.randomUUID()}/remove`, json: { mode: "anonymise_posts", confirm: "VERWIJDER" } }),
    allowedStatus: 404,
  },
  { label: "change the membership settings", action: "settings.manage", where: "none", request: () => ({ method: "GET", path: "/api/settings/membership" }) },
  { label: "see the branding settings", action: "settings.manage", where: "none", request: () => ({ method: "GET", path: "/api/settings/branding" }) },
  { label: "save the branding", action: "settings.manage", where: "none", request: () => ({ method: "PATCH", path: "/api/settings/branding", json: { tagline: "Samen in de buurt" } }) },
  { label: "add a sponsor", action: "settings.manage", where: "none", request: () => ({ method: "POST", path: "/api/sponsors", json: { name: "Bakkerij" } }) },
  { label: "download their own data", action: "account.own", where: "none", request: () => ({ method: "GET", path: "/api/me/export" }) },
  {
    label: "create a neighbourhood",
    action: "neighbourhood.manage",
    where: "none",
    request: () => ({ method: "POST", path: "/api/neighbourhoods", json: { name: `Proefbuurt ${crypto.randomUUID().slice(0, 8)}`, kind: "existing" } }),
  },
  { label: "list every neighbourhood, archived ones too", action: "neighbourhood.manage", where: "none", request: () => ({ method: "GET", path: "/api/neighbourhoods?include=archived" }) },
  { label: "preview a complex import", action: "neighbourhood.manage", where: "none", request: () => ({ method: "POST", path: "/api/complexes/import/preview", json: { csv: "code;naam;buurt\nP-1;Proefblok;Oudwijk" } }) },
  { label: "see the first-run checklist", action: "neighbourhood.manage", where: "none", request: () => ({ method: "GET", path: "/api/setup/checklist" }) },
  { label: "see the staff and their roles", action: "staff.manage", where: "none", request: () => ({ method: "GET", path: "/api/staff" }) },
  {
    label: "invite a staff member",
    action: "staff.manage",
    where: "none",
    // A role nobody can have: allowed → 422, not allowed → 403; nobody is actually invited.
    request: () => ({ method: "POST", path: "/api/staff", json: { email: "nieuw@rollen.example", displayName: "Nieuw", role: "owner" } }),
    allowedStatus: 422,
  },
  {
    label: "change a staff member's role",
    action: "staff.manage",
    where: "none",
    request: () => ({ method: "PATCH", path: `/api/staff/${crypto.randomUUID()}`, json: { role: "moderator" } }),
    allowedStatus: 404,
  },
  { label: "remove a staff member", action: "staff.manage", where: "none", request: () => ({ method: "POST", path: `/api/staff/${crypto.randomUUID()}/remove` }), allowedStatus: 404 },
  { label: "see the partner and care organisations", action: "organisation.manage", where: "none", request: () => ({ method: "GET", path: "/api/organisations" }) },
  {
    label: "create an organisation",
    action: "organisation.manage",
    where: "none",
    request: () => ({ method: "POST", path: "/api/organisations", json: { name: "Rollen", kind: "sponsor" } }),
    allowedStatus: 422,
  },
  {
    label: "remove an organisation",
    action: "organisation.manage",
    where: "none",
    request: () => ({ method: "POST", path: `/api/organisations/${crypto.randomUUID()}/remove` }),
    allowedStatus: 404,
  },
  { label: "make a resident an ambassador", action: "ambassador.manage", where: "none", request: () => ({ method: "PUT", path: `/api/ambassadors/${crypto.randomUUID()}` }), allowedStatus: 404 },
  { label: "end an ambassadorship", action: "ambassador.manage", where: "none", request: () => ({ method: "DELETE", path: `/api/ambassadors/${crypto.randomUUID()}` }), allowedStatus: 404 },
  { label: "see whether the corporation asked to be deleted", action: "corporation.leave", where: "none", request: () => ({ method: "GET", path: "/api/settings/deletion" }) },
  {
    label: "organise an activity in their own neighbourhood",
    action: "activity.create",
    where: "own",
    request: () => ({ method: "POST", path: "/api/neighbourhoods/oudwijk/activities", json: ACTIVITY }),
  },
  {
    label: "organise an activity in another neighbourhood",
    action: "activity.create",
    where: "other",
    request: () => ({ method: "POST", path: "/api/neighbourhoods/nieuwbouw/activities", json: ACTIVITY }),
  },
  { label: "answer an activity of their own neighbourhood", action: "activity.rsvp", where: "own", request: ({ activities }) => ({ method: "POST", path: `/api/activities/${activities.own}/rsvp`, json: { answer: "maybe" } }) },
  { label: "answer an activity of another neighbourhood", action: "activity.rsvp", where: "other", request: ({ activities }) => ({ method: "POST", path: `/api/activities/${activities.other}/rsvp`, json: { answer: "maybe" } }) },
  { label: "see the review queue of sponsored activities", action: "activity.review", where: "none", request: () => ({ method: "GET", path: "/api/activities/review" }) },
  {
    label: "switch sponsored activities on in a neighbourhood",
    action: "activity.sponsored_settings",
    where: "none",
    request: () => ({ method: "POST", path: "/api/neighbourhoods/oudwijk/sponsored-activities", json: { enabled: true } }),
  },
  { label: "see the corporation's own domains", action: "domain.manage", where: "none", request: () => ({ method: "GET", path: "/api/settings/domains" }) },
  { label: "download the corporation's database", action: "data.export", where: "none", request: () => ({ method: "GET", path: "/api/settings/export" }) },
  { label: "ask a poll in their own neighbourhood", action: "poll.create", where: "own", request: () => ({ method: "POST", path: "/api/neighbourhoods/oudwijk/polls", json: { question: "Bankje?", options: ["Ja", "Nee"] } }) },
  { label: "ask a poll in another neighbourhood", action: "poll.create", where: "other", request: () => ({ method: "POST", path: "/api/neighbourhoods/nieuwbouw/polls", json: { question: "Bankje?", options: ["Ja", "Nee"] } }) },
  {
    label: "start a liveability pulse",
    action: "participation.manage",
    where: "none",
    // A period of its own per call (far ahead, one hour), so two allowed roles never overlap.
    request: () => {
      const opensAt = Date.now() + 400 * 86_400_000 + Math.floor(Math.random() * 1_000_000) * 3_600_000;
      return { method: "POST", path: "/api/neighbourhoods/oudwijk/pulses", json: { opensAt: new Date(opensAt).toISOString(), closesAt: new Date(opensAt + 3_000_000).toISOString() } };
    },
  },
  { label: "read the insight dashboard", action: "insight.read", where: "none", request: () => ({ method: "GET", path: "/api/insight/neighbourhoods/oudwijk" }) },
  { label: "download the corporation's files", action: "data.export", where: "none", request: () => ({ method: "GET", path: "/api/settings/export/files" }) },
  { label: "raise a concern in their own neighbourhood", action: "signal.raise", where: "own", request: () => ({ method: "POST", path: "/api/signals", json: SIGNAL("oudwijk") }) },
  { label: "raise a concern in another neighbourhood", action: "signal.raise", where: "other", request: () => ({ method: "POST", path: "/api/signals", json: SIGNAL("nieuwbouw") }) },
  { label: "see the care inbox", action: "signal.handle", where: "none", request: () => ({ method: "GET", path: "/api/care/signals" }) },
  { label: "see counts of signals", action: "signal.insight", where: "none", request: () => ({ method: "GET", path: "/api/insight/signals" }) },
  { label: "see the routing rules of signals", action: "care.manage", where: "none", request: () => ({ method: "GET", path: "/api/care/rules" }) },
  {
    label: "report a post in their own neighbourhood",
    action: "moderation.report",
    where: "own",
    aboutPost: true,
    request: ({ sharedPost }) => ({ method: "POST", path: "/api/reports", json: { targetType: "post", targetId: sharedPost, reason: "Niet vriendelijk" } }),
    allowedStatus: 201,
  },
  {
    label: "warn a member of their own neighbourhood",
    action: "moderation.act",
    where: "own",
    request: ({ target }) => ({ method: "POST", path: "/api/moderation/warn", json: { userId: target, reason: "Blijf vriendelijk" } }),
  },
];

const SIGNAL = (neighbourhood: string) => ({ category: "loneliness", description: "De gordijnen zijn al dagen dicht.", neighbourhood, about: "neighbour" });

const ACTIVITY = { title: "Koffie", description: "Samen koffie drinken.", place: "Het plein", startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString() };
const activityIds = { own: crypto.randomUUID(), other: crypto.randomUUID() };

let tenant: Awaited<ReturnType<typeof createFreshTenant>>;
const cookies = new Map<Role, string>();
let target = "";
let sharedPost = "";
let announcement = "";

beforeAll(async () => {
  tenant = await createFreshTenant();
  const passwordHash = await hashPassword(NEW_PASSWORD);
  // One person per role, each a member of Oudwijk (membership gives staff and partners nothing extra).
  for (const role of ROLES) {
    const id = crypto.randomUUID();
    const email = `${role}@rollen.example`;
    await tenant.db.insert(tenantSchema.users).values({ id, email, displayName: `Rol ${role}`, role, passwordHash });
    await tenant.db.insert(tenantSchema.memberships).values({ userId: id, neighbourhoodId: tenant.neighbourhoods.oudwijk });
    cookies.set(role, await login(tenant.host, email, NEW_PASSWORD));
  }
  for (const [where, neighbourhoodId] of [["own", tenant.neighbourhoods.oudwijk], ["other", tenant.neighbourhoods.nieuwbouw]] as const) {
    const id = activityIds[where];
    await tenant.db.insert(tenantSchema.activities).values({ id, title: "Koffie", description: "Koffie", place: "Plein", startsAt: Date.now() + 86_400_000, endsAt: Date.now() + 90_000_000, status: "published" });
    await tenant.db.insert(tenantSchema.activityNeighbourhoods).values({ activityId: id, neighbourhoodId });
  }
  target = crypto.randomUUID();
  await tenant.db.insert(tenantSchema.users).values({ id: target, loginName: "zonder.mail", displayName: "Zonder Mail", role: "resident", passwordHash });
  await tenant.db.insert(tenantSchema.memberships).values({ userId: target, neighbourhoodId: tenant.neighbourhoods.oudwijk });
  // Someone else's posts in Oudwijk, shared with the corporation (so staff can read them).
  sharedPost = crypto.randomUUID();
  announcement = crypto.randomUUID();
  await tenant.db.insert(tenantSchema.posts).values([
    { id: sharedPost, neighbourhoodId: tenant.neighbourhoods.oudwijk, authorId: target, kind: "help_request", body: "Wie helpt?", visibleToCorporation: true },
    { id: announcement, neighbourhoodId: tenant.neighbourhoods.oudwijk, authorId: target, kind: "announcement", body: "Mededeling", visibleToCorporation: true },
  ]);
});

describe.each(ROLES.map((role) => [role]))("a %s", (role) => {
  it.each(PROBES.map((probe) => [probe.label, probe]))("may %s exactly when the table says so", async (_label, probe) => {
    const actor = { role, neighbourhoodIds: [tenant.neighbourhoods.oudwijk] };
    const neighbourhoodId = probe.where === "own" ? tenant.neighbourhoods.oudwijk : probe.where === "other" ? tenant.neighbourhoods.nieuwbouw : undefined;
    const allowed = can(actor, probe.action, { neighbourhoodId });
    const { method, path, json } = probe.request({ target, sharedPost, announcement, activities: activityIds });
    const response = await call(tenant.host, path, { method, cookie: cookies.get(role)!, ...(json === undefined ? {} : { json }) });
    if (allowed) {
      const detail = `${role} ${method} ${path}: ${await response.clone().text()}`;
      if (probe.allowedStatus) expect(response.status, detail).toBe(probe.allowedStatus);
      else expect(Math.floor(response.status / 100), detail).toBe(2);
    } else if (probe.aboutPost && !can(actor, "feed.read", { neighbourhoodId })) {
      expect(response.status, `${role} ${method} ${path}`).toBe(404);
    } else {
      expect(response.status, `${role} ${method} ${path}`).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
  });

  it("sees the member list only as staff", async () => {
    const response = await call(tenant.host, "/api/members", { cookie: cookies.get(role)! });
    const staff = can({ role, neighbourhoodIds: [] }, "member.reset_access") || can({ role, neighbourhoodIds: [] }, "member.remove");
    expect(response.status).toBe(staff ? 200 : 403);
  });
});
