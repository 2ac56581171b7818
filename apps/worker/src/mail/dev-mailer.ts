import { controlSchema, type ControlDb } from "@buurtplein/db";
import type { MailMessage, Mailer } from "./mailer.ts";

/**
 * Local development and tests: e-mails are not sent but kept in the control plane's dev_mail table,
 * readable at /dev/mail (only when ENVIRONMENT is development or test).
 */
export class DevMailer implements Mailer {
  constructor(private readonly control: ControlDb) {}

  async send(message: MailMessage): Promise<void> {
    await this.control.insert(controlSchema.devMail).values({
      id: crypto.randomUUID(),
      tenantSlug: message.tenantSlug ?? null,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers ?? null,
    });
  }
}
