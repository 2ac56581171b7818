// The digest e-mail: sent once per period to away members with news from their own neighbourhoods,
// with one-click unsubscribe (signed link, RFC 8058 headers) that works without logging in.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { signUnsubscribeToken } from "@buurtplein/core";
import { controlSchema, tenantSchema } from "@buurtplein/db";
import { call, control, json, login } from "./helpers.ts";
import { createFreshTenant, NEW_PASSWORD } from "./invite-fixtures.ts";
import { unsubscribeKey } from "../src/notifications/unsubscribe-key.ts";
import { bindings } from "./helpers.ts";

async function idOf(db: Awaited<ReturnType<typeof createFreshTenant>>["db"], email: string): Promise<string> {
  const [row] = await db.select({ id: tenantSchema.users.id }).from(tenantSchema.users).where(eq(tenantSchema.users.email, email));
  return row!.id;
}

async function mailTo(slug: string, to: string) {
  return control()
    .select()
    .from(controlSchema.devMail)
    .where(and(eq(controlSchema.devMail.tenantSlug, slug), eq(controlSchema.devMail.to, to)));
}

/** A fresh corporation where Amber posts a help request in Oudwijk; Rik (Oudwijk, never visited) is away. */
async function digestSetup() {
  const tenant = await createFreshTenant();
  const amber = await idOf(tenant.db, "amber@proef.example");
  await tenant.db.insert(tenantSchema.posts).values([
    { id: crypto.randomUUID(), neighbourhoodId: tenant.neighbourhoods.oudwijk, authorId: amber, kind: "help_request", title: "Wie helpt met de boodschappen?", body: "Ik lig met griep in bed." },
    { id: crypto.randomUUID(), neighbourhoodId: tenant.neighbourhoods.nieuwbouw, authorId: amber, kind: "message", title: "Nieuwbouwnieuws", body: "Niet voor Oudwijk." },
  ]);
  return tenant;
}

function runDigest(host: string) {
  return call(host, "/api/dev/jobs/digest", { method: "POST" });
}

