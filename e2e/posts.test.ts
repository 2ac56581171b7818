// A post's life in the browser: post, open its page, edit ("bewerkt"), mark solved, a neighbour
// reacts and replies (without JavaScript), delete with confirmation; the safety form; what staff see;
// and the feed page still costs two database round trips with counts and pinned posts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible, launchBrowser, logIn, newPage, tenantUrl } from "./browser.ts";
import { send, sessionCookie } from "./raw-http.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a post, its replies and reactions", () => {
  it("posts, edits, marks solved, gets a reaction and a reply, and is deleted after confirming", async () => {
    const author = await newPage(browser);
    const { page } = author;
    await logIn(page, "delinde", "mohamed@delinde.example");
    await page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    // The feed shows the pinned announcement above, with counts and reaction buttons.
    await page.getByRole("heading", { name: "Vastgezet door de corporatie" }).waitFor();
    await expectAccessible(page);

    const title = `Wie leent mij een ladder? ${Date.now()}`;
    await page.getByText("Schrijf een bericht", { exact: true }).click();
    await page.getByLabel("Soort bericht").selectOption("help_request");
    await page.getByLabel("Titel (mag leeg blijven)").fill(title);
    await page.getByLabel("Bericht", { exact: true }).fill("Voor het schilderen van de schuur, zaterdag.");
    await page.getByRole("button", { name: "Plaatsen" }).click();
    await page.getByRole("link", { name: title }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const permalink = page.url();
    expect(permalink).toMatch(/\/buurt\/lindenhof\/berichten\/[\w-]+$/);
    await expectAccessible(page);

    // Edit: the post says "bewerkt".
    await page.getByRole("link", { name: "Bewerken" }).click();
    await page.getByRole("heading", { level: 1, name: "Bericht bewerken" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Bericht", { exact: true }).fill("Voor het schilderen van de schuur, zaterdagochtend.");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByRole("status").filter({ hasText: "Opgeslagen." }).waitFor();
    expect(await page.locator("article").textContent()).toContain("bewerkt");
    expect(await page.locator("article").textContent()).toContain("zaterdagochtend");

    // Solved.
    await page.getByRole("button", { name: "Markeer als opgelost" }).click();
    await page.getByRole("button", { name: "Toch niet opgelost" }).waitFor();
    expect(await page.locator("article .badge.solved").textContent()).toBe("Opgelost");

    // A neighbour without JavaScript: a heart and a reply.
    const neighbour = await newPage(browser, { javaScriptEnabled: false });
    await logIn(neighbour.page, "delinde", "anna@delinde.example");
    await neighbour.page.goto(permalink);
    await neighbour.page.getByRole("button", { name: "Hartje: 0" }).click();
    await neighbour.page.getByRole("button", { name: "Hartje: 1" }).waitFor();
    expect(await neighbour.page.getByRole("button", { name: "Hartje: 1" }).getAttribute("aria-pressed")).toBe("true");
    await neighbour.page.getByLabel("Jouw reactie").fill("Ik heb er een, kom maar halen.");
    await neighbour.page.getByRole("button", { name: "Reactie plaatsen" }).click();
    await neighbour.page.getByRole("status").filter({ hasText: "Je reactie staat erbij." }).waitFor();
    expect(await neighbour.page.locator(".reply-list").textContent()).toContain("Ik heb er een, kom maar halen.");
    await neighbour.context.close();

    // The author sees the count in the feed, and the reply on the page (no names with the heart).
    await page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    const item = page.locator(".posts li").filter({ hasText: title });
    expect(await item.getByRole("link", { name: "1 reactie" }).count()).toBe(1);
    await item.getByRole("button", { name: "Hartje: 1" }).waitFor();
    // Reacting from the feed comes back to the feed, at the post.
    await item.getByRole("button", { name: "Bedankt: 0" }).click();
    await page.waitForURL(/\/buurt\/lindenhof#bericht-/);
    expect(await page.locator(".posts li").filter({ hasText: title }).getByRole("button", { name: "Bedankt: 1" }).getAttribute("aria-pressed")).toBe("true");
    await page.goto(permalink);
    expect(await page.locator(".reply-list").textContent()).toContain("Anna de Vries");
    await expectAccessible(page);
    // The same page in English.
    await page.getByRole("link", { name: "English" }).click();
    await page.getByRole("heading", { level: 2, name: "Replies" }).waitFor();
    await page.getByRole("button", { name: "Not solved after all" }).waitFor();
    await page.getByRole("link", { name: "Nederlands" }).click();
    await page.getByRole("heading", { level: 2, name: "Reacties" }).waitFor();

    // Delete: asked first, then gone.
    await page.getByText("Verwijderen", { exact: true }).click();
    await page.getByText("Weet je het zeker?").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ja, verwijder mijn bericht" }).click();
    await page.getByRole("status").filter({ hasText: "Je bericht is verwijderd." }).waitFor();
    expect(await page.locator("main").textContent()).not.toContain(title);
    expect((await page.goto(permalink))?.status()).toBe(404);
    await author.context.close();
  });

  it("reports something about safety with the structured form, which explains why", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "mohamed@delinde.example");
    await page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    await page.getByRole("link", { name: /veiligheidsformulier/ }).click();
    await page.getByRole("heading", { level: 1, name: "Iets over veiligheid melden" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("niet naar hoe iemand eruitziet of waar iemand vandaan komt");
    await expectAccessible(page);
    await page.getByLabel("Wat is er gebeurd?").fill("Iemand probeerde fietsen los te knippen.");
    await page.getByLabel("Waar?").fill("Fietsenstalling Lindenplein");
    await page.getByLabel("Wanneer (ongeveer)?").fill("2026-11-30T21:30");
    await page.getByLabel("Wat deed iemand?").fill("Knipte aan sloten en liep weg toen er iemand aankwam.");
    await page.getByRole("button", { name: "Melding plaatsen" }).click();
    await page.getByRole("heading", { level: 1, name: "Veiligheid" }).waitFor();
    const text = await page.locator("article").textContent();
    expect(text).toContain("Fietsenstalling Lindenplein");
    expect(text).toContain("Knipte aan sloten");
    await expectAccessible(page);
    await context.close();
  });

  it("shows staff only shared posts, without reaction buttons", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "sanne@delinde.example");
    await page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    await page.getByRole("heading", { name: "Vastgezet door de corporatie" }).waitFor();
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Burendag zaterdag 26 september");
    expect(main).not.toContain("Wie kent een goede fietsenmaker?");
    expect(await page.locator("form.reactions").count()).toBe(0);
    await expectAccessible(page);
    // A shared safety report's page: counts without buttons, only shared replies, a reply form.
    await page.getByRole("link", { name: "Autodeuren geprobeerd" }).click();
    await page.getByText("Je ziet alleen reacties die bewoners met de corporatie delen.").waitFor();
    await page.getByLabel("Jouw reactie").waitFor();
    expect(await page.locator("form.reactions").count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it("keeps the feed page at two database round trips with counts and pinned posts", async () => {
    const cookie = await sessionCookie("delinde", "anna@delinde.example");
    const log = join(inject("dataDir"), "libsql-server.log");
    const count = () => readFileSync(log, "utf8").split("\n").filter((line) => line.includes(" db=")).length;
    const view = () => send("delinde.localhost", "/buurt/lindenhof", { headers: { cookie } });
    expect((await view()).status).toBe(200); // the tenant is cached in the isolate from here on
    const before = count();
    const answer = await view();
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("Vastgezet door de corporatie");
    expect(count() - before).toBe(2);
  });
});
