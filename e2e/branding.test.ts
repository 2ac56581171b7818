// An admin brands a new corporation's site (colours, tagline, logo, sponsor statement) and sees it live on
// its pages; a colour with too little contrast is refused with the message (live with JavaScript, by the
// server without); a sponsor with its logo appears on the public "Mogelijk gemaakt door" page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { SAMPLE_PNG, SAMPLE_WEBP } from "../packages/core/src/files/sample-images.ts";
import { expectAccessible, launchBrowser, logIn, newPage, tenantUrl } from "./browser.ts";
import { signUpCorporation } from "./operator.ts";
import { send, sessionCookie } from "./raw-http.ts";

let browser: Browser;
let slug = "";
const ADMIN = "beheer@huisstijl.example";

beforeAll(async () => {
  browser = await launchBrowser();
  slug = await signUpCorporation("huisstijl", "Woonstichting Huisstijl");
});
afterAll(async () => {
  await browser?.close();
});

/** The width of an image once the browser has decoded it (fails for a broken image). */
const decodedWidth = (image: import("playwright-core").Locator) => image.evaluate((element: HTMLImageElement) => element.decode().then(() => element.naturalWidth));
const headerColour = (page: Page) => page.locator(".site-header").evaluate((element) => getComputedStyle(element).backgroundColor);

describe("branding a corporation's site", () => {
  it("an admin sets colours, tagline, statement and logo, and sees them live on the site", async () => {
    const { page, context } = await newPage(browser);
    // The page hydrates for its live check: nothing of it may break the Content-Security-Policy.
    const violations: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) violations.push(message.text());
    });
    await logIn(page, slug, ADMIN, "een-lang-wachtwoord");
    await page.goto(tenantUrl(slug, "/beheer/huisstijl"));
    await expectAccessible(page);

    await page.getByLabel("Ondertitel").fill("Samen wonen aan de gracht");
    await page.getByLabel("Hoofdkleur", { exact: true }).fill("#5b2a86");
    await page.getByText(/Goed leesbaar: contrast/).first().waitFor();
    await page.getByLabel("Accentkleur", { exact: true }).fill("#f4c542");
    await page.getByLabel("Zin over de sponsor").fill("Buurtplein Huisstijl wordt mogelijk gemaakt door Woonstichting Huisstijl.");
    await page.getByRole("button", { name: "Huisstijl opslaan" }).click();
    await page.getByRole("status").filter({ hasText: "De huisstijl is opgeslagen." }).waitFor();
    expect(await headerColour(page)).toBe("rgb(91, 42, 134)");

    await page.getByLabel("Kies een afbeelding").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from(SAMPLE_PNG) });
    await page.getByRole("button", { name: "Logo uploaden" }).click();
    await page.getByRole("status").filter({ hasText: "Het logo is opgeslagen." }).waitFor();
    await expectAccessible(page);
    expect(violations).toEqual([]);

    // Everyone sees it: a visitor of the home page, in a fresh browser.
    const visitor = await newPage(browser);
    await visitor.page.goto(tenantUrl(slug));
    expect(await headerColour(visitor.page)).toBe("rgb(91, 42, 134)");
    expect(await visitor.page.locator(".site-tagline").textContent()).toBe("Samen wonen aan de gracht");
    expect(await visitor.page.locator("footer").textContent()).toContain("mogelijk gemaakt door Woonstichting Huisstijl");
    const logo = visitor.page.locator(".site-header img.logo");
    await logo.waitFor();
    expect(await decodedWidth(logo)).toBe(48);
    await expectAccessible(visitor.page);
    await visitor.context.close();
    await context.close();
  });

  it("refuses a colour with too little contrast: live while typing, and by the server without JavaScript", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, slug, ADMIN, "een-lang-wachtwoord");
    // On a phone: nothing sticks out sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(tenantUrl(slug, "/beheer/huisstijl"));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const primary = page.getByLabel("Hoofdkleur", { exact: true });
    await primary.fill("#9fd3c7");
    const live = page.locator("#primaryColor-error");
    await live.filter({ hasText: /Hoofdkleur #9fd3c7: .*nodig is 4\.5:1 .*te weinig/ }).waitFor();
    expect(await primary.getAttribute("aria-invalid")).toBe("true");
    // The suggested shade passes and can be taken over with one button.
    // With the keyboard: the button takes the suggested shade over.
    await page.getByRole("button", { name: /^Gebruik #[0-9a-f]{6}$/ }).press("Enter");
    await page.getByText(/Goed leesbaar: contrast/).first().waitFor();
    await expectAccessible(page);
    await context.close();

    const plain = await newPage(browser, { javaScriptEnabled: false });
    await logIn(plain.page, slug, ADMIN, "een-lang-wachtwoord");
    await plain.page.goto(tenantUrl(slug, "/beheer/huisstijl"));
    await plain.page.getByLabel("Accentkleur", { exact: true }).fill("#203040");
    await plain.page.getByRole("button", { name: "Huisstijl opslaan" }).click();
    const error = plain.page.locator("#accentColor-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Accentkleur #203040: donkere tekst erop haalt een contrast van \d\.\d\d:1, nodig is 4\.5:1 \(\d\.\d\d te weinig\)\. Kies een lichtere kleur, bijvoorbeeld #[0-9a-f]{6}\./);
    // Nothing was saved: the site keeps the accent colour from before.
    await plain.page.goto(tenantUrl(slug, "/beheer/huisstijl"));
    expect(await plain.page.getByLabel("Accentkleur", { exact: true }).inputValue()).toBe("#f4c542");
    await plain.context.close();
  });

  it("an admin adds a sponsor with its logo; everyone finds it on the page linked from the footer", async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, slug, ADMIN, "een-lang-wachtwoord");
    await page.goto(tenantUrl(slug, "/beheer/sponsors"));
    await page.getByLabel("Naam", { exact: true }).fill("Bakkerij De Korenbloem");
    await page.getByLabel("Website").fill("https://korenbloem.example");
    await page.getByRole("button", { name: "Sponsor toevoegen" }).click();
    await page.getByRole("status").filter({ hasText: "De sponsor Bakkerij De Korenbloem is toegevoegd." }).waitFor();
    await page.getByLabel("Kies een afbeelding").setInputFiles({ name: "korenbloem.webp", mimeType: "image/webp", buffer: Buffer.from(SAMPLE_WEBP) });
    await page.getByRole("button", { name: "Logo uploaden" }).click();
    await page.getByRole("status").filter({ hasText: "Het logo is opgeslagen." }).waitFor();
    // An SVG is refused with a clear message.
    await page.getByLabel("Kies een afbeelding").setInputFiles({ name: "evil.png", mimeType: "image/png", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
    await page.getByRole("button", { name: "Logo uploaden" }).click();
    expect(await page.locator("#logo-error").textContent()).toContain("geen PNG-, JPEG- of WebP-afbeelding");
    await context.close();

    const visitor = await newPage(browser);
    await visitor.page.goto(tenantUrl(slug));
    await visitor.page.locator("footer").getByRole("link", { name: "Mogelijk gemaakt door" }).click();
    await visitor.page.getByRole("heading", { level: 1, name: "Mogelijk gemaakt door" }).waitFor();
    await visitor.page.getByRole("heading", { level: 2, name: "Bakkerij De Korenbloem" }).waitFor();
    const logo = visitor.page.getByRole("img", { name: "Logo van Bakkerij De Korenbloem" });
    expect(await decodedWidth(logo)).toBe(48);
    expect(await visitor.page.getByRole("link", { name: "korenbloem.example" }).getAttribute("href")).toBe("https://korenbloem.example");
    await expectAccessible(visitor.page);
    await visitor.context.close();
  });

  it("an admin removes a sponsor after confirming", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, slug, ADMIN, "een-lang-wachtwoord");
    await page.goto(tenantUrl(slug, "/beheer/sponsors"));
    await page.getByRole("link", { name: "Bakkerij De Korenbloem verwijderen" }).click();
    await page.getByRole("heading", { name: "Sponsor Bakkerij De Korenbloem verwijderen?" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ja, verwijder Bakkerij De Korenbloem" }).press("Enter");
    await page.getByRole("status").filter({ hasText: "De sponsor is verwijderd." }).waitFor();
    await page.goto(tenantUrl(slug, "/mogelijk-gemaakt-door"));
    expect(await page.locator("main").textContent()).toContain("Er staan nog geen sponsors op deze pagina.");
    await context.close();
  });

  it("visitors without a language choice get the corporation's default language", async () => {
    const cookie = await sessionCookie(slug, ADMIN, "een-lang-wachtwoord");
    const english = await send(`${slug}.localhost`, "/api/settings/branding", { method: "PATCH", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ defaultLanguage: "en" }) });
    expect(english.status).toBe(200);
    const visitor = await newPage(browser, { locale: "nl-NL" });
    await visitor.page.goto(tenantUrl(slug));
    expect(await visitor.page.locator("html").getAttribute("lang")).toBe("en");
    await visitor.page.locator("footer").getByRole("link", { name: "Made possible by" }).waitFor();
    await visitor.context.close();
    await send(`${slug}.localhost`, "/api/settings/branding", { method: "PATCH", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ defaultLanguage: "nl" }) });
  });
});

