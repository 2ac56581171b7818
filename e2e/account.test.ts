import { Agent, request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { DEMO_PASSWORD, expectAccessible, launchBrowser, logIn, newPage, port, tenantUrl } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("logging in without a password", () => {
  it("logs in with a link from the e-mail (read in the dev mailbox)", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(tenantUrl("delinde", "/inloggen"));
    await expectAccessible(page);
    await page.getByLabel("E-mailadres").fill("els@delinde.example");
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await page.getByRole("heading", { level: 1, name: "Kijk in je e-mail", exact: true }).waitFor();
    expect(await page.locator("main").textContent()).toContain("els@delinde.example");
    await expectAccessible(page);

    await page.goto(tenantUrl("delinde", "/dev/mail"));
    await page.getByRole("heading", { level: 1, name: "Dev-mailbox", exact: true }).waitFor();
    await expectAccessible(page);
    const mail = page.locator(".dev-mail details").filter({ hasText: "els@delinde.example" }).first();
    await mail.locator("summary").click();
    await expectAccessible(page);
    await mail.getByRole("link", { name: /\/inloggen\/link\?token=/ }).click();

    await page.waitForURL(/\/inloggen\/link\?token=/);
    const linkUrl = page.url();
    await page.getByText("Druk op de knop om in te loggen bij Woonstichting De Linde.").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("button", { name: "Uitloggen" }).waitFor();
    await page.waitForURL(tenantUrl("delinde", "/buurt/parkzicht"));

    // The link worked once; a second use explains what to do.
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.waitForURL(tenantUrl("delinde", "/"));
    await page.goto(linkUrl);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("alert").filter({ hasText: "verlopen of al gebruikt" }).waitFor();
    await page.getByRole("link", { name: "Nieuwe inloglink aanvragen" }).waitFor();
    await context.close();
  });

  it("shows the dev mailbox only the corporation's own e-mail, and nothing on another corporation", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(tenantUrl("havenstad", "/dev/mail"));
    await page.getByRole("heading", { level: 1, name: "Dev-mailbox", exact: true }).waitFor();
    expect(await page.locator("main").textContent()).not.toContain("els@delinde.example");
    await context.close();
  });

  it("works without JavaScript too", async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(tenantUrl("havenstad", "/inloggen"));
    await page.getByLabel("E-mailadres").fill("kees@havenstad.example");
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await page.getByRole("heading", { level: 1, name: "Kijk in je e-mail", exact: true }).waitFor();
    await page.getByRole("link", { name: "/dev/mail" }).click();
    const mail = page.locator(".dev-mail details").filter({ hasText: "kees@havenstad.example" }).first();
    await mail.locator("summary").click();
    await mail.getByRole("link", { name: /\/inloggen\/link\?token=/ }).click();
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("button", { name: "Uitloggen" }).waitFor();
    await context.close();
  });
});

