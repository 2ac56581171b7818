// Browser journeys of issue 10: a resident organises an activity, a neighbour lands on the waiting list
// and moves up when someone cancels; a partner submits a sponsored activity, an admin approves it, a
// resident sees the "Gesponsord door …" label and the partner sees "< 5" in the reach figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectAccessible, launchBrowser, logIn, newPage, tenantUrl } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A datetime-local value `days` from now at `hour`:00. */
function inDays(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
}

async function fillActivity(page: Page, title: string, capacity?: number) {
  await page.getByLabel("Naam van de activiteit").fill(title);
  await page.getByLabel("Beschrijving").fill("Samen iets leuks doen in de buurt.");
  await page.getByLabel("Plaats", { exact: true }).fill("Lindenplein");
  await page.getByLabel("Begint").fill(inDays(10, 14));
  await page.getByLabel("Eindigt").fill(inDays(10, 16));
  if (capacity !== undefined) await page.getByLabel("Aantal plaatsen (mag leeg blijven)").fill(String(capacity));
}

describe("a resident's activity with a waiting list", () => {
  it("is created, fills up, and the neighbour on the waiting list moves up when someone says not going", async () => {
    const title = `Taart proeven ${Date.now()}`;
    const organiser = await newPage(browser, { javaScriptEnabled: false });
    await logIn(organiser.page, "delinde", "joop@delinde.example");
    await organiser.page.goto(tenantUrl("delinde", "/buurt/lindenhof/activiteiten"));
    await organiser.page.getByRole("link", { name: "Nieuwe activiteit" }).click();
    await fillActivity(organiser.page, title, 1);
    await organiser.page.getByRole("button", { name: "Activiteit plaatsen" }).click();
    await organiser.page.getByRole("heading", { level: 1, name: title }).waitFor();
    const activityUrl = organiser.page.url();
    expect(activityUrl).toMatch(/\/activiteit\/[0-9a-f-]{36}$/);

    // Mohamed takes the only place (with JavaScript), Anna (without) lands on the waiting list.
    const first = await newPage(browser);
    await logIn(first.page, "delinde", "mohamed@delinde.example");
    await first.page.goto(activityUrl);
    await expectAccessible(first.page);
    await first.page.getByRole("button", { name: "Ik ga", exact: true }).click();
    await first.page.getByText("Jouw antwoord: ik ga", { exact: true }).waitFor();

    const second = await newPage(browser, { javaScriptEnabled: false });
    await logIn(second.page, "delinde", "anna@delinde.example");
    await second.page.goto(activityUrl);
    await second.page.getByRole("button", { name: "Ik ga", exact: true }).click();
    await second.page.getByText("Je staat op de wachtlijst.", { exact: false }).first().waitFor();

    // The organiser sees who is going and who waits.
    await organiser.page.goto(`${activityUrl}/deelnemers`);
    expect(await organiser.page.locator(".attendee-going").textContent()).toContain("Mohamed El Amrani");
    expect(await organiser.page.locator(".attendee-waitlist").textContent()).toContain("Anna de Vries");

    // Mohamed cannot come after all: Anna moves up.
    await first.page.getByRole("button", { name: "Ik ga niet", exact: true }).click();
    await first.page.getByText("Jouw antwoord: ik ga niet", { exact: true }).waitFor();
    await second.page.goto(activityUrl);
    await second.page.getByText("Jouw antwoord: ik ga", { exact: true }).waitFor();
    expect(await second.page.locator("main").textContent()).not.toContain("Je staat op de wachtlijst");

    // The activity is in the feed as an activity, and its calendar file is valid iCalendar.
    await second.page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    expect(await second.page.locator(".feed-activities").textContent()).toContain(title);
    const icsPath = `${new URL(activityUrl).pathname.replace("/activiteit/", "/api/activities/")}/ics`;
    const ics = await first.page.evaluate(async (path) => {
      const response = await fetch(path);
      return { type: response.headers.get("content-type"), text: await response.text() };
    }, icsPath);
    expect(ics.type).toContain("text/calendar");
    expect(ics.text).toContain("BEGIN:VTIMEZONE");

    for (const session of [organiser, first, second]) await session.context.close();
  });
});

