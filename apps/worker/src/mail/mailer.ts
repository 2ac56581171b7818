// Sending e-mail. Routes only know this interface; which implementation runs is chosen from the
// bindings in create-mailer.ts (the dev mailbox locally and in tests, Postmark in production).

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The corporation this e-mail is about (the dev mailbox filters by it on a tenant host). */
  tenantSlug?: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post on the digest (RFC 8058). */
  headers?: Record<string, string>;
  /** "broadcast" for mail sent to many at once (the digest); transactional otherwise (login links…). */
  stream?: "transactional" | "broadcast";
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** The mail provider refused or could not be reached; the message says why, without secrets. */
export class MailerError extends Error {
  readonly status: number | null;
  readonly providerCode: number | null;

  constructor(message: string, options: { status?: number | null; providerCode?: number | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "MailerError";
    this.status = options.status ?? null;
    this.providerCode = options.providerCode ?? null;
  }
}
