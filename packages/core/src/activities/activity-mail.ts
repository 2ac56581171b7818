// The e-mails of activities: a place freed up for someone on the waiting list, and an activity that was
// cancelled (with the organiser's message). Plain text plus simple HTML, Dutch or English. Pure.
import { escapeHtml } from "../mail/escape-html.ts";
import { translate, type MessageKey } from "../i18n/messages.ts";
import { wrapMailHtml, type MailLocale, type RenderedMail } from "../mail/mail-layout.ts";

export interface ActivityMailInput {
  locale: MailLocale;
  displayName: string;
  title: string;
  /** When, already in words for the reader ("za 5 dec 2026 14:00"). */
  when: string;
  /** The activity's page. */
  link: string;
}

function words(input: ActivityMailInput) {
  return (key: MessageKey) => translate(input.locale, key, { person: input.displayName, title: input.title, when: input.when });
}

function render(input: ActivityMailInput, subject: string, paragraphs: string[], quote: { label: string; text: string } | null): RenderedMail {
  const say = words(input);
  const greeting = say("mail.greetingName");
  const signature = say("mail.signature");
  const action = say("mail.activities.action");
  const text = [greeting, "", ...paragraphs, ...(quote ? ["", quote.label, quote.text] : []), "", `${action}: ${input.link}`, "", signature].join("\n");
  const link = escapeHtml(input.link);
  const html = wrapMailHtml(input.locale, subject, [
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(quote
      ? [`<p>${escapeHtml(quote.label)}</p>`, `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #1f6f5c;white-space:pre-line;">${escapeHtml(quote.text)}</blockquote>`]
      : []),
    `<p><a href="${link}" style="color:#1f6f5c;font-weight:bold;">${escapeHtml(action)}</a></p>`,
    `<p>${escapeHtml(signature)}</p>`,
  ]);
  return { subject, text, html };
}

export function renderMovedUpMail(input: ActivityMailInput): RenderedMail {
  const say = words(input);
  return render(input, say("mail.activities.movedUpSubject"), [say("mail.activities.movedUpIntro"), say("mail.activities.movedUpCantCome")], null);
}

export function renderActivityCancelledMail(input: ActivityMailInput & { message: string }): RenderedMail {
  const say = words(input);
  return render(input, say("mail.activities.cancelledSubject"), [say("mail.activities.cancelledIntro")], { label: say("mail.activities.cancelledMessageLabel"), text: input.message });
}