describe("a sponsored activity", () => {
  it("goes from the partner through the admin's approval to residents, labelled, and the partner sees < 5", async () => {
    const title = `Taalcafé extra ${Date.now()}`;
    const partner = await newPage(browser);
    await logIn(partner.page, "delinde", "karin@delinde.example");
    await partner.page.goto(tenantUrl("delinde", "/partner"));
    await partner.page.getByRole("heading", { level: 1, name: "Partnerwerkplek" }).waitFor();
    await expectAccessible(partner.page);
    await partner.page.getByRole("link", { name: "Nieuwe gesponsorde activiteit" }).click();
    await fillActivity(partner.page, title);
    await partner.page.getByRole("button", { name: "Insturen ter beoordeling" }).click();
    await partner.page.waitForURL(tenantUrl("delinde", "/partner"));
    const card = partner.page.locator("li.card").filter({ hasText: title });
    expect(await card.textContent()).toContain("Wacht op beoordeling");

    const admin = await newPage(browser, { javaScriptEnabled: false });
    await logIn(admin.page, "delinde", "beheer@delinde.example");
    await admin.page.goto(tenantUrl("delinde", "/beheer/activiteiten"));
    await admin.page.locator("li.card").filter({ hasText: title }).getByRole("button", { name: "Goedkeuren" }).click();
    await admin.page.getByText("Goedgekeurd en gepubliceerd.").waitFor();

    const resident = await newPage(browser);
    await logIn(resident.page, "delinde", "anna@delinde.example");
    await resident.page.goto(tenantUrl("delinde", "/buurt/lindenhof/activiteiten"));
    const item = resident.page.locator("article.activity").filter({ hasText: title });
    await item.getByText("Gesponsord door Buurthuis De Boog").waitFor();
    await expectAccessible(resident.page);

    await partner.page.goto(tenantUrl("delinde", "/partner"));
    await partner.page.locator("li.card").filter({ hasText: title }).getByRole("link", { name: "Bereik" }).click();
    await partner.page.getByRole("heading", { level: 1, name: `Bereik: ${title}` }).waitFor();
    const table = await partner.page.locator(".reach-table").textContent();
    expect(table).toContain("< 5");
    expect(table).not.toContain("Anna");
    await expectAccessible(partner.page);

    for (const session of [partner, admin, resident]) await session.context.close();
  });
});

describe("editing and cancelling", () => {
  it("lets the organiser change and then cancel an activity with a message (confirmed), shown in Dutch and English", async () => {
    const title = `Spelletjesavond ${Date.now()}`;
    const organiser = await newPage(browser, { javaScriptEnabled: false });
    await logIn(organiser.page, "delinde", "joop@delinde.example");
    await organiser.page.goto(tenantUrl("delinde", "/buurt/lindenhof/activiteiten/nieuw"));
    await fillActivity(organiser.page, title);
    await organiser.page.getByRole("button", { name: "Activiteit plaatsen" }).click();
    await organiser.page.getByRole("heading", { level: 1, name: title }).waitFor();
    const activityUrl = organiser.page.url();

    await organiser.page.getByRole("link", { name: "Bewerken" }).click();
    expect(await organiser.page.getByLabel("Naam van de activiteit").inputValue()).toBe(title);
    await organiser.page.getByLabel("Plaats", { exact: true }).fill("Buurthuis De Boog");
    await organiser.page.getByRole("button", { name: "Opslaan" }).click();
    await organiser.page.waitForURL(activityUrl);
    expect(await organiser.page.locator(".activity-facts").textContent()).toContain("Buurthuis De Boog");

    await organiser.page.getByRole("link", { name: "Afgelasten" }).click();
    await organiser.page.getByLabel("Bericht aan de deelnemers").fill("Helaas, de zaal is niet vrij.");
    // Without the tick box nothing happens (the browser's own check is taken away to reach the server's).
    await organiser.page.locator('input[name="confirm"]').evaluate((element) => element.removeAttribute("required")).catch(() => undefined);
    await organiser.page.getByRole("button", { name: "Activiteit afgelasten" }).click();
    await organiser.page.getByText("Vink aan dat je de activiteit wilt afgelasten.").waitFor();
    await organiser.page.getByLabel(/Ja, ik wil deze activiteit afgelasten/).check();
    await organiser.page.getByRole("button", { name: "Activiteit afgelasten" }).click();
    await organiser.page.waitForURL(activityUrl);
    await organiser.page.getByText("Deze activiteit is afgelast.").waitFor();
    expect(await organiser.page.locator("main").textContent()).toContain("Helaas, de zaal is niet vrij.");

    const english = await newPage(browser);
    await logIn(english.page, "delinde", "mohamed@delinde.example");
    await english.page.goto(tenantUrl("delinde", `/taal?lang=en&terug=${encodeURIComponent(new URL(activityUrl).pathname)}`));
    await english.page.waitForURL(activityUrl);
    await english.page.getByText("This activity has been cancelled.").waitFor();
    await expectAccessible(english.page);

    for (const session of [organiser, english]) await session.context.close();
  });
});