describe("recovery code and an admin removing a member", () => {
  it("lets a resident without e-mail log in with a recovery code, get a new one from a moderator, and be removed by an admin", async () => {
    // The help desk (an admin) registers a resident without e-mail: a login name and a paper code.
    const admin = await newPage(browser);
    await logIn(admin.page, "delinde", "beheer@delinde.example");
    const { member, recoveryCode } = await admin.page.evaluate(async () => {
      const response = await fetch("/api/members/register", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ neighbourhood: "lindenhof", displayName: "Wim Zonder Mail", consent: true }),
      });
      if (response.status !== 201) throw new Error(`register: ${response.status} ${await response.text()}`);
      return (await response.json()) as { member: { id: string; loginName: string }; recoveryCode: string };
    });

    const resident = await newPage(browser, { javaScriptEnabled: false });
    await resident.page.goto(tenantUrl("delinde", "/inloggen?met=wachtwoord"));
    await resident.page.getByRole("link", { name: /herstelcode/ }).click();
    await resident.page.waitForURL(tenantUrl("delinde", "/herstel"));
    await resident.page.getByLabel("Inlognaam").fill(member.loginName);
    await resident.page.getByLabel("Herstelcode").fill(recoveryCode.toLowerCase());
    await resident.page.getByLabel("Nieuw wachtwoord").fill("wim-zijn-nieuwe-wachtwoord");
    await resident.page.getByRole("button", { name: "Nieuw wachtwoord opslaan en inloggen" }).click();
    await resident.page.getByRole("button", { name: "Uitloggen" }).waitFor();
    await resident.page.getByRole("heading", { level: 1, name: "Lindenhof", exact: true }).waitFor();

    // Log in again with the login name and the new password.
    const again = await newPage(browser);
    await logIn(again.page, "delinde", member.loginName, "wim-zijn-nieuwe-wachtwoord");
    await again.context.close();

    // Months later Wim has lost his password again. A moderator finds him and prints a new code
    // (without JavaScript: the help desk's old computer).
    const moderator = await newPage(browser, { javaScriptEnabled: false });
    await logIn(moderator.page, "delinde", "sanne@delinde.example");
    await moderator.page.goto(tenantUrl("delinde", "/account"));
    await moderator.page.getByRole("link", { name: "Leden", exact: true }).click();
    await moderator.page.getByRole("heading", { level: 1, name: "Leden", exact: true }).waitFor();
    await moderator.page.getByLabel("Zoek op naam of inlognaam").fill("zonder mail");
    await moderator.page.getByRole("button", { name: "Zoeken" }).click();
    await moderator.page.getByText("1 lid gevonden voor “zonder mail”.").waitFor();
    expect(await moderator.page.getByRole("link", { name: /verwijderen$/ }).count()).toBe(0);
    await moderator.page.getByRole("link", { name: "Nieuwe herstelcode voor Wim Zonder Mail" }).click();
    await moderator.page.getByRole("heading", { level: 1, name: "Nieuwe herstelcode voor Wim Zonder Mail", exact: true }).waitFor();
    await moderator.page.getByRole("button", { name: "Maak een nieuwe herstelcode" }).click();
    const newCode = (await moderator.page.getByTestId("recovery-code").textContent())!.trim();
    expect(newCode).not.toBe(recoveryCode);
    expect((await moderator.page.getByTestId("login-name").textContent())!.trim()).toBe(member.loginName);
    await moderator.context.close();

    const home = await newPage(browser, { javaScriptEnabled: false });
    await home.page.goto(tenantUrl("delinde", "/herstel"));
    await home.page.getByLabel("Inlognaam").fill(member.loginName);
    await home.page.getByLabel("Herstelcode").fill(newCode);
    await home.page.getByLabel("Nieuw wachtwoord").fill("wim-zijn-derde-wachtwoord");
    await home.page.getByRole("button", { name: "Nieuw wachtwoord opslaan en inloggen" }).click();
    await home.page.getByRole("button", { name: "Uitloggen" }).waitFor();
    await home.context.close();

    // The admin removes Wim.
    await admin.page.goto(tenantUrl("delinde", "/account"));
    await admin.page.getByRole("link", { name: "Leden", exact: true }).click();
    await admin.page.getByRole("heading", { level: 1, name: "Leden", exact: true }).waitFor();
    await expectAccessible(admin.page);
    await admin.page.getByLabel("Zoek op naam of inlognaam").fill("Wim Zonder Mail");
    await admin.page.getByRole("button", { name: "Zoeken" }).click();
    await admin.page.getByText("1 lid gevonden voor “Wim Zonder Mail”.").waitFor();
    await admin.page.getByRole("link", { name: "Wim Zonder Mail verwijderen" }).click();
    await admin.page.getByRole("heading", { level: 1, name: "Wim Zonder Mail verwijderen", exact: true }).waitFor();
    await expectAccessible(admin.page);
    await admin.page.getByLabel("Verwijder ook alle berichten").check();
    await admin.page.getByLabel("Typ VERWIJDER om te bevestigen").fill("VERWIJDER");
    await admin.page.getByRole("button", { name: "Lid definitief verwijderen" }).click();
    await admin.page.getByRole("status").filter({ hasText: "Het lid is verwijderd." }).waitFor();
    expect(await admin.page.locator("main").textContent()).not.toContain("Wim Zonder Mail");

    // Wim's session is gone.
    await resident.page.reload();
    await resident.page.getByRole("link", { name: "Inloggen" }).first().waitFor();
    await admin.context.close();
    await resident.context.close();
  });
});

