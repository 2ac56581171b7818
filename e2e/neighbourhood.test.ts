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

describe("a resident in the neighbourhood", () => {
  it("logs in and reads the feed of their neighbourhood in the corporation's branding", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(tenantUrl("delinde"));
    await expectAccessible(page);
    await logIn(page, "delinde", "anna@delinde.example");
    await page.waitForURL(tenantUrl("delinde", "/buurt/lindenhof"));
    await page.getByRole("heading", { level: 1, name: "Lindenhof", exact: true }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Wie kent een goede fietsenmaker?");
    expect(await page.locator("footer").textContent()).toContain("Bakkerij Van Dam");
    await expectAccessible(page);
    await context.close();
  });

  it("posts a message without JavaScript (the form posts, the page renders)", async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, "delinde", "joop@delinde.example");
    const text = `Zonder JavaScript geplaatst ${Date.now()}`;
    // The form is folded behind one button (<details>), which opens without JavaScript too.
    await page.getByText("Schrijf een bericht", { exact: true }).click();
    await page.getByLabel("Bericht", { exact: true }).fill(text);
    await page.getByRole("button", { name: "Plaatsen" }).click();
    await page.getByRole("status").filter({ hasText: "Je bericht staat in de buurt." }).waitFor();
    await page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    expect(await page.locator(".posts li").first().textContent()).toContain(text);
    await context.close();
  });

  it("posts a message with JavaScript and sees it on top", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "havenstad", "pieter@havenstad.example");
    const text = `Met JavaScript geplaatst ${Date.now()}`;
    await page.getByText("Schrijf een bericht", { exact: true }).click();
    await page.getByLabel("Soort bericht").selectOption("question");
    await page.getByLabel("Bericht", { exact: true }).fill(text);
    await page.getByRole("button", { name: "Plaatsen" }).click();
    await page.locator(".posts li").first().filter({ hasText: text }).waitFor();
    expect(await page.getByLabel("Bericht", { exact: true }).inputValue()).toBe("");
    await context.close();
  });

  it("says calmly how long to wait after too many posts, and keeps what was typed", async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    // Fatima posts in no other browser test (another test's "log out everywhere" would end this session).
    await logIn(page, "havenstad", "fatima@havenstad.example");
    await page.goto(tenantUrl("havenstad", "/buurt/kadekwartier"));
    // Five posts in ten minutes are fine; post until the limit answers (eleven at most: at most two windows).
    for (let i = 0; i < 11; i++) {
      await page.getByText("Schrijf een bericht", { exact: true }).click();
      await page.getByLabel("Bericht", { exact: true }).fill(`Bericht nummer ${i}`);
      await page.getByRole("button", { name: "Plaatsen" }).click();
      await page.getByText(/Je bericht staat in de buurt\.|Je hebt veel berichten kort na elkaar geplaatst/).first().waitFor();
      if ((await page.getByRole("alert").count()) > 0) break;
    }
    const alert = await page.getByRole("alert").textContent();
    expect(alert).toMatch(/Je hebt veel berichten kort na elkaar geplaatst\. Wacht (een minuut|\d+ minuten)/);
    // (No axe check here: it needs JavaScript in the page; the alert is the form error used everywhere.)
    expect(await page.getByLabel("Bericht", { exact: true }).inputValue()).toMatch(/^Bericht nummer \d+$/);
    await context.close();
  });

  it("shows an empty post as a clear error and keeps the title", async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, "delinde", "anna@delinde.example");
    await page.getByText("Schrijf een bericht", { exact: true }).click();
    await page.getByLabel("Titel (mag leeg blijven)").fill("Mijn titel");
    // Bypass the browser's own "required" check to reach the server's validation.
    await page.locator("#body").evaluate((element) => element.removeAttribute("required")).catch(() => undefined);
    await page.getByRole("button", { name: "Plaatsen" }).click();
    await page.getByRole("alert").waitFor();
    // The page comes back with the form open, so what was typed is still in view.
    expect(await page.getByLabel("Titel (mag leeg blijven)").isVisible()).toBe(true);
    expect(await page.getByLabel("Titel (mag leeg blijven)").inputValue()).toBe("Mijn titel");
    await context.close();
  });

  it("switches to English and back", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "anna@delinde.example");
    await page.getByRole("link", { name: "English" }).click();
    await page.getByText("Write a post", { exact: true }).click();
    await page.getByRole("button", { name: "Post" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Nederlands" }).click();
    await page.getByText("Schrijf een bericht", { exact: true }).click();
    await page.getByRole("button", { name: "Plaatsen" }).waitFor();
    await context.close();
  });

  it("logs out", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "anna@delinde.example");
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.waitForURL(tenantUrl("delinde", "/"));
    await page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    await page.waitForURL(tenantUrl("delinde", "/inloggen"));
    await context.close();
  });
});

describe("partners", () => {
  it("a partner logs in, reads why there is no neighbourhood yet, and cannot open staff or neighbourhood pages", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "karin@delinde.example");
    await page.goto(tenantUrl("delinde", "/buurten"));
    await page.getByText("Je account is er voor je organisatie.").waitFor();
    await expectAccessible(page);
    expect((await page.goto(tenantUrl("delinde", "/buurt/lindenhof")))?.status()).toBe(403);
    expect(await page.locator("main").textContent()).not.toContain("Tuinstoelen te geef");
    expect((await page.goto(tenantUrl("delinde", "/beheer/leden")))?.status()).toBe(403);
    await context.close();
  });
});

describe("tenant isolation in the browser", () => {
  it("shows nothing of De Linde on Havenstad, and nothing of Havenstad on De Linde", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "anna@delinde.example");
    await page.getByRole("heading", { level: 1, name: "Lindenhof", exact: true }).waitFor();

    // The De Linde session is worthless on Havenstad: not logged in there.
    await page.goto(tenantUrl("havenstad", "/buurt/lindenhof"));
    await page.waitForURL(tenantUrl("havenstad", "/inloggen"));
    expect(await page.locator("body").textContent()).not.toContain("De Linde");

    await logIn(page, "havenstad", "pieter@havenstad.example");
    await page.waitForURL(tenantUrl("havenstad", "/buurt/kadekwartier"));
    await page.getByRole("heading", { level: 1, name: "Kadekwartier", exact: true }).waitFor();
    const havenstadPage = (await page.locator("body").textContent()) ?? "";
    for (const foreign of ["Lindenhof", "Woonstichting De Linde", "Anna de Vries", "fietsenmaker", "Bakkerij Van Dam"]) {
      expect(havenstadPage).not.toContain(foreign);
    }
    const response = await page.goto(tenantUrl("havenstad", "/buurt/lindenhof"));
    expect(response?.status()).toBe(404);

    await page.goto(tenantUrl("delinde", "/buurt/lindenhof"));
    await page.getByRole("heading", { level: 1, name: "Lindenhof", exact: true }).waitFor();
    const delindeAgain = (await page.locator("body").textContent()) ?? "";
    for (const foreign of ["Kadekwartier", "Havenstad Wonen", "Pieter Visser", "Sportclub De Haven"]) {
      expect(delindeAgain).not.toContain(foreign);
    }
    await context.close();
  });
});
