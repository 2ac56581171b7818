// In-app notifications: a new member reaches the neighbourhood's ambassadors, a request waiting for
// approval reaches staff and ambassadors; the list, the count (with the session), mark one / all read,
// and someone else's notification is "not found".
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login } from "./helpers.ts";
import { createFreshTenant, createInvite, join, joinBody, NEW_PASSWORD } from "./invite-fixtures.ts";
import { notify } from "../src/notifications/notify.ts";

describe("notifications", () => {
  it("tells a neighbourhood's ambassador about a new member; the count comes with the session; mark one and all read", async () => {
    const tenant = await createFreshTenant();
    const moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
    const invite = await createInvite(tenant.host, { neighbourhood: "oudwijk" }, tenant.adminCookie);
    const body = joinBody(invite.code, { email: undefined });
    const joined = await join(tenant.host, body);
    expect(joined.status).toBe(201);

    const amber = await login(tenant.host, "amber@proef.example", NEW_PASSWORD);
    const list = await json(await call(tenant.host, "/api/notifications", { cookie: amber }));
    expect(list.unread).toBe(1);
    expect(list.notifications).toHaveLength(1);
    expect(list.notifications[0]).toMatchObject({ kind: "new_member", read: false, url: "/buurt/oudwijk" });
    expect(list.notifications[0].text).toContain(body.displayName);
    expect(list.notifications[0].text).toContain("Oudwijk");
    expect((await json(await call(tenant.host, "/api/site", { cookie: amber }))).viewer.unreadNotifications).toBe(1);
    expect(await json(await call(tenant.host, "/api/notifications/count", { cookie: amber }))).toEqual({ unread: 1 });

    // Not the other neighbourhood's ambassador, not a resident, not staff.
    for (const [email] of [["nina@proef.example"], ["rik@proef.example"]] as const) {
      const cookie = await login(tenant.host, email, NEW_PASSWORD);
      expect((await json(await call(tenant.host, "/api/notifications", { cookie }))).unread).toBe(0);
    }
    expect((await json(await call(tenant.host, "/api/notifications", { cookie: moderator }))).unread).toBe(0);

    // Someone else's notification: not found, and still unread.
    const id = list.notifications[0].id;
    const foreign = await call(tenant.host, "/api/notifications/read", { method: "POST", cookie: moderator, json: { id } });
    expect(foreign.status).toBe(404);
    expect((await json(foreign)).error.code).toBe("not_found");
    expect((await json(await call(tenant.host, "/api/notifications", { cookie: amber }))).unread).toBe(1);

    const one = await call(tenant.host, "/api/notifications/read", { method: "POST", cookie: amber, json: { id } });
    expect(await json(one)).toEqual({ marked: 1, unread: 0 });
    const after = await json(await call(tenant.host, "/api/notifications", { cookie: amber }));
    expect(after.unread).toBe(0);
    expect(after.notifications[0].read).toBe(true);

    // Two more, then all read at once (no body).
    const [amberRow] = await tenant.db.select({ id: tenantSchema.users.id }).from(tenantSchema.users).where(eq(tenantSchema.users.email, "amber@proef.example"));
    await notify(tenant.db, { to: [amberRow!.id], kind: "reply", params: { name: "Rik", title: "Fietsen" } });
    await notify(tenant.db, { to: [amberRow!.id], kind: "rsvp", params: { name: "Rik", title: "Buurtborrel" } });
    expect((await json(await call(tenant.host, "/api/notifications/count", { cookie: amber }))).unread).toBe(2);
    const all = await call(tenant.host, "/api/notifications/read", { method: "POST", cookie: amber });
    expect(await json(all)).toEqual({ marked: 2, unread: 0 });
    expect((await json(await call(tenant.host, "/api/notifications/count", { cookie: amber }))).unread).toBe(0);
  });

  it("tells staff and the neighbourhood's ambassador when someone waits for approval", async () => {
    const tenant = await createFreshTenant();
    await tenant.db.update(tenantSchema.tenantSettings).set({ requireMemberApproval: true });
    const invite = await createInvite(tenant.host, { neighbourhood: "oudwijk" }, tenant.adminCookie);
    const body = joinBody(invite.code, { email: undefined });
    expect((await json(await join(tenant.host, body))).status).toBe("pending");
    for (const email of ["mo@proef.example", "amber@proef.example", "ada@proef.example"]) {
      const cookie = await login(tenant.host, email, NEW_PASSWORD);
      const list = await json(await call(tenant.host, "/api/notifications", { cookie }));
      expect(list.notifications[0], email).toMatchObject({ kind: "approval_needed", url: "/beheer/aanmeldingen" });
      expect(list.notifications[0].text).toContain(body.displayName);
    }
    for (const email of ["nina@proef.example", "rik@proef.example"]) {
      const cookie = await login(tenant.host, email, NEW_PASSWORD);
      expect((await json(await call(tenant.host, "/api/notifications", { cookie }))).unread, email).toBe(0);
    }
  });

  it("a help-desk registration tells the neighbourhood's ambassadors, not the one who registered", async () => {
    const tenant = await createFreshTenant();
    const moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
    const byStaff = await call(tenant.host, "/api/members/register", { method: "POST", cookie: moderator, json: { neighbourhood: "oudwijk", displayName: "Hanna Helpdesk", consent: true } });
    expect(byStaff.status).toBe(201);
    const amber = await login(tenant.host, "amber@proef.example", NEW_PASSWORD);
    expect((await json(await call(tenant.host, "/api/notifications", { cookie: amber }))).notifications[0].text).toContain("Hanna Helpdesk");
    const byAmber = await call(tenant.host, "/api/members/register", { method: "POST", cookie: amber, json: { neighbourhood: "oudwijk", displayName: "Bas Buur", consent: true } });
    expect(byAmber.status).toBe(201);
    const list = await json(await call(tenant.host, "/api/notifications", { cookie: amber }));
    expect(list.notifications.map((row: { text: string }) => row.text).join(" ")).not.toContain("Bas Buur");
  });

  it("groups reactions to one post into one unread notification that counts up", async () => {
    const tenant = await createFreshTenant();
    const [rik] = await tenant.db.select({ id: tenantSchema.users.id }).from(tenantSchema.users).where(eq(tenantSchema.users.email, "rik@proef.example"));
    for (const name of ["Amber", "Nina", "Mo"]) await notify(tenant.db, { to: [rik!.id], kind: "reaction", subjectId: "post-1", params: { name, title: "Fietsen" } });
    const cookie = await login(tenant.host, "rik@proef.example", NEW_PASSWORD);
    const list = await json(await call(tenant.host, "/api/notifications", { cookie }));
    expect(list.unread).toBe(1);
    expect(list.notifications[0]).toMatchObject({ kind: "reaction", count: 3 });
    expect(list.notifications[0].text).toContain("Mo");
  });

  it("pages the list by cursor and refuses a broken cursor and strangers", async () => {
    const tenant = await createFreshTenant();
    const [rik] = await tenant.db.select({ id: tenantSchema.users.id }).from(tenantSchema.users).where(eq(tenantSchema.users.email, "rik@proef.example"));
    for (let index = 0; index < 23; index++) await notify(tenant.db, { to: [rik!.id], kind: "reply", params: { name: `Buur ${index}`, title: "x" } });
    const cookie = await login(tenant.host, "rik@proef.example", NEW_PASSWORD);
    const first = await json(await call(tenant.host, "/api/notifications", { cookie }));
    expect(first.notifications).toHaveLength(20);
    expect(first.next).toEqual(expect.any(String));
    const second = await json(await call(tenant.host, `/api/notifications?before=${encodeURIComponent(first.next)}`, { cookie }));
    expect(second.notifications).toHaveLength(3);
    expect(second.next).toBeNull();
    const ids = new Set([...first.notifications, ...second.notifications].map((row: { id: string }) => row.id));
    expect(ids.size).toBe(23);
    const broken = await call(tenant.host, "/api/notifications?before=nonsense", { cookie });
    expect(broken.status).toBe(422);
    expect((await call(tenant.host, "/api/notifications")).status).toBe(401);
    expect((await call(tenant.host, "/api/notifications/read", { method: "POST" })).status).toBe(401);
  });
});
