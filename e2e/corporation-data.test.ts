// An admin leaves with the data (the database opens as SQLite with the neighbourhoods in it; the files
// archive is a tar) and gives the corporation its own domain (a *.localhost name: it verifies at once
// and the site answers on it), then removes it again. The pages send no JavaScript; the forms also work
// with JavaScript switched off (axe needs it on, so the accessibility checks run in a normal browser).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { readTar } from "../packages/core/src/tenancy/tar-archive.ts";
import { expectAccessible, launchBrowser, logIn, newPage, port, tenantUrl } from "./browser.ts";

let browser: Browser;
const downloads = mkdtempSync(join(tmpdir(), "buurtplein-e2e-downloads-"));
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(downloads, { recursive: true, force: true });
});

describe("leaving with the data", () => {
  it("downloads the whole database, which opens as SQLite with the neighbourhoods in it, and the files as a tar archive", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "beheer@delinde.example");
    await page.goto(tenantUrl("delinde", "/account"));
    await page.getByRole("link", { name: "Alle gegevens downloaden" }).click();
    await page.getByRole("heading", { level: 1, name: "Alle gegevens downloaden", exact: true }).waitFor();
    expect(await page.locator("main").textContent()).toContain("SQLite");
    await expectAccessible(page);

    const databaseDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download de database (.sqlite)" }).click();
    const database = await databaseDownload;
    expect(database.suggestedFilename()).toMatch(/^buurtplein-delinde-\d{4}-\d{2}-\d{2}\.sqlite$/);
    const file = join(downloads, database.suggestedFilename());
    await database.saveAs(file);
    expect(readFileSync(file).subarray(0, 16).toString("latin1")).toBe("SQLite format 3\0");
    const sqlite = new DatabaseSync(file, { readOnly: true });
    const names = sqlite.prepare("SELECT name FROM neighbourhoods ORDER BY name").all().map((row) => row.name);
    expect(names).toEqual(expect.arrayContaining(["Lindenhof", "Parkzicht"]));
    expect(names).not.toContain("Kadekwartier");
    const admins = sqlite.prepare("SELECT email FROM users WHERE role = 'admin'").all().map((row) => row.email);
    expect(admins).toContain("beheer@delinde.example");
    sqlite.close();

    const filesDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download de bestanden (.tar)" }).click();
    const files = await filesDownload;
    expect(files.suggestedFilename()).toMatch(/^buurtplein-delinde-bestanden-\d{4}-\d{2}-\d{2}\.tar$/);
    const archive = join(downloads, files.suggestedFilename());
    await files.saveAs(archive);
    expect(() => readTar(new Uint8Array(readFileSync(archive)))).not.toThrow();
    await context.close();
  });

  it("speaks English to a reader who chose it and fits a phone screen", async () => {
    const { page, context } = await newPage(browser, { locale: "en-GB" });
    // The language switch's choice (the admin's own stored language would otherwise come first).
    await context.addCookies([{ name: "bp_lang", value: "en", url: tenantUrl("delinde") }]);
    await page.setViewportSize({ width: 360, height: 740 });
    await logIn(page, "delinde", "beheer@delinde.example");
    await page.goto(tenantUrl("delinde", "/beheer/gegevens"));
    await page.getByRole("heading", { level: 1, name: "Download all data", exact: true }).waitFor();
    await page.getByRole("link", { name: "Download the files (.tar)" }).waitFor();
    await page.goto(tenantUrl("delinde", "/beheer/domein"));
    await page.getByRole("heading", { level: 1, name: "Your own domain", exact: true }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await context.close();
  });

  it("is not for a moderator", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "sanne@delinde.example");
    const response = await page.goto(tenantUrl("delinde", "/beheer/gegevens"));
    expect(response?.status()).toBe(403);
    const api = await page.goto(tenantUrl("delinde", "/api/settings/export"));
    expect(api?.status()).toBe(403);
    await context.close();
  });
});

describe("the corporation's own domain", () => {
  it("adds a .localhost domain, which verifies and serves the site there, while the subdomain keeps working; then removes it", async () => {
    const hostname = "buurt.delinde.localhost";
    const customUrl = (path = "/") => `http://${hostname}:${port()}${path}`;
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "beheer@delinde.example");
    await page.goto(tenantUrl("delinde", "/account"));
    await page.getByRole("link", { name: "Eigen domein" }).click();
    await page.getByRole("heading", { level: 1, name: "Eigen domein", exact: true }).waitFor();
    await page.getByText("Je hebt nog geen eigen domein.").waitFor();
    await expectAccessible(page);

    // Not a domain: a clear message at the field.
    await page.getByLabel("Domeinnaam").fill("havenstad.localhost");
    await page.getByRole("button", { name: "Domein toevoegen" }).click();
    await page.locator("#hostname-error").filter({ hasText: "adres van Buurtplein zelf" }).waitFor();
    expect(await page.getByLabel("Domeinnaam").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);

    await page.getByLabel("Domeinnaam").fill(hostname);
    await page.getByRole("button", { name: "Domein toevoegen" }).click();
    await page.getByRole("status").filter({ hasText: `${hostname} is toegevoegd.` }).waitFor();
    const card = page.getByRole("article").filter({ hasText: hostname });
    expect(await card.textContent()).toContain("Actief");
    // The DNS record to create: a CNAME from the domain to the platform.
    await card.getByRole("cell", { name: "CNAME" }).waitFor();
    await expectAccessible(page);

    await card.getByRole("button", { name: `${hostname} nu controleren` }).click();
    await page.getByRole("status").filter({ hasText: `${hostname} werkt.` }).waitFor();

    // The site answers on the new domain, and on its old address.
    const visitor = await newPage(browser, { javaScriptEnabled: false });
    const answer = await visitor.page.goto(customUrl());
    expect(answer?.status()).toBe(200);
    expect(await visitor.page.locator("footer").textContent()).toContain("Bakkerij Van Dam");
    expect((await visitor.page.goto(tenantUrl("delinde")))?.status()).toBe(200);

    // Without JavaScript too: the form posts and the page says what is wrong.
    const noScript = await newPage(browser, { javaScriptEnabled: false });
    await logIn(noScript.page, "delinde", "beheer@delinde.example");
    await noScript.page.goto(tenantUrl("delinde", "/beheer/domein"));
    await noScript.page.getByLabel("Domeinnaam").fill(hostname);
    await noScript.page.getByRole("button", { name: "Domein toevoegen" }).click();
    await noScript.page.getByRole("alert").filter({ hasText: "al aangemeld" }).waitFor();
    await noScript.context.close();

    // Removing asks first, then the domain no longer answers.
    await page.getByRole("link", { name: `${hostname} verwijderen` }).click();
    await page.getByRole("heading", { level: 1, name: `${hostname} verwijderen`, exact: true }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Domein verwijderen" }).click();
    await page.getByRole("status").filter({ hasText: "Het domein is verwijderd." }).waitFor();
    await page.getByText("Je hebt nog geen eigen domein.").waitFor();
    const gone = await visitor.page.goto(customUrl());
    expect(gone?.status()).toBe(404);
    await visitor.page.getByRole("heading", { name: "Hier staat geen Buurtplein" }).waitFor();
    await visitor.context.close();
    await context.close();
  });
});
