// Early warning in the browser (decision 027): a resident raises a concern (the form says it is no
// emergency service), the wijkteam finds it in its inbox, acknowledges it, writes an internal note and
// resolves it; the resident sees only the broad status; the corporation's page shows counts only.
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

describe("a concern from a resident to the wijkteam", () => {
  it("is raised, handled by the wijkteam, and shows the resident only its broad status", async () => {
    const marker = `De post stapelt zich op bij nummer ${crypto.randomUUID().slice(0, 6)}.`;
    const resident = await newPage(browser);
    await logIn(resident.page, "delinde", "mohamed@delinde.example");
    await resident.page.goto(tenantUrl("delinde", "/buurten"));
    await resident.page.getByRole("link", { name: "Ik maak me zorgen om een buurtgenoot" }).click();
    await resident.page.getByRole("heading", { name: "Ik maak me zorgen" }).waitFor();
    expect(await resident.page.getByRole("note").textContent()).toContain("112");
    await expectAccessible(resident.page);
    await resident.page.getByLabel("Waar maak je je zorgen over?").selectOption("loneliness");
    await resident.page.getByLabel("De post stapelt zich op").check();
    await resident.page.getByLabel("Vertel wat je hebt gezien of gehoord").fill(marker);
    await resident.page.getByRole("button", { name: "Melding versturen" }).click();
    await resident.page.getByRole("heading", { name: "Dank je wel voor je melding" }).waitFor();
    expect(new URL(resident.page.url()).pathname).toBe("/mijn-zorgen");
    expect(await resident.page.locator("main").textContent()).toContain("Ontvangen");

    const care = await newPage(browser);
    await logIn(care.page, "delinde", "wijkteam@delinde.example");
    await care.page.goto(tenantUrl("delinde", "/zorg"));
    await care.page.getByRole("heading", { name: "Zorgmeldingen" }).waitFor();
    expect(await care.page.locator("main").textContent()).not.toContain(marker);
    await expectAccessible(care.page);
    await care.page.getByRole("link", { name: "Eenzaamheid" }).first().click();
    await care.page.getByText(marker).waitFor();
    expect(await care.page.getByTestId("signal-status").textContent()).toBe("Nieuw");
    await expectAccessible(care.page);
    await care.page.getByRole("button", { name: "Gezien: wij pakken het op" }).click();
    await care.page.waitForFunction(() => document.querySelector("[data-testid=signal-status]")?.textContent === "Gezien");
    await care.page.getByLabel("Notitie toevoegen").fill("Huisbezoek gepland voor donderdag.");
    await care.page.getByRole("button", { name: "Notitie toevoegen" }).click();
    await care.page.getByText("Huisbezoek gepland voor donderdag.").waitFor();

    await resident.page.goto(tenantUrl("delinde", "/mijn-zorgen"));
    const mine = (await resident.page.locator("main").textContent()) ?? "";
    expect(mine).toContain("In behandeling");
    expect(mine).not.toContain("Huisbezoek");

    await care.page.getByRole("button", { name: "Opgelost" }).click();
    await care.page.waitForFunction(() => document.querySelector("[data-testid=signal-status]")?.textContent === "Opgelost");
    await resident.page.goto(tenantUrl("delinde", "/mijn-zorgen"));
    expect(await resident.page.locator("main li").first().textContent()).toContain("Afgerond");

    const admin = await newPage(browser);
    await logIn(admin.page, "delinde", "beheer@delinde.example");
    await admin.page.goto(tenantUrl("delinde", "/beheer/zorgmeldingen"));
    await admin.page.getByRole("heading", { name: "Zorgmeldingen in cijfers" }).waitFor();
    const figures = (await admin.page.locator("main").textContent()) ?? "";
    expect(figures).toContain("Lindenhof");
    expect(figures).not.toContain(marker);
    expect(figures).not.toContain("Huisbezoek");
    await expectAccessible(admin.page);
    for (const session of [resident, care, admin]) await session.context.close();
  });

  it("shows the routing rules to the admin and the access log to the privacy officer, without content", async () => {
    const admin = await newPage(browser);
    await logIn(admin.page, "delinde", "beheer@delinde.example");
    await admin.page.goto(tenantUrl("delinde", "/beheer/zorgmeldingen/regels"));
    await admin.page.getByRole("heading", { name: "Verdeling van zorgmeldingen" }).waitFor();
    expect(await admin.page.locator("main").textContent()).toContain("Lindenhof → Wijkteam Amersfoort-Noord");
    await expectAccessible(admin.page);
    await admin.context.close();

    const privacy = await newPage(browser);
    await logIn(privacy.page, "delinde", "privacy@delinde.example");
    await privacy.page.goto(tenantUrl("delinde", "/beheer/zorgmeldingen/logboek"));
    await privacy.page.getByRole("heading", { name: "Inzagelogboek zorgmeldingen" }).waitFor();
    const log = (await privacy.page.locator("main").textContent()) ?? "";
    expect(log).toContain("Wijkteam Amersfoort-Noord");
    expect(log).not.toContain("De post stapelt zich op");
    await expectAccessible(privacy.page);
    await privacy.context.close();
  });
});
