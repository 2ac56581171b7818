import { describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { AppError } from "@buurtplein/core";
import { controlSchema } from "@buurtplein/db";
import { createApp } from "../src/app.ts";
import { createMailer } from "../src/mail/create-mailer.ts";
import { DevMailer } from "../src/mail/dev-mailer.ts";
import { HttpApiMailer } from "../src/mail/http-api-mailer.ts";
import { MailerError } from "../src/mail/mailer.ts";
import { bindings, call, control, json } from "./helpers.ts";
import { DELINDE, HAVENSTAD } from "./account-fixtures.ts";

const message = { to: "anna@delinde.example", subject: "Inloggen bij Buurtplein", text: "Hallo,\nde link", html: "<p>Hallo</p>" };

/** A fake of Postmark's POST /email: records every request and answers as the real API does. */
function fakePostmark(answer: { status: number; body: unknown } | Error) {
  const requests: Request[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    if (answer instanceof Error) throw answer;
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { requests, fetchImpl };
}

describe("HttpApiMailer (Postmark)", () => {
  it("sends exactly the request Postmark documents", async () => {
    const fake = fakePostmark({ status: 200, body: { To: message.to, SubmittedAt: "2026-11-26T10:00:00Z", MessageID: "b7bc2f4a", ErrorCode: 0, Message: "OK" } });
    const mailer = new HttpApiMailer({ serverToken: "server-token-123", from: "Buurtplein <noreply@buurtplein.nl>", fetch: fake.fetchImpl });
    await mailer.send({ ...message, tenantSlug: "delinde" });
    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://api.postmarkapp.com/email");
    expect(request.headers.get("x-postmark-server-token")).toBe("server-token-123");
    expect(request.headers.get("accept")).toBe("application/json");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await request.json()).toEqual({
      From: "Buurtplein <noreply@buurtplein.nl>",
      To: "anna@delinde.example",
      Subject: "Inloggen bij Buurtplein",
      TextBody: "Hallo,\nde link",
      HtmlBody: "<p>Hallo</p>",
      MessageStream: "outbound",
    });
  });

  it("passes extra headers on as Postmark's Headers (the digest's List-Unsubscribe, RFC 8058), on the broadcast stream", async () => {
    const fake = fakePostmark({ status: 200, body: { ErrorCode: 0, Message: "OK" } });
    const mailer = new HttpApiMailer({ serverToken: "t", from: "Buurtplein <noreply@buurtplein.nl>", fetch: fake.fetchImpl });
    const headers = { "List-Unsubscribe": "<https://delinde.buurtplein.nl/overzicht/afmelden?token=x>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
    await mailer.send({ ...message, headers, stream: "broadcast" });
    const sent = (await fake.requests[0]!.json()) as { Headers: unknown; MessageStream: string };
    // Bulk mail goes through Postmark's broadcast stream, apart from login links.
    expect(sent.MessageStream).toBe("broadcast");
    expect(sent.Headers).toEqual([
      { Name: "List-Unsubscribe", Value: headers["List-Unsubscribe"] },
      { Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click" },
    ]);
  });

  it("uses another base URL when given one", async () => {
    const fake = fakePostmark({ status: 200, body: { ErrorCode: 0, Message: "OK" } });
    await new HttpApiMailer({ serverToken: "t", from: "a@b.nl", fetch: fake.fetchImpl, baseUrl: "http://postmark.test/" }).send(message);
    expect(fake.requests[0]!.url).toBe("http://postmark.test/email");
  });

  it.each([
    [422, { ErrorCode: 300, Message: "Invalid 'From' address: 'noreply@buurtplein.nl' is not a verified sender signature." }, /HTTP 422, ErrorCode 300\): Invalid 'From' address/],
    [401, { ErrorCode: 10, Message: "Request does not contain a valid Server token." }, /HTTP 401, ErrorCode 10\): Request does not contain a valid Server token/],
    [500, "not json", /HTTP 500/],
  ])("turns an API error (HTTP %i) into a clear MailerError", async (status, body, expected) => {
    const fake = fakePostmark({ status, body });
    const mailer = new HttpApiMailer({ serverToken: "server-token-123", from: "a@b.nl", fetch: fake.fetchImpl });
    const error = await mailer.send(message).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailerError);
    expect((error as MailerError).message).toMatch(expected);
    expect((error as MailerError).status).toBe(status);
    expect((error as MailerError).message).not.toContain("server-token-123");
  });

  it("explains when Postmark cannot be reached", async () => {
    const fake = fakePostmark(new TypeError("connection refused"));
    const error = await new HttpApiMailer({ serverToken: "t", from: "a@b.nl", fetch: fake.fetchImpl }).send(message).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailerError);
    expect((error as MailerError).message).toMatch(/could not be reached: connection refused/);
  });
});

