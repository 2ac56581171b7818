// A transactional e-mail HTTP API: Postmark's "send a single email" endpoint.
// POST {baseUrl}/email with X-Postmark-Server-Token; 200 { ErrorCode: 0, MessageID, … } on success,
// otherwise (401, 422, 5xx) { ErrorCode, Message }. `fetch` and `baseUrl` are injectable for tests.
import { MailerError, type MailMessage, type Mailer } from "./mailer.ts";

export const POSTMARK_BASE_URL = "https://api.postmarkapp.com";

export interface HttpApiMailerOptions {
  serverToken: string;
  /** "Buurtplein <noreply@buurtplein.nl>": must be a confirmed sender signature at Postmark. */
  from: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Postmark's message stream for transactional mail. */
  messageStream?: string;
  /** Postmark's message stream for broadcasts (the digest); Postmark wants bulk mail kept apart. */
  broadcastStream?: string;
}

interface PostmarkAnswer {
  ErrorCode?: number;
  Message?: string;
  MessageID?: string;
}

export class HttpApiMailer implements Mailer {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HttpApiMailerOptions) {
    this.baseUrl = (options.baseUrl ?? POSTMARK_BASE_URL).replace(/\/+$/, "");
    // Keep `this` right for the global fetch in workerd.
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async send(message: MailMessage): Promise<void> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}/email`, {
        method: "POST",
        headers: {
          Accept: "application/json",
          "Content-Type": "application/json",
          "X-Postmark-Server-Token": this.options.serverToken,
        },
        body: JSON.stringify({
          From: this.options.from,
          To: message.to,
          Subject: message.subject,
          TextBody: message.text,
          HtmlBody: message.html,
          MessageStream: message.stream === "broadcast" ? (this.options.broadcastStream ?? "broadcast") : (this.options.messageStream ?? "outbound"),
          ...(message.headers ? { Headers: Object.entries(message.headers).map(([Name, Value]) => ({ Name, Value })) } : {}),
        }),
      });
    } catch (error) {
      throw new MailerError(`Postmark could not be reached: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const answer = (await response.json().catch(() => null)) as PostmarkAnswer | null;
    if (response.ok && answer?.ErrorCode === 0) return;
    const code = typeof answer?.ErrorCode === "number" ? answer.ErrorCode : null;
    const reason = answer?.Message ?? response.statusText ?? "no reason given";
    throw new MailerError(`Postmark refused the e-mail (HTTP ${response.status}${code === null ? "" : `, ErrorCode ${code}`}): ${reason}`, {
      status: response.status,
      providerCode: code,
    });
  }
}
