import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { apexUrl, expectAccessible, launchBrowser, newPage, tenantUrl } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("public site and sign-up", () => {
  it("shows what Buurtplein is on the apex, accessibly", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(apexUrl());
    await page.getByRole("heading", { level: 1, name: "Buurtplein", exact: true }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    await expectAccessible(page);
    await context.close();
  });

  it("signs a corporation up in the browser; its admin logs in on its subdomain", async () => {
    const { page, context } = await newPage(browser);
    const slug = `e2e${Date.now().toString(36)}`;
    await page.goto(apexUrl("/aanmelden"));
    await expectAccessible(page);
    await page.getByLabel("Naam van de corporatie").fill("Woonstichting Proef");
    await page.getByLabel("Webadres").fill(slug);
    await page.getByLabel("Uw naam").fill("Petra Proef");
    await page.getByLabel("Uw e-mailadres").fill("petra@proef.example");
    await page.getByLabel("Kies een wachtwoord").fill("een-lang-wachtwoord");
    await page.getByRole("button", { name: "Buurtplein aanmaken" }).click();
    await page.getByRole("heading", { name: "Jullie Buurtplein staat klaar" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: new RegExp(`${slug}\\.localhost`) }).click();
    await page.waitForURL(tenantUrl(slug, "/inloggen?met=wachtwoord"));
    await page.getByLabel("E-mailadres").fill("petra@proef.example");
    await page.getByLabel("Wachtwoord").fill("een-lang-wachtwoord");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL(tenantUrl(slug, "/buurten"));
    await page.getByRole("heading", { name: "Mijn buurten" }).waitFor();
    expect(await page.locator("header").textContent()).toContain("Woonstichting Proef");
    await expectAccessible(page);
    await context.close();
  });

  it.each([[false], [true]])("keeps what was typed when sign-up is refused (slug taken; JavaScript %s)", async (javaScriptEnabled) => {
    const { page, context } = await newPage(browser, { javaScriptEnabled });
    await page.goto(apexUrl("/aanmelden"));
    await page.getByLabel("Naam van de corporatie").fill("Nog een Linde");
    await page.getByLabel("Webadres").fill("delinde");
    await page.getByLabel("Uw naam").fill("Piet");
    await page.getByLabel("Uw e-mailadres").fill("piet@linde.example");
    await page.getByLabel("Kies een wachtwoord").fill("een-lang-wachtwoord");
    await page.getByRole("button", { name: "Buurtplein aanmaken" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("al in gebruik");
    expect(await page.getByLabel("Naam van de corporatie").inputValue()).toBe("Nog een Linde");
    // axe-core runs as a script in the page, so it can only check the page with JavaScript on.
    if (javaScriptEnabled) await expectAccessible(page);
    await context.close();
  });

  it("answers an unknown host with a clear page", async () => {
    const { page, context } = await newPage(browser);
    const response = await page.goto(tenantUrl("bestaatniet"));
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Hier staat geen Buurtplein", exact: true }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("tells search engines to keep out of a corporation's site", async () => {
    const { page, context } = await newPage(browser);
    const robots = await page.goto(tenantUrl("delinde", "/robots.txt"));
    expect(await robots?.text()).toContain("Disallow: /");
    await page.goto(tenantUrl("delinde"));
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
    await context.close();
  });
});
