// Moderation in the browser (the neighbour without JavaScript; axe runs where JavaScript does): the kindness prompt asks before posting and lets the
// author post anyway; a neighbour reports the post; a moderator hides it from the queue with a reason;
// the author sees the reason on the post and appeals once; the neighbourhood's public record counts it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible, launchBrowser, logIn, newPage, tenantUrl } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("moderation", () => {
  it("report → moderator hides → author sees the reason and appeals", async () => {
    const author = await newPage(browser);
    author.page.setDefaultTimeout(10_000);
    await logIn(author.page, "delinde", "joop@delinde.example");
    await author.page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    const title = `Herrie op de galerij ${Date.now()}`;
    await author.page.getByText("Schrijf een bericht", { exact: true }).click();
    await author.page.getByLabel("Titel (mag leeg blijven)").fill(title);
    await author.page.getByLabel("Bericht", { exact: true }).fill("Die buurman van 12 is een idioot.");
    await author.page.getByRole("button", { name: "Plaatsen" }).click();
    // The kindness prompt: asked to rephrase, may post anyway.
    await author.page.getByRole("heading", { name: "Wil je het anders zeggen?" }).waitFor();
    expect(await author.page.locator(".kindness-prompt").textContent()).toContain("idioot");
    await author.page.getByRole("button", { name: "Toch plaatsen" }).click();
    await author.page.getByRole("link", { name: title }).click();
    await author.page.getByRole("heading", { level: 1, name: title }).waitFor();
    const permalink = author.page.url();

    // A neighbour reports it with a house rule.
    const neighbour = await newPage(browser, { javaScriptEnabled: false });
    neighbour.page.setDefaultTimeout(10_000);
    await logIn(neighbour.page, "delinde", "anna@delinde.example");
    await neighbour.page.goto(permalink);
    await neighbour.page.getByText("Bericht melden", { exact: true }).click();
    await neighbour.page.getByLabel("Waarom meld je dit?").fill("Hij scheldt een buurman uit.");
    await neighbour.page.getByLabel("Welke huisregel breekt het? (niet verplicht)").selectOption("2");
    await neighbour.page.getByRole("button", { name: "Melding versturen" }).click();
    await neighbour.page.getByRole("status").filter({ hasText: "We hebben je melding ontvangen" }).waitFor();

    // The moderator hides it from the queue, with a reason in plain words.
    const moderator = await newPage(browser);
    moderator.page.setDefaultTimeout(10_000);
    await logIn(moderator.page, "delinde", "sanne@delinde.example");
    await moderator.page.goto(tenantUrl("delinde", "/beheer/moderatie"));
    await moderator.page.getByRole("heading", { level: 1, name: "Moderatie" }).waitFor();
    await expectAccessible(moderator.page);
    const item = moderator.page.locator(".queue-item").filter({ hasText: title });
    expect(await item.textContent()).toContain("Hij scheldt een buurman uit.");
    await item.getByLabel("Reden voor de schrijver").fill("Je scheldt een buurman uit. Schrijf over de herrie zelf, niet over de persoon.");
    await item.getByLabel("Huisregel").selectOption("2");
    await item.getByRole("button", { name: "Verbergen" }).click();
    await moderator.page.getByRole("status").filter({ hasText: "Het besluit is opgeslagen" }).waitFor();

    // Gone for the neighbour: the post page answers "not found", the feed no longer lists it.
    const gone = await neighbour.page.goto(permalink);
    expect(gone?.status()).toBe(404);
    await neighbour.page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    expect(await neighbour.page.locator(".posts").textContent()).not.toContain(title);

    // The author sees the post with the reason, and appeals once.
    await author.page.goto(permalink);
    const notice = author.page.locator(".hidden-notice");
    expect(await notice.textContent()).toContain("Schrijf over de herrie zelf, niet over de persoon.");
    await expectAccessible(author.page);
    await notice.getByRole("link", { name: "Bekijk het besluit en maak bezwaar" }).click();
    await author.page.getByRole("heading", { level: 1, name: "Besluiten over mij" }).waitFor();
    await expectAccessible(author.page);
    const decision = author.page.locator(".decision").filter({ hasText: "Schrijf over de herrie zelf" }).first();
    await decision.getByLabel("Waarom ben je het er niet mee eens?").fill("Ik was boos, maar het klopt wel dat hij elke nacht herrie maakt.");
    await decision.getByRole("button", { name: "Bezwaar versturen" }).click();
    await author.page.getByRole("status").filter({ hasText: "Je bezwaar is verstuurd." }).waitFor();
    const after = author.page.locator(".decision").filter({ hasText: "Schrijf over de herrie zelf" }).first();
    expect(await after.textContent()).toContain("Je hebt bezwaar gemaakt.");
    expect(await after.getByRole("button", { name: "Bezwaar versturen" }).count()).toBe(0);

    // The public record counts it, without names.
    await neighbour.page.goto(tenantUrl("delinde", "/buurt/lindenhof/moderatie"));
    await neighbour.page.getByRole("heading", { level: 1, name: "Moderatie in deze buurt" }).waitFor();
    const record = (await neighbour.page.locator(".moderation-record").textContent()) ?? "";
    expect(record).toContain("Huisregel 2");
    expect(record).not.toContain("Joop");
    await author.page.goto(tenantUrl("delinde", "/buurt/lindenhof/moderatie"));
    await expectAccessible(author.page);

    for (const context of [author.context, neighbour.context, moderator.context]) await context.close();
  });
});
