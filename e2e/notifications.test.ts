// Notifications and the digest in the browser: an ambassador sees the bell count after a new member
// joins, opens the list and marks all read; a neighbour's help request reaches an away member's digest
// (run with `npm run jobs -- digest`), which shows in the dev mailbox, and its unsubscribe link works
// without logging in. Its own neighbourhood, so other test files' joins never change its counts.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { controlSchema, createDbClient, importTenantTokenKey, LocalTenantDatabases, openControlDb, openTenantDb, tenantDbClient, tenantSchema } from "@buurtplein/db";
import { DEMO_PASSWORD, expectAccessible, launchBrowser, logIn, newPage, port, randomIp, tenantUrl } from "./browser.ts";

const root = resolve(import.meta.dirname, "..");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function api(path: string, options: { method?: string; json?: unknown; cookie?: string; form?: string } = {}): Promise<{ status: number; body: any; cookie: string | null }> {
  const body = options.form ?? (options.json === undefined ? "" : JSON.stringify(options.json));
  const headers: Record<string, string> = { host: `delinde.localhost:${port()}`, "cf-connecting-ip": randomIp(), "content-length": String(Buffer.byteLength(body)) };
  if (options.json !== undefined) headers["content-type"] = "application/json";
  if (options.form !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
  if (options.cookie) headers.cookie = options.cookie;
  return new Promise((resolvePromise, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port: port(), path, method: options.method ?? "GET", headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        const cookie = (response.headers["set-cookie"] ?? []).find((value) => value.startsWith("bp_session="))?.split(";")[0] ?? null;
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // a page, not JSON
        }
        resolvePromise({ status: response.statusCode ?? 0, body: parsed, cookie });
      });
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function apiLogin(email: string): Promise<string> {
  const answer = await api("/api/auth/login", { method: "POST", json: { identifier: email, password: DEMO_PASSWORD } });
  if (answer.status !== 200 || !answer.cookie) throw new Error(`login ${email}: ${answer.status}`);
  return answer.cookie;
}

async function delindeDb() {
  const adminToken = readFileSync(join(inject("dataDir"), "admin-token"), "utf8").trim();
  const databases = new LocalTenantDatabases({ adminUrl: `http://127.0.0.1:${port() - 1}`, adminToken });
  const controlDb = await databases.createDatabase("control");
  const control = openControlDb(createDbClient({ url: controlDb.url, authToken: controlDb.token }));
  const [tenant] = await control.select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, "delinde"));
  const tokenKey = await importTenantTokenKey(readFileSync(join(inject("dataDir"), "tenant-token.key"), "utf8"));
  return openTenantDb(await tenantDbClient(tenant!, tokenKey));
}

/** A neighbourhood of this test with an ambassador (the demo password) and a resident who never visits. */
async function neighbourhoodOfOurOwn() {
  const db = await delindeDb();
  const suffix = crypto.randomUUID().slice(0, 6);
  const neighbourhood = { id: crypto.randomUUID(), slug: `meldhof-${suffix}`, name: `Meldhof ${suffix}` };
  await db.insert(tenantSchema.neighbourhoods).values({ ...neighbourhood, kind: "existing", city: "Utrecht" });
  const [demo] = await db.select({ passwordHash: tenantSchema.users.passwordHash }).from(tenantSchema.users).where(eq(tenantSchema.users.email, "mohamed@delinde.example"));
  const ambassador = { id: crypto.randomUUID(), email: `ambassadeur-${suffix}@e2e.example`, displayName: `Amira ${suffix}`, role: "ambassador", passwordHash: demo!.passwordHash };
  const resident = { id: crypto.randomUUID(), email: `weg-${suffix}@e2e.example`, displayName: `Wim ${suffix}`, role: "resident", passwordHash: null };
  await db.insert(tenantSchema.users).values([ambassador, resident]);
  await db.insert(tenantSchema.memberships).values([
    { userId: ambassador.id, neighbourhoodId: neighbourhood.id },
    { userId: resident.id, neighbourhoodId: neighbourhood.id },
  ]);
  return { db, neighbourhood, ambassador, resident };
}