describe("where people join and on paper", () => {
  it("the join page shows the corporation's own house rules; the letter carries the sponsor statement", async () => {
    const cookie = await sessionCookie("delinde", "sanne@delinde.example");
    const created = await send("delinde.localhost", "/api/invites", { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ neighbourhood: "lindenhof", label: "Huisregels" }) });
    expect(created.status).toBe(201);
    const { invite } = JSON.parse(created.text);
    const detail = JSON.parse((await send("delinde.localhost", `/api/invites/${invite.id}`, { headers: { cookie } })).text);

    const { page, context } = await newPage(browser);
    await page.goto(tenantUrl("delinde", `/doe-mee/${detail.invite.token}`));
    await page.getByRole("heading", { level: 3, name: "Huisregels van Woonstichting De Linde" }).waitFor();
    expect(await page.locator(".own-house-rules li").allTextContents()).toEqual([
      "Fietsen horen in de fietsenstalling, niet in de gang.",
      "Grofvuil zet je buiten op maandagavond, niet eerder.",
    ]);
    await expectAccessible(page);
    await logIn(page, "delinde", "sanne@delinde.example");
    await page.goto(tenantUrl("delinde", `/beheer/uitnodigingen/${invite.id}/brief`));
    expect(await page.locator(".letter-foot").first().textContent()).toContain("met steun van Bakkerij Van Dam");
    await context.close();
  });
});
