// A new corporation sets itself up: sign-up at /aanmelden, the first-run checklist on the admin's
// landing page, the first neighbourhood created from it (the step ticks itself), and complexes
// imported from a CSV file with one bad row (the error shown with its line), fixed and confirmed.
// These pages send no JavaScript (every step is a link or a form that posts): the journey checks that,
// with the browser's JavaScript on for the accessibility checks; archiving runs with it off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { apexUrl, expectAccessible, launchBrowser, newPage, tenantUrl } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASSWORD = "een-lang-wachtwoord";

async function upload(page: Page, csv: string) {
  await page.getByLabel("CSV-bestand").setInputFiles({ name: "complexen.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Bekijk wat er verandert" }).click();
  await page.getByRole("heading", { level: 2, name: "Zo ziet de import eruit" }).waitFor();
}

describe("a corporation that just signed up", () => {
  it("follows the checklist to its first neighbourhood and imports its complexes (pages without JavaScript)", async () => {
    const { page, context } = await newPage(browser);
    page.setDefaultTimeout(15_000);
    const slug = `start${Date.now().toString(36)}`;

    await page.goto(apexUrl("/aanmelden"));
    await page.getByLabel("Naam van de corporatie").fill("Woonstichting Beginpunt");
    await page.getByLabel("Webadres").fill(slug);
    await page.getByLabel("Uw naam").fill("Bea Beheer");
    await page.getByLabel("Uw e-mailadres").fill(`bea@${slug}.example`);
    await page.getByLabel("Kies een wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Buurtplein aanmaken" }).click();
    await page.getByRole("heading", { level: 1, name: "Jullie Buurtplein staat klaar" }).waitFor();
    await page.getByRole("link", { name: /^Naar http/ }).click();

    await page.getByLabel(/E-mailadres/).fill(`bea@${slug}.example`);
    await page.getByLabel(/^Wachtwoord$/).fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL(tenantUrl(slug, "/buurten"));

    // The checklist: three steps, none done yet.
    const checklist = page.getByRole("region", { name: "Zo zet je jullie Buurtplein klaar" });
    await checklist.waitFor();
    expect(await checklist.locator("li").allTextContents()).toEqual(["Maak een buurt aanNog doen", "Zet jullie huisstijl en logoNog doen", "Nodig bewoners uitNog doen"]);
    await expectAccessible(page);

    // By keyboard to the first step.
    await checklist.getByRole("link", { name: "Maak een buurt aan" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(tenantUrl(slug, "/beheer/buurten/nieuw"));
    await page.getByRole("button", { name: "Buurt aanmaken" }).click();
    // An empty name is refused by the browser's own check; a one-letter name by the API, next to the field.
    await page.getByLabel("Naam van de buurt").fill("Z");
    await page.getByLabel("Naam van de buurt").evaluate((input) => input.removeAttribute("minlength"));
    await page.getByRole("button", { name: "Buurt aanmaken" }).click();
    await page.locator("#name-error").filter({ hasText: "minstens 2 tekens" }).waitFor();
    await page.getByLabel("Naam van de buurt").fill("Zonnewijk-Oost");
    await page.getByLabel(/^Nieuwbouw/).check();
    await page.getByLabel("Plaats (mag leeg blijven)").fill("Zwolle");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Buurt aanmaken" }).click();
    await page.getByRole("status").filter({ hasText: "De buurt Zonnewijk-Oost is aangemaakt." }).waitFor();
    expect(await page.locator(".admin-row").first().textContent()).toContain("Nieuwbouw · Zwolle");
    await expectAccessible(page);

    // Back on the landing page the first step has ticked itself.
    await page.goto(tenantUrl(slug, "/"));
    await page.waitForURL(tenantUrl(slug, "/buurten"));
    expect(await checklist.locator("li").allTextContents()).toEqual(["✓Maak een buurt aanKlaar", "Zet jullie huisstijl en logoNog doen", "Nodig bewoners uitNog doen"]);

    // Import complexes: one bad row is shown with its line and column; nothing is written until confirmed.
    await page.getByRole("link", { name: "Buurten en complexen" }).click();
    await page.getByRole("link", { name: "Complexen importeren (CSV)" }).click();
    const header = "Complexcode;Naam;Straat;Huisnummers;Postcode;Buurt";
    const good = "ZO-1;Zonneflat;Zonnelaan;2-40;8011 AB;Zonnewijk-Oost";
    await upload(page, `\uFEFF${header}\r\n${good}\r\nZO-2;Zonnehof;Zonnelaan;40-2;8011 AB;Zonnewijk-Oost\r\n`);
    const problems = page.getByRole("alert").filter({ hasText: "Deze regels kloppen niet" });
    await problems.waitFor();
    expect(await problems.locator("tbody tr").allTextContents()).toEqual(["3huisnummersHet eerste huisnummer moet kleiner zijn dan het laatste, zoals 2-40."]);
    expect(await page.getByRole("button", { name: "Bevestig en importeer" }).count()).toBe(0);
    expect(await page.locator("script[src], script[type=module]").count()).toBe(0);
    await expectAccessible(page);

    await upload(page, `\uFEFF${header}\r\n${good}\r\nZO-2;Zonnehof;Zonnelaan;42–60;8011 AB;Zonnewijk-Oost\r\n`);
    expect(await page.getByRole("status").filter({ hasText: "2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 met fouten." }).count()).toBe(1);
    await page.getByRole("button", { name: "Bevestig en importeer" }).click();
    await page.getByRole("status").filter({ hasText: "De complexen zijn geïmporteerd: 2 nieuw, 0 bijgewerkt." }).waitFor();
    expect(await page.locator(".admin-row").first().textContent()).toContain("2 complexen");

    // The same file again changes nothing.
    await page.getByRole("link", { name: "Complexen importeren (CSV)" }).click();
    await upload(page, `\uFEFF${header}\r\n${good}\r\nZO-2;Zonnehof;Zonnelaan;42–60;8011 AB;Zonnewijk-Oost\r\n`);
    await page.getByText("Alles in dit bestand staat er al zo in.").waitFor();
    expect(await page.getByRole("button", { name: "Bevestig en importeer" }).count()).toBe(0);

    // The complexes of the neighbourhood, with their address lines.
    await page.goto(tenantUrl(slug, "/beheer/buurten/zonnewijk-oost/complexen"));
    expect(await page.locator("tbody tr").allTextContents()).toEqual(["ZO-1ZonneflatZonnelaan 2–408011 ABBewerken", "ZO-2ZonnehofZonnelaan 42–608011 ABBewerken"]);
    await expectAccessible(page);

    // On a phone nothing runs off the side of the page (the table scrolls inside itself), and in English.
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ["/beheer/buurten", "/beheer/buurten/zonnewijk-oost/complexen", "/beheer/complexen/importeren"]) {
      await page.goto(tenantUrl(slug, path));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await page.goto(tenantUrl(slug, "/taal?lang=en&terug=/beheer/buurten"));
    await page.getByRole("heading", { level: 1, name: "Neighbourhoods" }).waitFor();
    await page.getByRole("link", { name: "Edit Zonnewijk-Oost" }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("archives a neighbourhood after a confirmation and lets it take part again", async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    const slug = `archief${Date.now().toString(36)}`;
    const signup = await fetch(apexUrl("/api/signup"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Stichting Archief", slug, adminName: "Ad Archief", adminEmail: `ad@${slug}.example`, adminPassword: PASSWORD }),
    });
    expect(signup.status).toBe(201);
    await page.goto(tenantUrl(slug, "/inloggen?met=wachtwoord"));
    await page.getByLabel(/E-mailadres/).fill(`ad@${slug}.example`);
    await page.getByLabel(/^Wachtwoord$/).fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL(tenantUrl(slug, "/buurten"));
    await page.goto(tenantUrl(slug, "/beheer/buurten/nieuw"));
    await page.getByLabel("Naam van de buurt").fill("Oude Haven");
    await page.getByRole("button", { name: "Buurt aanmaken" }).click();
    await page.getByRole("status").filter({ hasText: "aangemaakt" }).waitFor();
    // An invite letter made before archiving.
    await page.goto(tenantUrl(slug, "/beheer/uitnodigingen"));
    await page.getByLabel("Naam van deze uitnodiging").fill("Brief Oude Haven");
    await page.getByRole("button", { name: "Uitnodiging maken" }).click();
    const created = await page.getByRole("status").filter({ hasText: "De code is" }).textContent();
    const code = /De code is ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(created ?? "")?.[1];
    expect(code).toBeDefined();

    await page.goto(tenantUrl(slug, "/beheer/buurten"));
    await page.getByRole("link", { name: "Oude Haven archiveren" }).click();
    const confirm = page.getByRole("region", { name: "Oude Haven archiveren?" });
    await confirm.waitFor();
    await confirm.getByRole("button", { name: "Ja, archiveer Oude Haven" }).click();
    await page.getByRole("status").filter({ hasText: "De buurt Oude Haven is gearchiveerd." }).waitFor();
    expect(await page.locator(".admin-row").first().textContent()).toContain("Gearchiveerd");
    // Hidden from the invite form's list of neighbourhoods; the feed says it is archived and offers no post form.
    await page.goto(tenantUrl(slug, "/beheer/uitnodigingen"));
    expect(await page.getByLabel("Buurt", { exact: true }).locator("option").allTextContents()).toEqual([]);
    await page.goto(tenantUrl(slug, "/buurt/oude-haven"));
    await page.getByText("Deze buurt is gearchiveerd.").waitFor();
    expect(await page.getByText("Schrijf een bericht").count()).toBe(0);
    // The letter's code now says clearly that the neighbourhood no longer takes part.
    const visitor = await newPage(browser, { javaScriptEnabled: false });
    await visitor.page.goto(tenantUrl(slug, `/doe-mee/${code}`));
    await visitor.page.getByRole("heading", { level: 1, name: "Deze buurt doet niet meer mee" }).waitFor();
    await visitor.context.close();

    await page.goto(tenantUrl(slug, "/beheer/buurten"));
    await page.getByRole("button", { name: "Weer laten meedoen" }).click();
    await page.getByRole("status").filter({ hasText: "De buurt Oude Haven doet weer mee." }).waitFor();
    await context.close();
  });
});
