// Page weight (issue 8): pages that work as plain HTML send no JavaScript at all, pages that ask for
// it (handle.hydrate, the print pages) still run it and carry only their reader's dictionary, and the
// icons are static files that never reach the worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, logIn, newPage, port, tenantUrl } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every JavaScript file the page fetches from now on, with its text. */
function recordScripts(page: Page): Map<string, Promise<string>> {
  const scripts = new Map<string, Promise<string>>();
  page.on("response", (response) => {
    const request = response.request();
    if (request.resourceType() === "script" || /\.m?js$/.test(new URL(request.url()).pathname)) {
      scripts.set(`${response.status()} ${request.resourceType()} ${request.url()}`, response.status() === 200 ? response.text() : Promise.resolve(""));
    }
  });
  return scripts;
}

describe("first view", () => {
  it("the feed downloads no JavaScript (JavaScript on in the browser), and a resident still posts a message", async () => {
    const { page, context } = await newPage(browser);
    const scripts = recordScripts(page);
    await logIn(page, "delinde", "joop@delinde.example");
    await page.waitForURL(tenantUrl("delinde", "/buurt/lindenhof"));
    // Nothing but the bell's few inline lines (polling the unread count; decision 024): no download, no React.
    expect(await page.locator("script:not(#notification-bell-script), link[rel=modulepreload]").count()).toBe(0);

    const text = `Zonder een regel JavaScript ${Date.now()}`;
    await page.getByText("Schrijf een bericht", { exact: true }).click();
    await page.getByLabel("Bericht", { exact: true }).fill(text);
    await page.getByRole("button", { name: "Plaatsen" }).click();
    await page.getByRole("status").filter({ hasText: "Je bericht staat in de buurt." }).waitFor();
    expect(await page.locator(".posts li").first().textContent()).toContain(text);
    // Closed and empty again after the post.
    expect(await page.locator("details.new-post-toggle").getAttribute("open")).toBeNull();
    expect(await page.getByLabel("Bericht", { exact: true }).inputValue()).toBe("");
    expect([...scripts.keys()]).toEqual([]);
    await context.close();
  });

  it("a print page still runs its JavaScript; a page carries the dictionaries of the languages it shows, the bundle none", async () => {
    const { page, context } = await newPage(browser);
    const scripts = recordScripts(page);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
    const carried = async () => JSON.parse((await page.locator("#bp-dictionary").textContent()) ?? "{}") as Record<string, { common: { skipToContent: string } }>;
    await logIn(page, "delinde", "sanne@delinde.example");
    await page.goto(tenantUrl("delinde", "/beheer/uitnodigingen"));
    await page.getByLabel("Buurt", { exact: true }).selectOption("lindenhof");
    await page.getByLabel("Naam van deze uitnodiging").fill(`Gewicht ${Date.now().toString(36)}`);
    await page.getByRole("button", { name: "Uitnodiging maken" }).click();
    const created = page.getByRole("status").filter({ hasText: "De uitnodiging is gemaakt" });
    await created.getByRole("link", { name: "Brief" }).click();
    await page.waitForURL(/\/brief$/);

    // The print button is rendered by React in the browser only: it is there, so the page hydrated,
    // and the letter's English half survived hydration (the page carries both languages it shows).
    await page.getByRole("button", { name: "Afdrukken" }).waitFor();
    expect(Object.keys(await carried()).sort()).toEqual(["en", "nl"]);
    expect(await page.locator("article.invite-letter").textContent()).toContain("How to join, in 3 steps");
    // No dictionary in the JavaScript itself: the bundle carries no language.
    expect(scripts.size).toBeGreaterThan(0);
    for (const [url, body] of scripts) {
      const code = await body;
      expect(code.includes("Naar de inhoud") || code.includes("Skip to content"), url).toBe(false);
    }

    // A page in one language carries only its reader's dictionary: Dutch, then English.
    await page.goto(tenantUrl("delinde", "/beheer/aanmelden-namens"));
    expect(Object.keys(await carried())).toEqual(["nl"]);
    expect((await carried()).nl?.common.skipToContent).toBe("Naar de inhoud");
    await page.goto(tenantUrl("delinde", `/taal?lang=en&terug=${encodeURIComponent("/beheer/aanmelden-namens")}`));
    await page.waitForURL(tenantUrl("delinde", "/beheer/aanmelden-namens"));
    expect(Object.keys(await carried())).toEqual(["en"]);
    expect((await carried()).en?.common.skipToContent).toBe("Skip to content");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("serves the favicon and touch icon as static files, before the worker (even on a host without a Buurtplein)", async () => {
    const { page, context } = await newPage(browser);
    // A page the worker renders on an unknown host is its 404 "no Buurtplein here"; the icons are not.
    expect((await page.goto(`http://nergens.localhost:${port()}/`))?.status()).toBe(404);
    for (const [path, type] of [
      ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/],
      ["/favicon.svg", /^image\/svg\+xml/],
      ["/apple-touch-icon.png", /^image\/png/],
    ] as const) {
      const response = await page.goto(`http://nergens.localhost:${port()}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()["content-type"], path).toMatch(type);
    }
    // Every page names them, so a browser never guesses at /favicon.ico.
    await page.goto(tenantUrl("delinde", "/inloggen"));
    expect(await page.locator("link[rel=icon][href='/favicon.svg'], link[rel=icon][href='/favicon.ico']").count()).toBe(2);
    expect(await page.locator("link[rel=apple-touch-icon]").getAttribute("href")).toBe("/apple-touch-icon.png");
    await context.close();
  });
});
