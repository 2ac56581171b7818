// Browser journeys of participation (issue 13): a resident answers the liveability pulse and votes in a
// poll without JavaScript; an admin sees the dashboard where every figure of fewer than 5 people is "< 5".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible, launchBrowser, logIn, newPage, tenantUrl } from "./browser.ts";

const PULSE_THEMES = ["safety", "cleanliness", "social_contact", "facilities", "green_and_play", "nuisance", "maintenance"];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("taking part in Lindenhof", () => {
  it("a resident answers the pulse and votes in a poll without JavaScript; the admin sees < 5", async () => {
    const { page } = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, "delinde", "anna@delinde.example");
    await page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    await page.getByRole("link", { name: /Meedoen: peilingen/ }).click();
    await page.getByRole("heading", { level: 1, name: "Meedoen in Lindenhof" }).waitFor();

    await page.getByRole("link", { name: "Wat ziet de corporatie?" }).click();
    await page.getByText("Een cijfer van minder dan 5 mensen laat de corporatie niet zien", { exact: false }).waitFor();
    await page.goBack();
    await page.getByRole("link", { name: "Vul de buurtmeter in" }).click();
    await page.getByRole("heading", { level: 1, name: "Buurtmeter Lindenhof" }).waitFor();
    for (const [index, theme] of PULSE_THEMES.entries()) await page.locator(`input[name="${theme}"][value="${(index % 5) + 1}"]`).check();
    await page.getByLabel("Wil je nog iets kwijt? (mag leeg)").fill("De speeltuin mag wel een likje verf.");
    await page.getByRole("button", { name: "Versturen" }).click();
    await page.getByText("Dank je wel! Je antwoord is opgeslagen.").waitFor();

    await page.getByRole("link", { name: "Terug naar meedoen" }).click();
    await page.getByText("Je hebt de buurtmeter van deze periode ingevuld. Dank je wel!").waitFor();
    const poll = page.locator("li.poll", { hasText: "Waar komt het nieuwe bankje?" });
    await poll.getByLabel("Bij de vijver").check();
    await poll.getByRole("button", { name: "Stem" }).click();
    const voted = page.locator("li.poll", { hasText: "Waar komt het nieuwe bankje?" });
    await voted.getByText("Je hebt gestemd.").waitFor();
    expect(await voted.locator("tr", { hasText: "Bij de vijver" }).textContent()).toContain("1 stemmen");

    const admin = await newPage(browser);
    await logIn(admin.page, "delinde", "beheer@delinde.example");
    await admin.page.goto(tenantUrl("delinde", "/beheer/inzicht/lindenhof"));
    await admin.page.getByRole("heading", { level: 1, name: "Inzicht: Lindenhof" }).waitFor();
    // Three answers this quarter (Joop, Mohamed, Anna): the period's figures and participation are hidden.
    expect(await admin.page.locator('[data-figure="participation"]').textContent()).toBe("< 5");
    const latest = admin.page.locator(".insight-table tbody tr").first();
    expect((await latest.locator("td").allTextContents()).every((cell) => cell === "< 5")).toBe(true);
    expect(await admin.page.getByText("De speeltuin mag wel een likje verf.").count()).toBe(0);
    // The trend chart (two periods) is drawn on the server; hidden periods draw no line.
    expect(await admin.page.locator("figure.trend-chart svg polyline").count()).toBe(0);
    expect(await admin.page.locator("figure.trend-chart svg line").count()).toBe(5);
    await expectAccessible(admin.page);
    const download = admin.page.waitForEvent("download");
    await admin.page.getByRole("link", { name: "Download als CSV" }).click();
    const csv = await (await download).createReadStream();
    let text = "";
    for await (const chunk of csv) text += String(chunk);
    expect(text).toContain("pulse_score");
    expect(text).toContain("< 5");

    // A resident is not let in.
    const refused = await page.goto(tenantUrl("delinde", "/beheer/inzicht/lindenhof"));
    expect(refused?.status()).toBe(403);
  });
});
