// A corporation whose database cannot be reached: every page answers 503 with Retry-After and a calm
// "even geduld" page (no 500, no stack), health says 503, and the other corporations carry on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { controlSchema } from "@buurtplein/db";
import { expectAccessible, launchBrowser, newPage, tenantUrl } from "./browser.ts";
import { controlPlane, signUpCorporation } from "./operator.ts";
import { send } from "./raw-http.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


describe("a corporation whose database is unreachable", () => {
  it("answers every page with 503, Retry-After and a calm page; health says 503", async () => {
    const slug = await signUpCorporation("storing", "Stichting Storing");
    // Its database server goes away: nobody listens on port 1.
    const control = await controlPlane();
    await control.update(controlSchema.tenants).set({ dbUrl: `http://127.0.0.1:1/db/${slug}/` }).where(eq(controlSchema.tenants.slug, slug));

    const { page, context } = await newPage(browser);
    for (const path of ["/", "/inloggen"]) {
      const response = await page.goto(tenantUrl(slug, path));
      expect(response?.status()).toBe(503);
      expect((await response!.allHeaders())["retry-after"]).toMatch(/^\d+$/);
      await page.getByRole("heading", { level: 1, name: "Even geduld", exact: true }).waitFor();
      expect(await page.locator("main").innerText()).toMatch(/halve minuut/);
    }
    await expectAccessible(page);
    await context.close();

    const health = await send(`${slug}.localhost`, "/api/health");
    expect(health.status).toBe(503);
    expect(health.headers["retry-after"]).toMatch(/^\d+$/);
    // A page's client-side data request gets the same 503.
    expect((await send(`${slug}.localhost`, "/inloggen.data")).status).toBe(503);
    // Other corporations are not affected.
    expect((await send("delinde.localhost", "/inloggen")).status).toBe(200);
  });
});
