// The magic-link e-mail: plain text plus simple, accessible HTML (one column, real text, a clear
// link), in Dutch (B1) or English, texts from the catalogue (mail.magicLink). Pure: the caller sends what this returns.
import { escapeHtml } from "./escape-html.ts";
import { translate, type MessageKey } from "../i18n/messages.ts";
import { wrapMailHtml, type MailLocale, type RenderedMail } from "./mail-layout.ts";

export type { MailLocale, RenderedMail } from "./mail-layout.ts";

export interface MagicLinkMailInput {
  locale: MailLocale;
  /** The corporation's name as residents know it, e.g. "Woonstichting De Linde". */
  corporationName: string;
  /** The full link, e.g. https://delinde.buurtplein.nl/inloggen/link?token=… */
  link: string;
  validMinutes: number;
}

function textsIn(language: MailLocale, name: string, minutes: number) {
  const say = (key: MessageKey) => translate(language, key, { name, minutes });
  return {
    subject: say("mail.magicLink.subject"),
    greeting: say("mail.greeting"),
    intro: say("mail.magicLink.intro"),
    action: say("mail.magicLink.action"),
    instruction: say("mail.magicLink.instruction"),
    validity: say("mail.magicLink.validity"),
    notYou: say("mail.magicLink.notYou"),
    signature: say("mail.signature"),
  };
}

export function renderMagicLinkMail(input: MagicLinkMailInput): RenderedMail {
  const texts = textsIn(input.locale, input.corporationName, input.validMinutes);
  const subject = texts.subject;
  const text = [
    texts.greeting,
    "",
    texts.intro,
    texts.instruction,
    "",
    input.link,
    "",
    texts.validity,
    texts.notYou,
    "",
    texts.signature,
  ].join("\n");
  const link = escapeHtml(input.link);
  const html = wrapMailHtml(input.locale, subject, [
    `<p>${escapeHtml(texts.greeting)}</p>`,
    `<p>${escapeHtml(texts.intro)}</p>`,
    `<p>${escapeHtml(texts.instruction)}</p>`,
    `<p><a href="${link}" style="display:inline-block;padding:12px 20px;background:#1f6f5c;color:#ffffff;font-weight:bold;text-decoration:underline;border-radius:8px;">${escapeHtml(texts.action)}</a></p>`,
    `<p style="word-break:break-all;"><a href="${link}" style="color:#1f6f5c;">${link}</a></p>`,
    `<p>${escapeHtml(texts.validity)}</p>`,
    `<p>${escapeHtml(texts.notYou)}</p>`,
    `<p>${escapeHtml(texts.signature)}</p>`,
  ]);
  return { subject, text, html };
}