describe("createMailer", () => {
  it("picks the dev mailer locally and Postmark in production", () => {
    expect(createMailer({ ...bindings, MAILER: "dev" }, control())).toBeInstanceOf(DevMailer);
    expect(createMailer({ ...bindings, MAILER: undefined }, control())).toBeInstanceOf(DevMailer);
    expect(
      createMailer({ ...bindings, ENVIRONMENT: "production", MAILER: "postmark", POSTMARK_SERVER_TOKEN: "t", MAIL_FROM: "Buurtplein <noreply@buurtplein.nl>" }, control()),
    ).toBeInstanceOf(HttpApiMailer);
  });

  it("refuses a half-configured Postmark, and the dev mailer in production", () => {
    expect(() => createMailer({ ...bindings, MAILER: "postmark", POSTMARK_SERVER_TOKEN: undefined }, control())).toThrow(AppError);
    expect(() => createMailer({ ...bindings, ENVIRONMENT: "production", MAILER: "dev" }, control())).toThrow(AppError);
  });
});

describe("the dev mailbox", () => {
  it("keeps what the DevMailer sends in the control plane", async () => {
    const to = `dev-${crypto.randomUUID().slice(0, 8)}@delinde.example`;
    await new DevMailer(control()).send({ ...message, to, tenantSlug: "delinde" });
    const [row] = await control().select().from(controlSchema.devMail).where(eq(controlSchema.devMail.to, to)).orderBy(desc(controlSchema.devMail.createdAt));
    expect(row).toMatchObject({ to, subject: message.subject, text: message.text, html: message.html, tenantSlug: "delinde" });
  });

  it("shows every host only its own e-mails: a corporation's on its host, the apex's own on the apex", async () => {
    const to = `beide-${crypto.randomUUID().slice(0, 8)}@example.org`;
    await new DevMailer(control()).send({ ...message, to, subject: "voor De Linde", tenantSlug: "delinde" });
    await new DevMailer(control()).send({ ...message, to, subject: "voor Havenstad", tenantSlug: "havenstad" });
    await new DevMailer(control()).send({ ...message, to, subject: "van het platform" });
    const subjects = async (host: string, query = `?to=${to}`) =>
      (await json(await call(host, `/api/dev/mail${query}`))).mail.map((m: { subject: string }) => m.subject).sort();
    expect(await subjects(DELINDE)).toEqual(["voor De Linde"]);
    expect(await subjects(HAVENSTAD)).toEqual(["voor Havenstad"]);
    // The apex never lists a corporation's mail (login links), with or without a recipient filter.
    expect(await subjects("localhost:8787")).toEqual(["van het platform"]);
    const apexAll = (await json(await call("localhost:8787", "/api/dev/mail"))).mail as { tenantSlug: string | null }[];
    expect(apexAll.every((mail) => mail.tenantSlug === null)).toBe(true);
  });

  it("does not exist in production (404)", async () => {
    const app = createApp();
    for (const host of ["delinde.localhost", "localhost"]) {
      const response = await app.fetch(new Request(`http://${host}/api/dev/mail`), { ...bindings, ENVIRONMENT: "production" });
      expect(response.status).toBe(404);
      expect((await json(response)).error.code).toBe("not_found");
    }
    // …while it does in tests.
    expect((await call(DELINDE, "/api/dev/mail")).status).toBe(200);
  });
});
