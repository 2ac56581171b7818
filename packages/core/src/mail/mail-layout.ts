import { escapeHtml } from "./escape-html.ts";

export type MailLocale = "nl" | "en";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The simple, accessible HTML frame every e-mail shares: large text, one narrow column. */
export function wrapMailHtml(locale: MailLocale, subject: string, body: string[]): string {
  return [
    "<!doctype html>",
    `<html lang="${locale}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    "</head>",
    '<body style="margin:0;padding:24px;background:#ffffff;color:#1b1f23;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;">',
    '<div style="max-width:560px;margin:0 auto;">',
    ...body,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
}
