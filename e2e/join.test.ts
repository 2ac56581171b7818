// Invites and joining in the browser: a new resident joins with the code from a printed letter typed
// on the home page (timed, with and without JavaScript), staff create an invite and open the letter,
// invalid codes get their clear page, and the member pages (approval, help desk, personal invites).
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { controlSchema, createDbClient, importTenantTokenKey, LocalTenantDatabases, openControlDb, openTenantDb, tenantDbClient, tenantSchema } from "@buurtplein/db";
import { DEMO_PASSWORD, expectAccessible, launchBrowser, logIn, newPage, port, randomIp, tenantUrl } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface ApiAnswer {
  status: number;
  body: any;
  cookie: string | null;
}

/** A JSON API call as if to <slug>.localhost (Node cannot resolve *.localhost; the server is on 127.0.0.1). */
function api(slug: string, path: string, options: { method?: string; json?: unknown; cookie?: string } = {}): Promise<ApiAnswer> {
  const body = options.json === undefined ? "" : JSON.stringify(options.json);
  const headers: Record<string, string> = { host: `${slug}.localhost:${port()}`, "cf-connecting-ip": randomIp(), "content-length": String(Buffer.byteLength(body)) };
  if (options.json !== undefined) headers["content-type"] = "application/json";
  if (options.cookie) headers.cookie = options.cookie;
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port: port(), path, method: options.method ?? "GET", headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        const cookie = (response.headers["set-cookie"] ?? []).find((value) => value.startsWith("bp_session="))?.split(";")[0] ?? null;
        resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null, cookie });
      });
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function apiLogin(slug: string, email: string): Promise<string> {
  const answer = await api(slug, "/api/auth/login", { method: "POST", json: { identifier: email, password: DEMO_PASSWORD } });
  if (answer.status !== 200 || !answer.cookie) throw new Error(`login ${email}: ${answer.status}`);
  return answer.cookie;
}

/** As the moderator: a new invite; returns its printed code and link token. */
async function createInvite(slug: "delinde" | "havenstad", body: Record<string, unknown> = {}) {
  const moderator = await apiLogin(slug, slug === "delinde" ? "sanne@delinde.example" : "yasmina@havenstad.example");
  const created = await api(slug, "/api/invites", { method: "POST", cookie: moderator, json: { neighbourhood: slug === "delinde" ? "lindenhof" : "kadekwartier", label: "E2E-brief", ...body } });
  if (created.status !== 201) throw new Error(`create invite: ${created.status} ${JSON.stringify(created.body)}`);
  const detail = await api(slug, `/api/invites/${created.body.invite.id}`, { cookie: moderator });
  return { id: created.body.invite.id as string, code: detail.body.invite.code as string, token: detail.body.invite.token as string, moderator };
}

/** The tenant database of the running product (to let an invite expire, which the API never does backwards). */
async function tenantDatabase(slug: string) {
  const adminToken = readFileSync(join(inject("dataDir"), "admin-token"), "utf8").trim();
  const databases = new LocalTenantDatabases({ adminUrl: `http://127.0.0.1:${port() - 1}`, adminToken });
  const controlDb = await databases.createDatabase("control");
  const control = openControlDb(createDbClient({ url: controlDb.url, authToken: controlDb.token }));
  const [tenant] = await control.select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, slug));
  // The token is stored encrypted with the data folder's key (what `npm start` gives the worker).
  const tokenKey = await importTenantTokenKey(readFileSync(join(inject("dataDir"), "tenant-token.key"), "utf8"));
  return openTenantDb(await tenantDbClient(tenant!, tokenKey));
}

async function fillJoinForm(page: Page, values: { name: string; email?: string; password?: string }) {
  await page.getByLabel("Je naam").fill(values.name);
  if (values.email) await page.getByLabel("E-mailadres (mag leeg blijven)").fill(values.email);
  if (values.password) await page.getByLabel("Kies een wachtwoord").fill(values.password);
  await page.getByLabel(/huisregels/).check();
  await page.getByRole("button", { name: "Meedoen" }).click();
}

