// The e-mail to someone who waited for approval: let in (with a link to log in) or not (with the
// reviewer's message, and who to ask). Plain text plus simple, accessible HTML, in Dutch (B1) or
// English. Pure: the caller sends what this returns.
import { escapeHtml } from "./escape-html.ts";
import { translate, type MessageKey } from "../i18n/messages.ts";
import { wrapMailHtml, type MailLocale, type RenderedMail } from "./mail-layout.ts";

export type ReviewDecision = "approved" | "rejected";

export interface ReviewDecisionMailInput {
  locale: MailLocale;
  decision: ReviewDecision;
  /** The corporation's name as residents know it, e.g. "Woonstichting De Linde". */
  corporationName: string;
  neighbourhoodName: string;
  displayName: string;
  /** The login page, e.g. https://delinde.buurtplein.nl/inloggen (used when approved). */
  loginLink: string;
  /** What the reviewer wrote (used when rejected). */
  reviewerMessage?: string | null;
}


export function renderReviewDecisionMail(input: ReviewDecisionMailInput): RenderedMail {
  const say = (key: MessageKey) =>
    translate(input.locale, key, { person: input.displayName, neighbourhood: input.neighbourhoodName, corporation: input.corporationName });
  const greeting = say("mail.greetingName");
  const signature = say("mail.signature");
  if (input.decision === "approved") {
    const words = { intro: say("mail.approved.intro"), instruction: say("mail.approved.instruction"), action: say("mail.approved.action") };
    const subject = say("mail.approved.subject");
    const text = [greeting, "", words.intro, words.instruction, "", input.loginLink, "", signature].join("\n");
    const link = escapeHtml(input.loginLink);
    const html = wrapMailHtml(input.locale, subject, [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(words.intro)}</p>`,
      `<p>${escapeHtml(words.instruction)}</p>`,
      `<p><a href="${link}" style="display:inline-block;padding:12px 20px;background:#1f6f5c;color:#ffffff;font-weight:bold;text-decoration:underline;border-radius:8px;">${escapeHtml(words.action)}</a></p>`,
      `<p style="word-break:break-all;"><a href="${link}" style="color:#1f6f5c;">${link}</a></p>`,
      `<p>${escapeHtml(signature)}</p>`,
    ]);
    return { subject, text, html };
  }
  const words = { intro: say("mail.rejected.intro"), messageLabel: say("mail.rejected.messageLabel"), help: say("mail.rejected.help") };
  const subject = say("mail.rejected.subject");
  const message = input.reviewerMessage?.trim() || null;
  const text = [
    greeting,
    "",
    words.intro,
    ...(message ? ["", words.messageLabel, message] : []),
    "",
    words.help,
    "",
    signature,
  ].join("\n");
  const html = wrapMailHtml(input.locale, subject, [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(words.intro)}</p>`,
    ...(message
      ? [
          `<p>${escapeHtml(words.messageLabel)}</p>`,
          `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #1f6f5c;white-space:pre-line;">${escapeHtml(message)}</blockquote>`,
        ]
      : []),
    `<p>${escapeHtml(words.help)}</p>`,
    `<p>${escapeHtml(signature)}</p>`,
  ]);
  return { subject, text, html };
}
