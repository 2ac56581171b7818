// The answer by e-mail to someone who asked for a login link while their sign-up still waits for
// approval: no link (it would not work yet), but what is going on. The answer on the website stays the
// same for everyone, so nobody learns there who has an account.
import { escapeHtml } from "./escape-html.ts";
import { translate, type MessageKey } from "../i18n/messages.ts";
import { wrapMailHtml, type MailLocale, type RenderedMail } from "./mail-layout.ts";

export interface StillWaitingMailInput {
  locale: MailLocale;
  corporationName: string;
  neighbourhoodName: string;
  displayName: string;
}


export function renderStillWaitingMail(input: StillWaitingMailInput): RenderedMail {
  const say = (key: MessageKey) =>
    translate(input.locale, key, { person: input.displayName, neighbourhood: input.neighbourhoodName, corporation: input.corporationName });
  const subject = say("mail.stillWaiting.subject");
  const paragraphs = [say("mail.greetingName"), say("mail.stillWaiting.intro"), say("mail.stillWaiting.waiting"), say("mail.stillWaiting.next"), say("mail.signature")];
  return {
    subject,
    text: [paragraphs[0], "", ...paragraphs.slice(1, 4), "", paragraphs[4]].join("\n"),
    html: wrapMailHtml(
      input.locale,
      subject,
      paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ),
  };
}
