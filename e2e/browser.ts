// Debian's Chromium driven by playwright-core, plus an axe-core accessibility check for every page.
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const port = () => inject("port");
export const apexUrl = (path = "/") => `http://localhost:${port()}${path}`;
export const tenantUrl = (slug: string, path = "/") => `http://${slug}.localhost:${port()}${path}`;
export const DEMO_PASSWORD = "buurtplein-demo";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu", "--no-first-run"],
  });
}

export async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? "nl-NL",
    // Every browser context is a visitor of its own (as on Cloudflare), so per-IP rate limits of one
    // test never hit another.
    extraHTTPHeaders: { "cf-connecting-ip": randomIp() },
  });
  const page = await context.newPage();
  return { context, page };
}

/** Fails with the list of WCAG A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** A random private IPv4 address (10.x.y.z). */
export function randomIp(): string {
  return `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
}

export async function logIn(page: Page, slug: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  // /inloggen offers a login link by e-mail first; ?met=wachtwoord is the password form.
  await page.goto(tenantUrl(slug, "/inloggen?met=wachtwoord"));
  await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
  await page.getByLabel(/^Wachtwoord$|^Password$/).fill(password);
  await page.getByRole("button", { name: /Inloggen|Log in/ }).click();
  // Logged in: the page now offers to log out.
  await page.getByRole("button", { name: /Uitloggen|Log out/ }).waitFor();
}
