import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { controlSchema } from "@buurtplein/db";
import { apexUrl, DEMO_PASSWORD, expectAccessible, launchBrowser, logIn, newPage, tenantUrl } from "./browser.ts";
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

describe("the platform operator console", () => {
  it("an operator logs in on the apex, suspends a corporation (its site shows the suspended page), resumes it, and it works again", async () => {
    const slug = await signUpCorporation("pauze", "Stichting Pauze");
    const { page, context } = await newPage(browser);
    // The corporation's site works, and this isolate now holds it in its tenant cache.
    expect((await page.goto(tenantUrl(slug, "/inloggen")))?.status()).toBe(200);

    await page.goto(apexUrl("/beheer"));
    await page.getByRole("heading", { level: 1, name: "Beheer van Buurtplein" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("E-mailadres").fill("operator@buurtplein.example");
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Corporaties" }).waitFor();
    await page.getByRole("columnheader", { name: "Berichten" }).waitFor();
    await expectAccessible(page);

    await page.goto(apexUrl(`/beheer/corporaties/${slug}`));
    await page.getByRole("heading", { level: 1, name: "Stichting Pauze" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Reden", { exact: true }).fill("Proef van de beheerder");
    await page.getByRole("button", { name: "Zet uit" }).click();
    await page.getByRole("status").filter({ hasText: "Het Buurtplein staat tijdelijk uit." }).waitFor();

    const suspended = await page.context().newPage();
    const answer = await suspended.goto(tenantUrl(slug, "/inloggen"));
    expect(answer?.status()).toBe(423);
    await suspended.getByRole("heading", { level: 1, name: "Dit Buurtplein is tijdelijk niet beschikbaar" }).waitFor();
    expect(await suspended.locator("form").count()).toBe(0);

    await page.getByRole("button", { name: "Zet weer aan" }).click();
    await page.getByRole("status").filter({ hasText: "Het Buurtplein staat weer aan." }).waitFor();
    expect((await suspended.goto(tenantUrl(slug, "/inloggen")))?.status()).toBe(200);
    await suspended.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();

    // Both actions are in the audit log, with the reason.
    await page.getByRole("link", { name: "Logboek van beheerders" }).click();
    await page.getByRole("heading", { level: 1, name: "Logboek van beheerders" }).waitFor();
    const rows = page.getByRole("row").filter({ hasText: slug });
    await rows.filter({ hasText: "Proef van de beheerder" }).first().waitFor();
    expect(await rows.filter({ hasText: "weer aangezet" }).count()).toBe(1);
    await expectAccessible(page);

    // The console speaks English too.
    await page.goto(apexUrl("/taal?lang=en&terug=%2Fbeheer"));
    await page.getByRole("heading", { level: 1, name: "Corporations" }).waitFor();
    await page.getByRole("columnheader", { name: "Posts" }).waitFor();
    await context.close();
  });

  it("an admin asks for the corporation to be deleted, sees the date, and withdraws the request", async () => {
    const slug = await signUpCorporation("weg", "Stichting Weg");
    const { page, context } = await newPage(browser);
    await logIn(page, slug, "beheer@weg.example", "een-lang-wachtwoord");
    await page.goto(tenantUrl(slug, "/beheer/opzeggen"));
    await page.getByRole("heading", { level: 1, name: "Buurtplein opzeggen" }).waitFor();
    await expectAccessible(page);
    const confirm = page.getByLabel(`Typ het webadres van jullie Buurtplein om te bevestigen: ${slug}`);
    await confirm.fill("iets-anders");
    await page.getByRole("button", { name: "Vraag om verwijdering" }).click();
    await page.getByText("Dit is niet het webadres van jullie Buurtplein.").waitFor();
    await page.getByLabel(`Typ het webadres van jullie Buurtplein om te bevestigen: ${slug}`).fill(slug);
    await page.getByRole("button", { name: "Vraag om verwijdering" }).click();
    await page.getByRole("heading", { level: 1, name: "Verwijdering aangevraagd" }).waitFor();
    const due = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" });
    await page.getByText(`Vanaf ${due}`).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Trek het verzoek in" }).click();
    await page.getByRole("status").filter({ hasText: "Het verzoek is ingetrokken." }).waitFor();
    await context.close();
  });
});