describe("the digest", () => {
  it("goes once per period to an away member, with their own neighbourhood's news, help requests first", async () => {
    const tenant = await digestSetup();
    const first = await runDigest(tenant.host);
    expect(first.status).toBe(200);
    expect((await json(first)).result.sent).toBeGreaterThanOrEqual(1);

    const mails = await mailTo(tenant.slug, "rik@proef.example");
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("Nieuws uit je buurt — Woonstichting Proef");
    expect(mail.text).toContain("Wie helpt met de boodschappen?");
    expect(mail.text).toContain("Hulp gevraagd");
    expect(mail.text).not.toContain("Nieuwbouwnieuws");
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(mail.headers!["List-Unsubscribe"]).toMatch(new RegExp(`^<http://${tenant.host.replace(/\./g, "\\.")}/overzicht/afmelden\\?token=[^>]+>$`));
    // The author gets no digest of her own post.
    expect(await mailTo(tenant.slug, "amber@proef.example")).toHaveLength(0);

    // The same period again: nothing new is sent, even with more news.
    await tenant.db.insert(tenantSchema.posts).values({ id: crypto.randomUUID(), neighbourhoodId: tenant.neighbourhoods.oudwijk, authorId: await idOf(tenant.db, "amber@proef.example"), kind: "lost_found", body: "Sleutelbos gevonden" });
    const second = await json(await runDigest(tenant.host));
    expect(second.result.sent).toBe(0);
    expect(second.result.alreadySent).toBe(1);
    expect(await mailTo(tenant.slug, "rik@proef.example")).toHaveLength(1);
  });

  it("skips members who were here since, who chose off, or who have no e-mail; sends nothing when nothing happened", async () => {
    const tenant = await createFreshTenant();
    const quiet = await json(await runDigest(tenant.host));
    expect(quiet.result.sent).toBe(0);
    expect(quiet.result.nothingNew).toBeGreaterThanOrEqual(1);

    await tenant.db.insert(tenantSchema.posts).values({ id: crypto.randomUUID(), neighbourhoodId: tenant.neighbourhoods.oudwijk, authorId: null, kind: "question", body: "Wie weet wanneer de container komt?" });
    // Rik logs in (on the platform now); Amber turns the digest off through PATCH /api/me.
    await login(tenant.host, "rik@proef.example", NEW_PASSWORD);
    const amber = await login(tenant.host, "amber@proef.example", NEW_PASSWORD);
    const patched = await call(tenant.host, "/api/me", { method: "PATCH", cookie: amber, json: { digest: "off" } });
    expect(patched.status).toBe(200);
    expect((await json(patched)).digest).toBe("off");
    expect((await json(await call(tenant.host, "/api/me", { cookie: amber }))).digest).toBe("off");
    const halfQuiet = await call(tenant.host, "/api/notifications/preferences", { method: "PATCH", cookie: amber, json: { quietStart: 22 } });
    expect(halfQuiet.status).toBe(422);
    expect((await json(halfQuiet)).error.details).toEqual({ fields: { quietEnd: expect.any(String) } });
    const chosen = await call(tenant.host, "/api/notifications/preferences", { method: "PATCH", cookie: amber, json: { digest: "weekly", digestHour: 7, quietStart: 22, quietEnd: 7 } });
    expect((await json(chosen)).preferences).toEqual({ digest: "weekly", digestHour: 7, quietStart: 22, quietEnd: 7 });
    expect((await call(tenant.host, "/api/me", { method: "PATCH", cookie: amber, json: { digest: "off" } })).status).toBe(200);
    const bad = await call(tenant.host, "/api/me", { method: "PATCH", cookie: amber, json: { digest: "hourly" } });
    expect(bad.status).toBe(422);
    expect((await json(bad)).error.code).toBe("invalid_input");

    const run = await json(await runDigest(tenant.host));
    expect(run.result.sent).toBe(0);
    expect(run.result.notAway).toBeGreaterThanOrEqual(1);
    expect(await mailTo(tenant.slug, "rik@proef.example")).toHaveLength(0);
    expect(await mailTo(tenant.slug, "amber@proef.example")).toHaveLength(0);
  });

  it("shows the same digest as a page, for members without e-mail too", async () => {
    const tenant = await digestSetup();
    const rik = await login(tenant.host, "rik@proef.example", NEW_PASSWORD);
    const page = await json(await call(tenant.host, "/api/notifications/digest", { cookie: rik }));
    expect(page.digest.groups[0].neighbourhood.slug).toBe("oudwijk");
    expect(page.digest.groups[0].kinds[0].kind).toBe("help_request");
    expect(JSON.stringify(page.digest)).not.toContain("Nieuwbouwnieuws");
  });

  it("unsubscribes with one click without logging in: GET only checks, POST turns it off; bad links say what is wrong", async () => {
    const tenant = await digestSetup();
    await runDigest(tenant.host);
    const [mail] = await mailTo(tenant.slug, "rik@proef.example");
    const url = new URL(mail!.headers!["List-Unsubscribe"]!.slice(1, -1));
    const token = url.searchParams.get("token")!;
    const rikId = await idOf(tenant.db, "rik@proef.example");
    const preference = async () => (await tenant.db.select().from(tenantSchema.notificationPreferences).where(eq(tenantSchema.notificationPreferences.userId, rikId)))[0]?.digest ?? "daily";

    const check = await call(tenant.host, `/api/digest/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(check.status).toBe(200);
    expect(await json(check)).toEqual({ valid: true, displayName: "Rik Resident" });
    expect(await preference()).toBe("daily");

    const key = await unsubscribeKey(bindings, (await control().select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, tenant.slug)))[0]!.id);
    const expired = await signUnsubscribeToken(key, rikId, Date.now() - 1000);
    const [payload, signature] = token.split(".");
    const tampered = `${payload}.${signature!.slice(0, -2)}${signature!.endsWith("A") ? "B" : "A"}A`;
    for (const [bad, reason] of [[expired, "expired"], [tampered, "tampered"], ["nonsense", "malformed"]] as const) {
      for (const response of [
        await call(tenant.host, `/api/digest/unsubscribe?token=${encodeURIComponent(bad)}`),
        await call(tenant.host, "/api/digest/unsubscribe", { method: "POST", json: { token: bad } }),
      ]) {
        expect(response.status, reason).toBe(400);
        const body = await json(response);
        expect(body.error.code).toBe("unsubscribe_link_invalid");
        expect(body.error.details).toEqual({ reason });
      }
    }
    // Another corporation's host does not know this link.
    expect((await call("delinde.localhost:8787", "/api/digest/unsubscribe", { method: "POST", json: { token } })).status).toBe(400);
    expect(await preference()).toBe("daily");

    const done = await call(tenant.host, "/api/digest/unsubscribe", { method: "POST", json: { token } });
    expect(done.status).toBe(200);
    expect(await json(done)).toEqual({ digest: "off" });
    expect(await preference()).toBe("off");
  });

  it("lists the coming week's published activities of the member's neighbourhoods, with links and a sponsor's label; an upcoming one alone is worth a digest", async () => {
    const tenant = await createFreshTenant();
    const { oudwijk, nieuwbouw } = tenant.neighbourhoods;
    const DAY = 24 * 60 * 60 * 1000;
    const soon = Date.now() + 2 * DAY;
    const partnerId = crypto.randomUUID();
    await tenant.db.insert(tenantSchema.partners).values({ id: partnerId, name: "Bakkerij Bol", kind: "sponsor" });
    const activity = (title: string, startsAt: number, status = "published", sponsorPartnerId: string | null = null) => ({
      id: crypto.randomUUID(), title, description: "Kom ook!", place: "Het plein", startsAt, endsAt: startsAt + 2 * 60 * 60 * 1000, status, sponsorPartnerId,
    });
    const rows = {
      bbq: activity("Buurtbarbecue", soon),
      sponsored: activity("Broodjes proeven", soon + DAY, "published", partnerId),
      cancelled: activity("Afgelaste koffie", soon, "cancelled"),
      past: activity("Gisteren geweest", Date.now() - DAY),
      farOff: activity("Volgende maand", Date.now() + 20 * DAY),
      submitted: activity("Nog niet goedgekeurd", soon, "submitted", partnerId),
      elsewhere: activity("Alleen Nieuwbouw", soon),
      blocked: activity("Gesponsord in Nieuwbouw", soon, "published", partnerId),
    };
    await tenant.db.insert(tenantSchema.activities).values(Object.values(rows));
    await tenant.db.insert(tenantSchema.activityNeighbourhoods).values([
      ...Object.entries(rows).filter(([name]) => name !== "elsewhere" && name !== "blocked").map(([, row]) => ({ activityId: row.id, neighbourhoodId: oudwijk })),
      { activityId: rows.elsewhere.id, neighbourhoodId: nieuwbouw },
      { activityId: rows.blocked.id, neighbourhoodId: nieuwbouw },
    ]);
    // Nieuwbouw switched sponsored activities off: its own residents' digest leaves the sponsored one out.
    await tenant.db.insert(tenantSchema.sponsoredActivityBlocks).values({ neighbourhoodId: nieuwbouw });

    // No posts at all: the new activities alone make the digest worth sending.
    const run = await json(await runDigest(tenant.host));
    expect(run.result.sent).toBeGreaterThanOrEqual(1);
    const [mail] = await mailTo(tenant.slug, "rik@proef.example");
    expect(mail!.text).toContain("== Activiteiten in de komende week ==");
    expect(mail!.text).toContain("Buurtbarbecue");
    expect(mail!.text).toContain(`http://${tenant.host}/activiteit/${rows.bbq.id}`);
    expect(mail!.html).toContain(`href="http://${tenant.host}/activiteit/${rows.sponsored.id}"`);
    expect(mail!.text).toContain("Gesponsord door Bakkerij Bol");
    expect(mail!.text.indexOf("Buurtbarbecue")).toBeLessThan(mail!.text.indexOf("Broodjes proeven"));
    for (const absent of ["Afgelaste koffie", "Gisteren geweest", "Volgende maand", "Nog niet goedgekeurd", "Alleen Nieuwbouw", "Gesponsord in Nieuwbouw"]) {
      expect(mail!.text, absent).not.toContain(absent);
    }
    // Nina (Nieuwbouw) gets Nieuwbouw's own activity, but not the sponsored one her neighbourhood switched off.
    const [nina] = await mailTo(tenant.slug, "nina@proef.example");
    expect(nina!.text).toContain("Alleen Nieuwbouw");
    expect(nina!.text).not.toContain("Gesponsord in Nieuwbouw");
    expect(nina!.text).not.toContain("Buurtbarbecue");

    // The page shows the same, for members without e-mail too.
    const rik = await login(tenant.host, "rik@proef.example", NEW_PASSWORD);
    const page = await json(await call(tenant.host, "/api/notifications/digest", { cookie: rik }));
    expect(page.digest.activities.map((item: { title: string }) => item.title)).toEqual(["Buurtbarbecue", "Broodjes proeven"]);
    expect(page.digest.activities[1].sponsorName).toBe("Bakkerij Bol");
  });
});
