// The security headers of pages, .data answers, API answers and static files
// (docs/decisions/014-security-headers.md), and a strict Content-Security-Policy that the pages live
// with: our inline style carries the request's nonce; on the pages that send JavaScript (decision 013:
// only those that ask for it) React Router's inline scripts carry it too, the page hydrates and works,
// and Chromium reports no violation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page, Response } from "playwright-core";
import { apexUrl, launchBrowser, logIn, newPage, tenantUrl } from "./browser.ts";
import { send } from "./raw-http.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type HeaderBag = Record<string, string | string[] | undefined>;

function expectPageHeaders(headers: HeaderBag): string {
  const csp = String(headers["content-security-policy"] ?? "");
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, `CSP: ${csp}`).toBeTruthy();
  expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(String(headers["permissions-policy"])).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(headers["cache-control"]).toBe("private, no-store");
  // Local runs are plain http: no HSTS (production only).
  expect(headers["strict-transport-security"]).toBeUndefined();
  return nonce!;
}

/** Collects CSP violations and console errors of a page from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on("console", (message) => {
    // Chromium reports a refused script or style as a console error too ("Refused to …"); React its
    // hydration mismatches. A missing favicon ("Failed to load resource: 404") is neither.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Waits until React has hydrated the page (its fibers sit on the server-rendered elements). */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return main !== null && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
  });
}

describe("security headers and the content security policy", () => {
  it("pages carry them, with a fresh nonce every time that the inline style carries", async () => {
    const first = await send("delinde.localhost", "/inloggen");
    const second = await send("delinde.localhost", "/inloggen");
    expect(first.status).toBe(200);
    const nonce = expectPageHeaders(first.headers);
    expect(expectPageHeaders(second.headers)).not.toBe(nonce);
    // The login page works without JavaScript, so it sends none.
    expect(first.text).not.toMatch(/<script(?![^>]*type="application\/json")/);
    expect(first.text).toMatch(new RegExp(`<style nonce="${nonce.replace(/[+/=]/g, "\\$&")}"`));
    // The apex, an error page and a .data answer too.
    expectPageHeaders((await send("localhost", "/")).headers);
    expectPageHeaders((await send("delinde.localhost", "/bestaat-niet")).headers);
    expectPageHeaders((await send("delinde.localhost", "/inloggen.data")).headers);
  });

  it("API answers through the web worker carry them", async () => {
    const answer = await send("delinde.localhost", "/api/site");
    expect(answer.status).toBe(200);
    expect(String(answer.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["cache-control"]).toBe("private, no-store");
  });

  it("static files carry nosniff and a long cache (they are content-hashed)", async () => {
    const page = await send("delinde.localhost", "/inloggen");
    const asset = /(?:src|href)="(\/assets\/[^"]+\.css)"/.exec(page.text)?.[1];
    expect(asset).toBeTruthy();
    const answer = await send("delinde.localhost", asset!);
    expect(answer.status).toBe(200);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(String(answer.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
  });

  it("a page with JavaScript carries the nonce on every inline script, hydrates and works under the policy", async () => {
    const { page, context } = await newPage(browser);
    const problems = await watchViolations(page);
    await logIn(page, "delinde", "sanne@delinde.example");
    // The help-desk registration page prints a slip, so it sends JavaScript (handle.hydrate).
    const response: Response | null = await page.goto(tenantUrl("delinde", "/beheer/aanmelden-namens"));
    const nonce = expectPageHeaders(await response!.allHeaders());
    const html = await response!.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/json")([^>]*)>/g)].map((match) => match[1]!);
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
    await hydrated(page);
    // A client-side navigation (only a hydrated router fetches .data instead of a new document).
    const dataRequest = page.waitForRequest((request) => new URL(request.url()).pathname === "/account.data");
    await page.getByRole("link", { name: /^(Account|Mijn account)$/ }).click();
    await dataRequest;
    await page.waitForURL(tenantUrl("delinde", "/account"));
    await page.getByRole("heading", { level: 1, name: /account/i }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the apex sign-up page works without scripts and without a violation", async () => {
    const { page, context } = await newPage(browser);
    const problems = await watchViolations(page);
    await page.goto(apexUrl("/aanmelden"));
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.locator("script[src]").count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
