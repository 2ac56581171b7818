import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { controlSchema } from "@buurtplein/db";
import { expectAccessible, launchBrowser, newPage, tenantUrl } from "./browser.ts";
import { controlPlane, signUpCorporation } from "./operator.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


describe("a suspended corporation", () => {
  it("shows a clear page and nothing of its content", async () => {
    const slug = await signUpCorporation("dicht", "Stichting Dicht");
    const control = await controlPlane();
    await control.update(controlSchema.tenants).set({ status: "suspended" }).where(eq(controlSchema.tenants.slug, slug));

    const { page, context } = await newPage(browser);
    const response = await page.goto(tenantUrl(slug, "/inloggen"));
    expect(response?.status()).toBe(423);
    await page.getByRole("heading", { level: 1, name: "Dit Buurtplein is tijdelijk niet beschikbaar", exact: true }).waitFor();
    expect(await page.locator("form").count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });
});