describe("a new resident joins with the code from a letter", () => {
  it.each([[true], [false]])("types the code on the home page and reads the feed within two minutes (JavaScript %s)", async (javaScriptEnabled) => {
    const invite = await createInvite("delinde", { maxUses: 300 });
    const { page, context } = await newPage(browser, { javaScriptEnabled });
    const started = Date.now();

    await page.goto(tenantUrl("delinde"));
    await page.getByRole("heading", { name: "Heb je een buurtcode?" }).waitFor();
    // Typed as people type from paper: lower case, without the dash.
    await page.getByLabel("Buurtcode", { exact: true }).fill(invite.code.replace("-", "").toLowerCase());
    await page.getByRole("button", { name: "Verder" }).click();
    await page.getByRole("heading", { level: 1, name: "Welkom in Lindenhof", exact: true }).waitFor();
    const joinPage = (await page.locator("main").textContent()) ?? "";
    expect(joinPage).toContain("Woonstichting De Linde nodigt je uit");
    expect(joinPage).toContain("Huisregels van het Buurtplein");
    if (javaScriptEnabled) await expectAccessible(page);

    const suffix = Date.now().toString(36);
    const email = `noor-${suffix}@example.org`;
    await fillJoinForm(page, { name: `Noor ${suffix}`, email, password: "mijn-eigen-wachtwoord" });
    // With e-mail the page says "look in your e-mail" (the same for an address that already has an
    // account); the welcome e-mail's link logs the new member in.
    await page.getByRole("heading", { level: 1, name: "Kijk in je e-mail", exact: true }).waitFor();
    if (javaScriptEnabled) await expectAccessible(page);
    await page.goto(tenantUrl("delinde", "/dev/mail"));
    const mail = page.locator(".dev-mail details").filter({ hasText: email }).first();
    await mail.locator("summary").click();
    await mail.getByRole("link", { name: /\/inloggen\/link\?token=/ }).click();
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL(tenantUrl("delinde", "/buurt/lindenhof"));
    await page.getByRole("heading", { level: 1, name: "Lindenhof", exact: true }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Wie kent een goede fietsenmaker?");
    await page.getByRole("button", { name: "Uitloggen" }).waitFor();

    const seconds = (Date.now() - started) / 1000;
    console.log(`[join] code on the home page → e-mail → feed (JavaScript ${javaScriptEnabled}): ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(120);
    if (javaScriptEnabled) await expectAccessible(page);
    await context.close();
  });

  it("shows the same page for an e-mail address that already has an account (no enumeration)", async () => {
    const invite = await createInvite("delinde", { maxUses: 10 });
    const pageText = async (email: string) => {
      const { page, context } = await newPage(browser, { javaScriptEnabled: false });
      await page.goto(tenantUrl("delinde", `/doe-mee/${invite.code}`));
      await fillJoinForm(page, { name: "Iemand Anders", email, password: "mijn-eigen-wachtwoord" });
      await page.getByRole("heading", { level: 1, name: "Kijk in je e-mail", exact: true }).waitFor();
      const text = await page.locator("main").textContent();
      await context.close();
      return text;
    };
    const known = await pageText("anna@delinde.example");
    const fresh = await pageText(`nieuw-${Date.now().toString(36)}@example.org`);
    expect(known).toBe(fresh);
  });

  it("joins without e-mail: the login name comes first, then the neighbourhood", async () => {
    const invite = await createInvite("delinde");
    const { page, context } = await newPage(browser);
    await page.goto(tenantUrl("delinde", `/doe-mee/${invite.token}`));
    await fillJoinForm(page, { name: "Gerda", password: "mijn-eigen-wachtwoord" });
    await page.getByRole("heading", { name: "Schrijf je inlognaam op" }).waitFor();
    const loginName = (await page.getByTestId("login-name").textContent())?.trim() ?? "";
    expect(loginName).toMatch(/^gerda-lindenhof-[2-9]{4}$/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Naar Lindenhof" }).click();
    await page.waitForURL(tenantUrl("delinde", "/buurt/lindenhof"));

    // Later, on another device: the login name and the password.
    const later = await api("delinde", "/api/auth/login", { method: "POST", json: { identifier: loginName, password: "mijn-eigen-wachtwoord" } });
    expect(later.status).toBe(200);
    await context.close();
  });

  it("keeps what was typed and explains a house number in the street (no JavaScript)", async () => {
    const invite = await createInvite("delinde");
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(tenantUrl("delinde", `/doe-mee/${invite.code}`));
    await page.getByLabel("Straat (mag leeg blijven)").fill("Lindenstraat 12");
    await fillJoinForm(page, { name: "Piet", password: "mijn-eigen-wachtwoord" });
    await page.getByText("zonder huisnummer. Zo blijft je adres privé").first().waitFor();
    expect(await page.getByLabel("Je naam").inputValue()).toBe("Piet");
    expect(await page.getByLabel("Straat (mag leeg blijven)").getAttribute("aria-invalid")).toBe("true");
    await context.close();
  });
});

describe("invites that no longer work", () => {
  it("shows a clear page for a revoked, an expired, a used-up and an unknown code", async () => {
    const revoked = await createInvite("delinde");
    expect((await api("delinde", `/api/invites/${revoked.id}/revoke`, { method: "POST", cookie: revoked.moderator })).status).toBe(200);
    const expired = await createInvite("delinde");
    const db = await tenantDatabase("delinde");
    await db.update(tenantSchema.invites).set({ expiresAt: Date.now() - 60_000 }).where(eq(tenantSchema.invites.id, expired.id));
    const usedUp = await createInvite("delinde", { maxUses: 1 });
    expect((await api("delinde", "/api/join", { method: "POST", json: { invite: usedUp.code, displayName: "Eerste", password: "mijn-eigen-wachtwoord", acceptHouseRules: true } })).status).toBe(201);

    const { page, context } = await newPage(browser);
    const cases = [
      [`/doe-mee?code=${revoked.code}`, "Deze uitnodiging werkt niet meer", 410],
      [`/doe-mee/${expired.token}`, "Deze uitnodiging is verlopen", 410],
      [`/doe-mee/${usedUp.code}`, "Deze uitnodiging is al gebruikt", 410],
      ["/doe-mee?code=ZZZZ-ZZZZ", "We kennen deze code niet", 404],
    ] as const;
    for (const [path, title, status] of cases) {
      const response = await page.goto(tenantUrl("delinde", path));
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      expect(response?.status(), path).toBe(status);
      const text = (await page.locator("main").textContent()) ?? "";
      expect(text).toContain("Vraag een buur die al meedoet om een persoonlijke code.");
      expect(text).toContain("Neem contact op met Woonstichting De Linde");
      await expectAccessible(page);
    }
    await page.getByRole("link", { name: "Een andere code proberen" }).click();
    await page.waitForURL(tenantUrl("delinde", "/doe-mee"));
    await page.getByRole("heading", { level: 1, name: "Doe mee met je buurt", exact: true }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("explains a code that cannot be one, without JavaScript", async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(tenantUrl("delinde", "/doe-mee"));
    await page.getByLabel("Buurtcode").fill("0000-1111");
    await page.getByRole("button", { name: "Verder" }).click();
    await page.getByText("Deze code klopt niet.").waitFor();
    expect(await page.getByLabel("Buurtcode").inputValue()).toBe("0000-1111");
    await context.close();
  });
});

describe("staff and invites", () => {
  it("a moderator creates an invite and opens the printable letter and poster", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "sanne@delinde.example");
    await page.getByRole("link", { name: "Uitnodigingen" }).click();
    await page.getByRole("heading", { level: 1, name: "Uitnodigingen", exact: true }).waitFor();
    await expectAccessible(page);

    const label = `Brief Lindenhof ${Date.now().toString(36)}`;
    await page.getByLabel("Buurt", { exact: true }).selectOption("lindenhof");
    await page.getByLabel("Naam van deze uitnodiging").fill(label);
    await page.getByLabel("Hoe vaak te gebruiken (mag leeg blijven)").fill("250");
    await page.getByRole("button", { name: "Uitnodiging maken" }).click();
    const created = page.getByRole("status").filter({ hasText: "De uitnodiging is gemaakt" });
    await created.waitFor();
    const code = /[A-Z2-9]{4}-[A-Z2-9]{4}/.exec((await created.textContent()) ?? "")?.[0];
    expect(code).toBeTruthy();
    expect(await page.locator(".invite-list").textContent()).toContain(label);
    await expectAccessible(page);

    await created.getByRole("link", { name: "Brief" }).click();
    await page.getByRole("heading", { level: 1, name: "Doe mee met het Buurtplein van Lindenhof", exact: true }).waitFor();
    const letter = page.locator("article.invite-letter");
    expect(await letter.locator(".big-code").textContent()).toBe(code);
    expect(await letter.locator(".qr svg path").count()).toBeGreaterThan(0);
    const letterText = (await letter.textContent()) ?? "";
    for (const part of ["Woonstichting De Linde", "Zo doe je mee, in 3 stappen", "In English", "How to join, in 3 steps", "Bakkerij Van Dam", `/doe-mee`]) {
      expect(letterText).toContain(part);
    }
    await expectAccessible(page);

    // On paper: only the letter, on one A4 page.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.locator(".print-toolbar").isVisible()).toBe(false);
    expect(await letter.isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBe(1);
    await page.emulateMedia({ media: "screen" });

    await page.goto(page.url().replace(/\/brief$/, "/poster"));
    await page.getByRole("heading", { level: 1, name: "Buren van Lindenhof: doe mee!", exact: true }).waitFor();
    expect(await page.locator(".poster-code").textContent()).toBe(code);
    await expectAccessible(page);
    await context.close();
  });

  it("withdraws an invite after a confirmation, without JavaScript", async () => {
    const label = `Intrekken ${Date.now().toString(36)}`;
    const invite = await createInvite("delinde", { label });
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, "delinde", "sanne@delinde.example");
    await page.goto(tenantUrl("delinde", "/beheer/uitnodigingen"));
    await page.getByRole("link", { name: `Intrekken: ${label}` }).click();
    await page.getByRole("heading", { name: "Uitnodiging intrekken?" }).waitFor();
    expect(await page.locator(".confirm").textContent()).toContain(invite.code);
    await page.getByRole("button", { name: "Ja, intrekken" }).click();
    await page.getByText("De uitnodiging is ingetrokken.").waitFor();
    const lookup = await api("delinde", `/api/join/${invite.code}`);
    expect(lookup.body.error.code).toBe("invite_revoked");
    await context.close();
  });

  it("keeps residents out of the staff pages", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "anna@delinde.example");
    for (const path of ["/beheer/uitnodigingen", "/beheer/aanmeldingen", "/beheer/aanmelden-namens"]) {
      const response = await page.goto(tenantUrl("delinde", path));
      expect(response?.status(), path).toBe(403);
    }
    await context.close();
  });
});

describe("members", () => {
  it("a resident makes a personal code for a neighbour, who joins with it", async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, "delinde", "joop@delinde.example");
    await page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    await page.getByRole("link", { name: "Buren uitnodigen" }).click();
    await page.getByRole("heading", { level: 1, name: "Een buur uitnodigen", exact: true }).waitFor();
    await page.getByRole("heading", { name: /Je kunt deze maand nog 3 buren uitnodigen/ }).waitFor();
    await page.getByRole("button", { name: "Maak een code" }).click();
    const code = ((await page.getByTestId("personal-code").textContent()) ?? "").trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await page.getByRole("heading", { name: /Je kunt deze maand nog 2 buren uitnodigen/ }).waitFor();
    await context.close();

    const neighbour = await newPage(browser);
    await neighbour.page.goto(tenantUrl("delinde", `/doe-mee/${code}`));
    await neighbour.page.getByText("Joop Hendriks nodigt je uit").waitFor();
    await expectAccessible(neighbour.page);
    await neighbour.context.close();

    const withJs = await newPage(browser);
    await logIn(withJs.page, "delinde", "joop@delinde.example");
    await withJs.page.goto(tenantUrl("delinde", "/uitnodigen"));
    await withJs.page.getByRole("heading", { name: "Jouw codes van deze maand" }).waitFor();
    await expectAccessible(withJs.page);
    await withJs.context.close();
  });

  it("with approval on, a newcomer waits; a moderator lets them in; their request for a second neighbourhood waits too", async () => {
    const admin = await apiLogin("havenstad", "beheer@havenstad.example");
    try {
      const { page, context } = await newPage(browser);
      await logIn(page, "havenstad", "beheer@havenstad.example");
      await page.goto(tenantUrl("havenstad", "/beheer/aanmeldingen"));
      await page.getByLabel("Nieuwe leden moeten eerst worden goedgekeurd").check();
      await page.getByRole("button", { name: "Opslaan" }).click();
      await page.getByText("Goedkeuring staat aan").waitFor();
      await expectAccessible(page);
      await context.close();

      const invite = await createInvite("havenstad");
      const newcomer = await newPage(browser);
      await newcomer.page.goto(tenantUrl("havenstad", `/doe-mee/${invite.code}`));
      await newcomer.page.getByText("kijkt iemand van de corporatie of een buurtambassadeur even mee").waitFor();
      const name = `Sem ${Date.now().toString(36)}`;
      const semEmail = `sem-${Date.now().toString(36)}@example.org`;
      await fillJoinForm(newcomer.page, { name, email: semEmail, password: "mijn-eigen-wachtwoord" });
      await newcomer.page.getByRole("heading", { level: 1, name: "Bedankt! Je aanmelding is binnen", exact: true }).waitFor();
      await expectAccessible(newcomer.page);
      await newcomer.context.close();

      const moderator = await newPage(browser, { javaScriptEnabled: false });
      await logIn(moderator.page, "havenstad", "yasmina@havenstad.example");
      await moderator.page.goto(tenantUrl("havenstad", "/beheer/aanmeldingen"));
      await moderator.page.getByRole("heading", { name }).waitFor();
      await moderator.page.getByRole("button", { name: `Toelaten: ${name}` }).click();
      await moderator.page.getByText(`${name} doet nu mee.`).waitFor();

      // Sem, now a member of Kadekwartier, also wants to join Nieuwe Werf: that request waits too.
      const nieuweWerf = await createInvite("havenstad", { neighbourhood: "nieuwe-werf", label: "E2E-brief Nieuwe Werf" });
      const sem = await newPage(browser);
      await logIn(sem.page, "havenstad", semEmail, "mijn-eigen-wachtwoord");
      await sem.page.goto(tenantUrl("havenstad", `/doe-mee/${nieuweWerf.code}`));
      await sem.page.getByRole("button", { name: "Ook meedoen in Nieuwe Werf" }).click();
      await sem.page.getByRole("heading", { level: 1, name: "Je aanvraag voor Nieuwe Werf is verstuurd", exact: true }).waitFor();
      await expectAccessible(sem.page);
      await sem.page.getByRole("link", { name: "Naar mijn buurten" }).click();
      await sem.page.getByText("Je aanvraag voor Nieuwe Werf wacht op goedkeuring.").waitFor();
      expect(await sem.page.getByRole("link", { name: /Nieuwe Werf/ }).count()).toBe(0);
      expect((await sem.page.goto(tenantUrl("havenstad", "/buurt/nieuwe-werf")))?.status()).toBe(403);

      await moderator.page.goto(tenantUrl("havenstad", "/beheer/aanmeldingen"));
      await moderator.page.getByText("Doet al mee in een andere buurt en vraagt om ook mee te doen in Nieuwe Werf.").waitFor();
      await moderator.page.getByRole("button", { name: `Toelaten: ${name}` }).click();
      await moderator.page.getByText(`${name} doet nu mee.`).waitFor();
      await moderator.context.close();

      await sem.page.goto(tenantUrl("havenstad", "/buurten"));
      await sem.page.getByRole("link", { name: /Nieuwe Werf/ }).click();
      await sem.page.getByRole("heading", { level: 1, name: "Nieuwe Werf", exact: true }).waitFor();
      await sem.context.close();
    } finally {
      await api("havenstad", "/api/settings/membership", { method: "PATCH", cookie: admin, json: { requireMemberApproval: false } });
    }
  });

  it("the help desk registers a resident without e-mail and hands over a login name and recovery code", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "sanne@delinde.example");
    await page.goto(tenantUrl("delinde", "/beheer/aanmelden-namens"));
    await expectAccessible(page);
    await page.getByLabel("Buurt", { exact: true }).selectOption("lindenhof");
    await page.getByLabel("Naam van de bewoner").fill("Truus Bakker");
    await page.getByLabel(/toestemming gegeven/).check();
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    await page.getByRole("heading", { level: 1, name: "Account gemaakt voor Truus Bakker", exact: true }).waitFor();
    expect((await page.getByTestId("login-name").textContent())?.trim()).toMatch(/^truus-lindenhof-[2-9]{4}$/);
    expect((await page.getByTestId("recovery-code").textContent())?.trim()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expectAccessible(page);
    await context.close();
  });
});

describe("a member who is logged in joins another neighbourhood", () => {
  it("a Lindenhof resident joins Parkzicht with one button, then sees both neighbourhoods", async () => {
    // A resident of Lindenhof of our own (the demo residents keep their one neighbourhood for other tests).
    const lindenhof = await createInvite("delinde", { label: "E2E-brief Lindenhof" });
    const suffix = Date.now().toString(36);
    const email = `lotte-${suffix}@example.org`;
    const password = "lottes-eigen-wachtwoord";
    const joined = await api("delinde", "/api/join", {
      method: "POST",
      json: { invite: lindenhof.code, displayName: `Lotte ${suffix}`, email, password, acceptHouseRules: true },
    });
    expect(joined.status).toBe(202);

    const invite = await createInvite("delinde", { neighbourhood: "parkzicht", label: "E2E-brief Parkzicht" });
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", email, password);

    await page.goto(tenantUrl("delinde", `/doe-mee/${invite.token}`));
    await page.getByRole("heading", { level: 1, name: "Welkom in Parkzicht", exact: true }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Meedoen met je account" }).waitFor();
    // No account form: no name or password fields.
    expect(await page.getByLabel("Je naam").count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ook meedoen in Parkzicht" }).click();
    await page.waitForURL(tenantUrl("delinde", "/buurt/parkzicht"));
    await page.getByRole("heading", { level: 1, name: "Parkzicht", exact: true }).waitFor();

    await page.goto(tenantUrl("delinde", "/buurten"));
    const tiles = page.locator(".tiles .tile-title");
    await tiles.first().waitFor();
    expect(await tiles.allTextContents()).toEqual(["Lindenhof", "Parkzicht"]);

    // The invite was counted once.
    const detail = await api("delinde", `/api/invites/${invite.id}`, { cookie: invite.moderator });
    expect(detail.body.invite.uses).toBe(1);

    // Opening it again: already a member, with a link to the feed (also without JavaScript).
    const noScript = await newPage(browser, { javaScriptEnabled: false });
    await logIn(noScript.page, "delinde", email, password);
    await noScript.page.goto(tenantUrl("delinde", `/doe-mee/${invite.code}`));
    await noScript.page.getByText("Je bent al lid van Parkzicht").waitFor();
    expect(await noScript.page.getByRole("button", { name: "Ook meedoen in Parkzicht" }).count()).toBe(0);
    await noScript.page.getByRole("link", { name: "Naar Parkzicht" }).click();
    await noScript.page.waitForURL(tenantUrl("delinde", "/buurt/parkzicht"));
    await noScript.context.close();
    await context.close();
  });
});

describe("staff see every invite and can aim a letter at one complex", () => {
  it("a moderator makes a letter for Lindenhof flat A and sees a neighbour's personal code with its maker (no JavaScript)", async () => {
    // Joop (Lindenhof) makes a personal code for a neighbour.
    const joop = await apiLogin("delinde", "joop@delinde.example");
    const personal = await api("delinde", "/api/invites/personal", { method: "POST", cookie: joop, json: {} });
    expect(personal.status).toBe(201);

    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, "delinde", "sanne@delinde.example");
    await page.goto(tenantUrl("delinde", "/beheer/uitnodigingen"));
    const row = page.locator(".invite-row").filter({ hasText: personal.body.invite.code });
    expect(await row.textContent()).toContain("Persoonlijke code van een buur");
    expect(await row.textContent()).toContain("Gemaakt door Joop Hendriks");
    expect(await row.getByRole("link", { name: /^Intrekken/ }).count()).toBe(1);

    const label = `Brief flat A ${Date.now().toString(36)}`;
    await page.getByLabel("Buurt", { exact: true }).selectOption("lindenhof");
    await page.getByLabel("Complex (mag leeg blijven)").selectOption({ label: "Lindenhof flat A (Hofstraat 2–40)" });
    await page.getByLabel("Naam van deze uitnodiging").fill(label);
    await page.getByRole("button", { name: "Uitnodiging maken" }).click();
    const created = page.getByRole("status").filter({ hasText: "De uitnodiging is gemaakt" });
    await created.waitFor();
    await created.getByRole("link", { name: "Brief" }).click();
    await page.getByRole("heading", { level: 1, name: "Doe mee met het Buurtplein van Lindenhof", exact: true }).waitFor();
    expect(await page.locator("article.invite-letter .letter-complex").textContent()).toContain("Lindenhof flat A");
    await context.close();

    // The form with the complex picker passes the accessibility check.
    const withScript = await newPage(browser);
    await logIn(withScript.page, "delinde", "sanne@delinde.example");
    await withScript.page.goto(tenantUrl("delinde", "/beheer/uitnodigingen"));
    await withScript.page.getByLabel("Complex (mag leeg blijven)").waitFor();
    await expectAccessible(withScript.page);
    await withScript.context.close();
  });
});
