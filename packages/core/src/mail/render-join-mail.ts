// The two e-mails after someone joins through an invite with an e-mail address. The website answers
// the same in both cases ("look in your e-mail"), so nobody learns there who already has an account;
// only the owner of the address reads which of these two arrived.
//   - welcome: a new account; a link logs the new member in (and shows the address is theirs).
//   - attempt: the address already has an account here; nothing was changed; if it was them, log in and
//     use the code (or link) to join that neighbourhood with the account they have.
import { escapeHtml } from "./escape-html.ts";
import { translate, type MessageKey } from "../i18n/messages.ts";
import { wrapMailHtml, type MailLocale, type RenderedMail } from "./mail-layout.ts";

export interface JoinWelcomeMailInput {
  locale: MailLocale;
  corporationName: string;
  neighbourhoodName: string;
  displayName: string;
  /** A login link, e.g. https://delinde.buurtplein.nl/inloggen/link?token=… */
  link: string;
  validMinutes: number;
}

export interface JoinAttemptMailInput {
  locale: MailLocale;
  corporationName: string;
  neighbourhoodName: string;
  /** The log-in page, e.g. https://delinde.buurtplein.nl/inloggen */
  loginUrl: string;
  /** The invite's letter code as printed (e.g. "K7PM-Q2XD"), to type after logging in. */
  inviteCode: string;
}

export function renderJoinWelcomeMail(input: JoinWelcomeMailInput): RenderedMail {
  const say = (key: MessageKey) =>
    translate(input.locale, key, { person: input.displayName, neighbourhood: input.neighbourhoodName, corporation: input.corporationName, minutes: input.validMinutes });
  const subject = say("mail.joinWelcome.subject");
  const before = [say("mail.greetingName"), say("mail.joinWelcome.intro"), say("mail.joinWelcome.instruction")];
  const after = [say("mail.joinWelcome.validity"), say("mail.joinWelcome.notYou"), say("mail.signature")];
  return {
    subject,
    text: [...before, "", input.link, "", ...after].join("\n"),
    html: wrapMailHtml(input.locale, subject, [
      ...before.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
      `<p><a href="${escapeHtml(input.link)}">${escapeHtml(input.link)}</a></p>`,
      ...after.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ]),
  };
}

export function renderJoinAttemptMail(input: JoinAttemptMailInput): RenderedMail {
  const say = (key: MessageKey) =>
    translate(input.locale, key, { neighbourhood: input.neighbourhoodName, corporation: input.corporationName, code: input.inviteCode });
  const subject = say("mail.joinAttempt.subject");
  const paragraphs = [say("mail.greeting"), say("mail.joinAttempt.intro"), say("mail.joinAttempt.ifYou")];
  const after = [say("mail.joinAttempt.notYou"), say("mail.signature")];
  return {
    subject,
    text: [...paragraphs, "", input.loginUrl, "", ...after].join("\n"),
    html: wrapMailHtml(input.locale, subject, [
      ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
      `<p><a href="${escapeHtml(input.loginUrl)}">${escapeHtml(input.loginUrl)}</a></p>`,
      ...after.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ]),
  };
}
