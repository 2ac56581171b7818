// Photos and search in the browser: a neighbour without JavaScript posts with a photo from the plain
// file field and sees it in the feed and on the post's page (served without its location data); search
// from the header finds it with and without accents, matches marked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { containsLocation, jpegWithLocation } from "../packages/core/src/files/sample-images.ts";
import { expectAccessible, launchBrowser, logIn, newPage, tenantUrl } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("photos and search", () => {
  it("posts with a photo without JavaScript, shows it without EXIF, and finds the post with and without accents", async () => {
    const { page } = await newPage(browser, { javaScriptEnabled: false });
    page.setDefaultTimeout(10_000);
    await logIn(page, "delinde", "joop@delinde.example");
    await page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    const word = `fotozoek${Date.now().toString(36)}`;
    const title = `Koffie in het café ${word}`;
    await page.getByText("Schrijf een bericht", { exact: true }).click();
    await page.getByLabel("Titel (mag leeg blijven)").fill(title);
    await page.getByLabel("Bericht", { exact: true }).fill("Zaterdag om tien uur, iedereen is welkom.");
    await page.getByLabel("Foto (mag ook leeg blijven)").setInputFiles({ name: "plein.jpg", mimeType: "image/jpeg", buffer: Buffer.from(jpegWithLocation()) });
    await page.getByLabel("Wat staat er op de foto?").fill("Het plein met de nieuwe bankjes");
    await page.getByRole("button", { name: "Plaatsen" }).click();
    await page.getByRole("status").filter({ hasText: "Je bericht staat in de buurt." }).waitFor();

    const article = page.locator("article", { has: page.getByRole("link", { name: title }) });
    const image = article.getByRole("img", { name: "Het plein met de nieuwe bankjes" });
    const src = await image.getAttribute("src");
    expect(src).toMatch(/^\/api\/photos\/[\w-]+$/);
    const feedUrl = page.url();
    // The browser asks for the photo as the page does (with the session): the JPEG, without its location.
    const served = (await page.goto(tenantUrl("delinde", src!)))!;
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/jpeg");
    expect(containsLocation(new Uint8Array(await served.body()))).toBe(false);
    await page.goto(feedUrl);

    await article.getByRole("link", { name: title }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("img", { name: "Het plein met de nieuwe bankjes" }).waitFor();
    const postUrl = page.url();

    // Search from the header: without the accent, then with it.
    for (const query of [`cafe ${word}`, `café ${word}`]) {
      await page.getByRole("link", { name: "Zoeken" }).click();
      await page.getByLabel("Zoek in berichten en reacties").fill(query);
      await page.getByRole("button", { name: "Zoek", exact: true }).click();
      await page.getByRole("heading", { name: `1 resultaat voor ‘${query}’` }).waitFor();
      const result = page.locator(".search-results li");
      expect(await result.locator("mark").allTextContents()).toContain(word);
      await result.getByRole("link", { name: title }).waitFor();
    }
    await page.getByRole("link", { name: title }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();

    // The post page with its photo and the search page pass axe (axe needs JavaScript).
    const checker = await newPage(browser);
    await logIn(checker.page, "delinde", "joop@delinde.example");
    await checker.page.goto(postUrl);
    await checker.page.getByRole("img", { name: "Het plein met de nieuwe bankjes" }).waitFor();
    await expectAccessible(checker.page);
    await checker.page.goto(tenantUrl("delinde", `/zoeken?q=${encodeURIComponent(`cafe ${word}`)}`));
    await checker.page.getByRole("heading", { name: `1 resultaat voor ‘cafe ${word}’` }).waitFor();
    await expectAccessible(checker.page);
    await checker.context.close();
  });
});