function runJobs(job: string): { status: number | null; output: string } {
  const result = spawnSync(join(root, "node_modules/.bin/tsx"), [join(root, "infra/src/cli/run-job.ts"), job, "--tenant", "delinde", "--port", String(port())], { encoding: "utf8", cwd: root });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("notifications and the digest", () => {
  it("an ambassador sees the bell count after a new member joins, opens the list, marks all read", async () => {
    const { neighbourhood, ambassador } = await neighbourhoodOfOurOwn();
    const { context, page } = await newPage(browser);
    await logIn(page, "delinde", ambassador.email);
    const bell = page.locator("#notification-bell");
    await expect(bell.textContent()).resolves.toContain("Meldingen");
    expect(await bell.textContent()).not.toContain("nieuw");

    const moderator = await apiLogin("sanne@delinde.example");
    const created = await api("/api/invites", { method: "POST", cookie: moderator, json: { neighbourhood: neighbourhood.slug, label: "E2E meldingen" } });
    expect(created.status).toBe(201);
    const detail = await api(`/api/invites/${created.body.invite.id}`, { cookie: moderator });
    const newcomer = `Nieuwe Buur ${crypto.randomUUID().slice(0, 6)}`;
    const joined = await api("/api/join", { method: "POST", json: { invite: detail.body.invite.code, displayName: newcomer, password: "een-goed-wachtwoord", acceptHouseRules: true } });
    expect(joined.status).toBe(201);

    await page.reload();
    expect(await bell.textContent()).toContain("Meldingen: 1 nieuw");
    await bell.click();
    await page.getByRole("heading", { level: 1, name: "Meldingen" }).waitFor();
    await page.getByText(`${newcomer} is nieuw in ${neighbourhood.name}`).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Alles gelezen" }).click();
    await page.getByText("Alle meldingen zijn gelezen.").waitFor();
    expect(await page.locator("#notification-bell").textContent()).not.toContain("nieuw");

    // Where JavaScript runs, the bell updates without a reload: it asks again when the page becomes
    // visible (and every minute); here the test says "visible" instead of waiting a minute.
    const second = `Nog een Buur ${crypto.randomUUID().slice(0, 6)}`;
    expect((await api("/api/join", { method: "POST", json: { invite: detail.body.invite.code, displayName: second, password: "een-goed-wachtwoord", acceptHouseRules: true } })).status).toBe(201);
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await page.locator("#notification-bell", { hasText: "Meldingen: 1 nieuw" }).waitFor();

    // The digest settings on the account page: weekly, at 7, quiet from 22 to 7.
    await page.goto(tenantUrl("delinde", "/account#meldingen"));
    await page.getByLabel("Eens per week (maandag)").check();
    await page.getByLabel("Hoe laat? (uur van de dag)").selectOption("7");
    await page.getByLabel("Van (uur)").selectOption("22");
    await page.getByLabel("Tot (uur)").selectOption("7");
    await page.getByRole("button", { name: "Keuze bewaren" }).click();
    await page.getByText("Je keuze is opgeslagen.").waitFor();
    expect(await page.getByLabel("Eens per week (maandag)").isChecked()).toBe(true);
    await expectAccessible(page);

    // The digest as a page (for members without e-mail too), reached from the list.
    await page.goto(tenantUrl("delinde", "/meldingen"));
    await page.getByRole("link", { name: "Bekijk het overzicht van je buurt" }).click();
    await page.getByRole("heading", { level: 1, name: "Overzicht van je buurt" }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("a neighbour's help request reaches an away member's digest in the dev mailbox; unsubscribing works without logging in", async () => {
    const { db, neighbourhood, ambassador, resident } = await neighbourhoodOfOurOwn();
    const cookie = await apiLogin(ambassador.email);
    const title = `Wie helpt ${crypto.randomUUID().slice(0, 6)} met de boodschappen?`;
    const posted = await api(`/api/neighbourhoods/${neighbourhood.slug}/posts`, { method: "POST", cookie, json: { kind: "help_request", title, body: "Ik heb griep en kan niet naar de winkel." } });
    expect(posted.status).toBe(201);

    const run = runJobs("digest");
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('"sent":');

    const mail = await api(`/api/dev/mail?to=${encodeURIComponent(resident.email)}`);
    expect(mail.body.mail).toHaveLength(1);
    const digest = mail.body.mail[0];
    expect(digest.subject).toBe("Nieuws uit je buurt — Woonstichting De Linde");
    expect(digest.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = String(digest.headers["List-Unsubscribe"]).slice(1, -1);
    expect(unsubscribeUrl.startsWith(tenantUrl("delinde", "/overzicht/afmelden?token="))).toBe(true);
    expect(digest.text).toContain(unsubscribeUrl);

    // The digest shows in the dev mailbox, with the help request; its unsubscribe link, followed by
    // someone not logged in, shows a question and a button; only the button turns the digest off.
    const { context, page } = await newPage(browser);
    await page.goto(tenantUrl("delinde", "/dev/mail"));
    const entry = page.locator("details", { hasText: resident.email });
    await entry.locator("summary").click();
    await entry.getByText(title).waitFor();
    await entry.locator(`a[href="${unsubscribeUrl}"]`).click();
    await page.getByRole("heading", { level: 1, name: "Geen overzicht meer per e-mail" }).waitFor();
    const preference = async () =>
      (await db.select().from(tenantSchema.notificationPreferences).where(eq(tenantSchema.notificationPreferences.userId, resident.id)))[0]?.digest ?? "daily";
    expect(await preference()).toBe("daily");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ja, stop het overzicht" }).click();
    await page.getByText("Klaar. Je krijgt het overzicht niet meer per e-mail.").waitFor();
    expect(await preference()).toBe("off");
    // A tampered link says so.
    await page.goto(`${unsubscribeUrl.slice(0, -3)}xyz`);
    await page.getByRole("heading", { level: 1, name: "Deze link werkt niet" }).waitFor();
    await context.close();

    // A mail client's one-click POST (RFC 8058) to the same URL, without a session: 200.
    const oneClick = await api(new URL(unsubscribeUrl).pathname + new URL(unsubscribeUrl).search, { method: "POST", form: "List-Unsubscribe=One-Click" });
    expect(oneClick.status).toBe(200);
    // Also with no body at all.
    expect((await api(new URL(unsubscribeUrl).pathname + new URL(unsubscribeUrl).search, { method: "POST" })).status).toBe(200);

    // Running again in the same period sends this member nothing new.
    expect(runJobs("digest").status).toBe(0);
    const again = await db.select().from(tenantSchema.jobRuns).where(and(eq(tenantSchema.jobRuns.job, "digest"), eq(tenantSchema.jobRuns.scope, resident.id)));
    expect(again).toHaveLength(1);
    expect((await api(`/api/dev/mail?to=${encodeURIComponent(resident.email)}`)).body.mail).toHaveLength(1);
  });
});
