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
  request: (ids: { target: string }) => { method: string; path: string; json?: unknown };
  /** The answer when allowed, if not a 2xx. */
  allowedStatus?: number;
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
  { label: "download their own data", action: "account.own", where: "none", request: () => ({ method: "GET", path: "/api/me/export" }) },
  { label: "see the corporation's own domains", action: "domain.manage", where: "none", request: () => ({ method: "GET", path: "/api/settings/domains" }) },
  { label: "download the corporation's database", action: "data.export", where: "none", request: () => ({ method: "GET", path: "/api/settings/export" }) },
  { label: "download the corporation's files", action: "data.export", where: "none", request: () => ({ method: "GET", path: "/api/settings/export/files" }) },
];

let tenant: Awaited<ReturnType<typeof createFreshTenant>>;
const cookies = new Map<Role, string>();
let target = "";

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
  target = crypto.randomUUID();
  await tenant.db.insert(tenantSchema.users).values({ id: target, loginName: "zonder.mail", displayName: "Zonder Mail", role: "resident", passwordHash });
  await tenant.db.insert(tenantSchema.memberships).values({ userId: target, neighbourhoodId: tenant.neighbourhoods.oudwijk });
});

describe.each(ROLES.map((role) => [role]))("a %s", (role) => {
  it.each(PROBES.map((probe) => [probe.label, probe]))("may %s exactly when the table says so", async (_label, probe) => {
    const actor = { role, neighbourhoodIds: [tenant.neighbourhoods.oudwijk] };
    const neighbourhoodId = probe.where === "own" ? tenant.neighbourhoods.oudwijk : probe.where === "other" ? tenant.neighbourhoods.nieuwbouw : undefined;
    const allowed = can(actor, probe.action, { neighbourhoodId });
    const { method, path, json } = probe.request({ target });
    const response = await call(tenant.host, path, { method, cookie: cookies.get(role)!, ...(json === undefined ? {} : { json }) });
    if (allowed) {
      const detail = `${role} ${method} ${path}: ${await response.clone().text()}`;
      if (probe.allowedStatus) expect(response.status, detail).toBe(probe.allowedStatus);
      else expect(Math.floor(response.status / 100), detail).toBe(2);
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
