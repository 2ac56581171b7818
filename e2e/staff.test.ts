// A corporation brings in its staff: an admin invites a moderator by e-mail (without JavaScript; the
// accessibility checks, which need JavaScript in the page, run in the second test), the
// moderator logs in through the e-mailed link (read in the dev mailbox) and sees the moderator pages
// but not the admin ones; the admin manages organisations and removes the moderator again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectAccessible, launchBrowser, newPage, tenantUrl } from "./browser.ts";
import { signUpCorporation } from "./operator.ts";

let browser: Browser;
let slug: string;

beforeAll(async () => {
  browser = await launchBrowser();
  slug = await signUpCorporation("staf", "Woonstichting Staf");
});
afterAll(async () => {
  await browser?.close();
});

async function logInAsAdmin(page: Page): Promise<void> {
  await page.goto(tenantUrl(slug, "/inloggen?met=wachtwoord"));
  await page.getByLabel("E-mailadres of inlognaam").fill("beheer@staf.example");
  await page.getByLabel(/^Wachtwoord$/).fill("een-lang-wachtwoord");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("button", { name: "Uitloggen" }).waitFor();
}

describe("bringing in staff", () => {
  it("an admin invites a moderator, who logs in through the e-mailed link and sees the moderator pages", async () => {
    const admin = await newPage(browser, { javaScriptEnabled: false });
    await logInAsAdmin(admin.page);
    await admin.page.goto(tenantUrl(slug, "/buurten"));
    await admin.page.getByRole("link", { name: "Medewerkers", exact: true }).click();
    await admin.page.getByRole("heading", { level: 1, name: "Medewerkers en partners" }).waitFor();

    // A partner needs a partner organisation: the form says so, and keeps what was typed.
    const invite = admin.page.locator("#uitnodigen");
    await invite.getByLabel("E-mailadres").fill("mila@staf.example");
    await invite.getByLabel("Naam", { exact: true }).fill("Mila Moderator");
    await invite.getByLabel(/^Partner:/).check();
    await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await admin.page.locator("#organisationId-error").filter({ hasText: "Kies de partnerorganisatie waar deze partner werkt." }).waitFor();
    expect(await invite.getByLabel("E-mailadres").inputValue()).toBe("mila@staf.example");

    await invite.getByLabel(/^Moderator:/).check();
    await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await admin.page.getByRole("status").filter({ hasText: "Mila Moderator is uitgenodigd." }).waitFor();
    const moderators = admin.page.locator("section").filter({ has: admin.page.getByRole("heading", { level: 2, name: "Moderatoren" }) });
    await moderators.getByRole("rowheader", { name: "Mila Moderator" }).waitFor();

    // The moderator, on a phone, reads the invitation in the dev mailbox and logs in with its link.
    const moderator = await newPage(browser);
    await moderator.page.setViewportSize({ width: 390, height: 844 });
    await moderator.page.goto(tenantUrl(slug, "/dev/mail"));
    const mail = moderator.page.locator(".dev-mail details").filter({ hasText: "mila@staf.example" }).first();
    await mail.locator("summary").click();
    expect(await mail.textContent()).toContain("Beheer heeft je uitgenodigd als moderator op Buurtplein Woonstichting Staf.");
    await mail.getByRole("link", { name: /\/inloggen\/link\?token=/ }).click();
    await moderator.page.waitForURL(/\/inloggen\/link\?token=/);
    await moderator.page.getByRole("button", { name: "Inloggen" }).click();
    await moderator.page.getByRole("button", { name: "Uitloggen" }).waitFor();

    for (const [path, heading] of [
      ["/beheer/leden", "Leden"],
      ["/beheer/uitnodigingen", "Uitnodigingen"],
    ] as const) {
      await moderator.page.goto(tenantUrl(slug, path));
      await moderator.page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
    }
    await expectAccessible(moderator.page);
    await moderator.page.goto(tenantUrl(slug, "/buurten"));
    expect(await moderator.page.getByRole("link", { name: "Medewerkers", exact: true }).count()).toBe(0);
    const refused = await moderator.page.goto(tenantUrl(slug, "/beheer/medewerkers"));
    expect(refused?.status()).toBe(403);

    // The admin removes the moderator again, after a confirmation step.
    await admin.page.goto(tenantUrl(slug, "/beheer/medewerkers"));
    await admin.page.getByRole("link", { name: "Mila Moderator weghalen" }).click();
    await admin.page.getByRole("heading", { level: 2, name: "Mila Moderator weghalen" }).waitFor();
    await admin.page.getByRole("button", { name: "Ja, definitief weghalen" }).click();
    await admin.page.getByRole("status").filter({ hasText: "De medewerker is weggehaald." }).waitFor();
    expect(await admin.page.getByRole("rowheader", { name: "Mila Moderator" }).count()).toBe(0);
    await moderator.page.goto(tenantUrl(slug, "/beheer/leden"));
    await moderator.page.waitForURL(/\/inloggen/);
    await admin.context.close();
    await moderator.context.close();
  });

  it("an admin creates a care organisation, invites a care partner for it, and cannot remove it while it has accounts", async () => {
    const admin = await newPage(browser, { locale: "en-GB" });
    await logInAsAdmin(admin.page);
    await admin.page.goto(tenantUrl(slug, "/taal?lang=en&terug=/beheer/organisaties"));
    await admin.page.getByRole("heading", { level: 1, name: "Partner and care organisations" }).waitFor();
    const form = admin.page.locator("#nieuw");
    await form.getByLabel("Name").fill("Wijkteam Staf");
    await form.getByLabel("Care organisation").check();
    // An address the browser takes but the API does not: the form says why.
    await form.getByLabel("Website (optional)").fill("ftp://wijkteam.example.org");
    await form.getByRole("button", { name: "Create the organisation" }).click();
    await admin.page.locator("#website-error").filter({ hasText: "Fill in a web address that starts with https://, or leave it empty." }).waitFor();
    await expectAccessible(admin.page);
    await form.getByLabel("Website (optional)").fill("https://wijkteam.example.org");
    await form.getByRole("button", { name: "Create the organisation" }).click();
    await admin.page.getByRole("status").filter({ hasText: "The organisation has been created." }).waitFor();
    await admin.page.getByRole("heading", { level: 3, name: "Wijkteam Staf" }).waitFor();

    await admin.page.goto(tenantUrl(slug, "/beheer/medewerkers"));
    await expectAccessible(admin.page);
    const invite = admin.page.locator("#uitnodigen");
    await invite.getByLabel("E-mail address").fill("zorg@staf.example");
    await invite.getByLabel("Name", { exact: true }).fill("Zoë Zorg");
    await invite.getByLabel(/^Care partner:/).check();
    await invite.getByRole("button", { name: "Send the invitation" }).click();
    await admin.page.locator("#organisationId-error").filter({ hasText: "Choose the care organisation this care partner works for." }).waitFor();
    await expectAccessible(admin.page);
    await invite.getByLabel("Organisation", { exact: true }).selectOption({ label: "Wijkteam Staf" });
    await invite.getByRole("button", { name: "Send the invitation" }).click();
    await admin.page.getByRole("status").filter({ hasText: "Zoë Zorg has been invited." }).waitFor();
    const carePartners = admin.page.locator("section").filter({ has: admin.page.getByRole("heading", { level: 2, name: "Care partners" }) });
    expect(await carePartners.getByRole("row", { name: /Zoë Zorg/ }).textContent()).toContain("Wijkteam Staf");
    await admin.page.getByRole("link", { name: "Remove Zoë Zorg" }).click();
    await admin.page.getByRole("heading", { level: 2, name: "Remove Zoë Zorg" }).waitFor();
    await expectAccessible(admin.page);

    await admin.page.goto(tenantUrl(slug, "/beheer/organisaties"));
    await admin.page.getByRole("link", { name: "Remove Wijkteam Staf" }).click();
    await admin.page.getByRole("alert").filter({ hasText: "1 account still belongs to this organisation." }).waitFor();
    expect(await admin.page.getByRole("button", { name: "Yes, remove" }).count()).toBe(0);
    await expectAccessible(admin.page);
    await admin.context.close();
  });
});