describe("my account", () => {
  it("edits the profile, refuses a house number, downloads the data and logs out everywhere", async () => {
    const laptop = await newPage(browser);
    const phone = await newPage(browser);
    await logIn(laptop.page, "delinde", "mohamed@delinde.example");
    await logIn(phone.page, "delinde", "mohamed@delinde.example");
    const { page } = laptop;
    await page.getByRole("link", { name: "Mijn account" }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn account", exact: true }).waitFor();
    expect(await page.locator("main").textContent()).toContain("mohamed@delinde.example");
    await expectAccessible(page);

    await page.getByLabel("Straat (mag leeg blijven)").fill("Hofstraat 12");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.locator("#street-error").filter({ hasText: "zonder huisnummer" }).waitFor();
    expect(await page.getByLabel("Straat (mag leeg blijven)").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    await page.getByLabel("Straat (mag leeg blijven)").fill("Hofstraat");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByRole("status").filter({ hasText: "Je gegevens zijn opgeslagen." }).waitFor();

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download mijn gegevens" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("buurtplein-gegevens.json");
    const exported = await page.evaluate(async () => {
      const response = await fetch("/api/me/export");
      return { disposition: response.headers.get("content-disposition"), body: await response.json() };
    });
    expect(exported.disposition).toBe('attachment; filename="buurtplein-gegevens.json"');
    const data = exported.body as { profile: { email: string; street: string }; neighbourhoods: { name: string }[] };
    expect(data.profile).toMatchObject({ email: "mohamed@delinde.example", street: "Hofstraat" });
    expect(data.neighbourhoods.map((n) => n.name)).toEqual(["Lindenhof"]);

    await page.getByRole("button", { name: "Overal uitloggen" }).click();
    await page.waitForURL(tenantUrl("delinde", "/"));
    await page.getByRole("link", { name: "Inloggen" }).first().waitFor();
    // The other device is logged out too.
    await phone.page.goto(tenantUrl("delinde", "/account"));
    await phone.page.waitForURL(tenantUrl("delinde", "/inloggen"));
    await laptop.context.close();
    await phone.context.close();
  });

  it("deletes the account after a confirmation step; the posts stay without a name; he can no longer log in", async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, "delinde", "bram@delinde.example");
    await page.goto(tenantUrl("delinde", "/account"));
    await page.getByRole("link", { name: "Mijn account verwijderen" }).click();
    await page.getByRole("heading", { level: 1, name: "Account verwijderen", exact: true }).waitFor();
    await expectAccessible(page);
    await page.getByLabel(/Laat mijn berichten staan/).check();
    await page.getByLabel("Typ VERWIJDER om te bevestigen").fill("ja");
    await page.getByRole("button", { name: "Account definitief verwijderen" }).click();
    await page.locator("#confirm-error").waitFor();
    expect(await page.getByLabel("Typ VERWIJDER om te bevestigen").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel(/Laat mijn berichten staan/).check();
    await page.getByLabel("Typ VERWIJDER om te bevestigen").fill("VERWIJDER");
    await page.getByRole("button", { name: "Account definitief verwijderen" }).click();
    await page.getByRole("heading", { level: 1, name: "Je account is verwijderd", exact: true }).waitFor();
    await expectAccessible(page);
    expect(await page.locator("header").textContent()).not.toContain("Uitloggen");

    await page.goto(tenantUrl("delinde", "/inloggen?met=wachtwoord"));
    await page.getByLabel(/E-mailadres/).fill("bram@delinde.example");
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("kloppen niet");
    await context.close();

    // His post in Parkzicht is still there, without his name.
    const els = await newPage(browser);
    await logIn(els.page, "delinde", "els@delinde.example");
    await els.page.goto(tenantUrl("delinde", "/buurt/parkzicht"));
    const post = els.page.locator(".posts li").filter({ hasText: "Ik verhuis in april met mijn dochter" });
    expect(await post.textContent()).toContain("Oud-buurtbewoner");
    expect(await els.page.locator("main").textContent()).not.toContain("Bram Mulder");
    await els.context.close();
  });
});

/** A request to the product as if to `host` (Node cannot resolve *.localhost; the server listens on 127.0.0.1). */
function rawRequest(host: string, path: string, options: { method: string; headers: Record<string, string>; body: string; agent?: Agent }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port: port(), path, method: options.method, agent: options.agent, headers: { ...options.headers, host: `${host}:${port()}`, "content-length": Buffer.byteLength(options.body) } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

describe("CSRF in the web worker", () => {
  it("refuses a form that another site submits to us, with a readable page", async () => {
    const { page, context } = await newPage(browser);
    // A page on another origin, as another site serves it (not our page: ours forbids posting
    // forms elsewhere with CSP form-action 'self').
    await page.route(`http://evil.localhost:${port()}/`, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><html lang=\"en\"><title>Elsewhere</title><body></body></html>" }));
    await page.goto(`http://evil.localhost:${port()}/`);
    const target = tenantUrl("delinde", "/inloggen?met=wachtwoord");
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url() === target && candidate.request().method() === "POST"),
      page.evaluate((action) => {
        const form = document.createElement("form");
        form.method = "post";
        form.action = action;
        for (const [name, value] of [["intent", "password"], ["identifier", "anna@delinde.example"], ["password", "buurtplein-demo"]]) {
          const input = document.createElement("input");
          input.name = name!;
          input.value = value!;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      }, target),
    ]);
    expect(response.status()).toBe(403);
    await page.getByRole("heading", { level: 1, name: "Dit verzoek is geweigerd", exact: true }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("answers a cross-origin API call with 403 csrf_failed JSON, and lets a same-origin one through", async () => {
    const body = JSON.stringify({ email: "anna@delinde.example", password: DEMO_PASSWORD });
    const evil = await rawRequest("delinde.localhost", "/api/auth/login", {
      method: "POST",
      headers: { origin: "http://evil.localhost", "content-type": "application/json" },
      body,
    });
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body).error.code).toBe("csrf_failed");
    const crossSite = await rawRequest("delinde.localhost", "/api/auth/login", {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" },
      body,
    });
    expect(crossSite.status).toBe(403);
    const same = await rawRequest("delinde.localhost", "/api/auth/login", {
      method: "POST",
      headers: { origin: `http://delinde.localhost:${port()}`, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body,
    });
    expect(same.status).toBe(200);
  });

  it("keeps kept-alive connections working after answers given before the body was read", async () => {
    // Regression: under the dev server a refused POST, a 401 or a 405 answered with the body unread
    // broke the connection to workerd, and that request or the next one answered 500 "fetch failed".
    const agent = new Agent({ keepAlive: true });
    const json = JSON.stringify({ email: "nobody@delinde.example", password: "x".repeat(12) });
    const form = `a=${"b".repeat(5000)}`;
    const statuses: number[] = [];
    for (let round = 0; round < 60; round += 1) {
      // Each round from an address of its own (the test product plays Cloudflare's edge), so the flood
      // guard on writes per source (60 per 10 s, decision 015) stays out of this test.
      const source = { "cf-connecting-ip": `192.0.2.${round + 1}` };
      const answers = [
        await rawRequest("delinde.localhost", "/api/auth/login", { method: "POST", headers: { ...source, origin: "http://evil.localhost", "content-type": "application/json" }, body: json, agent }),
        await rawRequest("delinde.localhost", "/api/auth/login", { method: "POST", headers: { ...source, "sec-fetch-site": "cross-site", "content-type": "application/json" }, body: json, agent }),
        await rawRequest("delinde.localhost", "/api/health", { method: "GET", headers: source, body: "", agent }),
        await rawRequest("delinde.localhost", "/api/me", { method: "PATCH", headers: { ...source, "content-type": "application/json" }, body: json, agent }),
        await rawRequest("delinde.localhost", "/buurten", { method: "POST", headers: { ...source, "content-type": "application/x-www-form-urlencoded" }, body: form, agent }),
      ];
      statuses.push(...answers.map((answer) => answer.status));
    }
    agent.destroy();
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([403, 200, 401, 405]));
  });
});
