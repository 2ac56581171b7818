import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { controlSchema, createDbClient, LocalTenantDatabases, openControlDb } from "@buurtplein/db";
import { apexUrl, expectAccessible, launchBrowser, newPage, tenantUrl } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The control plane of the running product, reached as the platform operator would. */
async function controlPlane() {
  const dataDir = inject("dataDir");
  const adminToken = readFileSync(join(dataDir, "admin-token"), "utf8").trim();
  const databases = new LocalTenantDatabases({ adminUrl: `http://127.0.0.1:${inject("port") - 1}`, adminToken });
  const control = await databases.createDatabase("control");
  return openControlDb(createDbClient({ url: control.url, authToken: control.token }));
}

describe("a suspended corporation", () => {
  it("shows a clear page and nothing of its content", async () => {
    const slug = `dicht${Date.now().toString(36)}`;
    const signup = await fetch(apexUrl("/api/signup"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Stichting Dicht", slug, adminName: "Beheer", adminEmail: "beheer@dicht.example", adminPassword: "een-lang-wachtwoord" }),
    });
    expect(signup.status).toBe(201);
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
