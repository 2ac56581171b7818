// The magic-link e-mail: plain text plus simple, accessible HTML (one column, real text, a clear
// link), in Dutch (B1) or English. Pure: the caller sends what this returns.
import { escapeHtml } from "./escape-html.ts";
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

const TEXTS = {
  nl: {
    subject: (name: string) => `Inloggen bij Buurtplein ${name}`,
    greeting: "Hallo,",
    intro: (name: string) => `Je vroeg om een link om in te loggen op Buurtplein ${name}.`,
    action: "Inloggen",
    instruction: "Klik op de link hieronder. Op de pagina die opent, druk je op de knop Inloggen.",
    validity: (minutes: number) => `De link werkt ${minutes} minuten en maar één keer.`,
    notYou: "Heb je hier niet om gevraagd? Dan hoef je niets te doen. Niemand kan inloggen zonder deze link.",
    signature: "Groet, Buurtplein",
  },
  en: {
    subject: (name: string) => `Log in to Buurtplein ${name}`,
    greeting: "Hello,",
    intro: (name: string) => `You asked for a link to log in to Buurtplein ${name}.`,
    action: "Log in",
    instruction: "Click the link below. On the page that opens, press the Log in button.",
    validity: (minutes: number) => `The link works for ${minutes} minutes, and only once.`,
    notYou: "Did you not ask for this? Then you need not do anything. Nobody can log in without this link.",
    signature: "Kind regards, Buurtplein",
  },
} as const;

export function renderMagicLinkMail(input: MagicLinkMailInput): RenderedMail {
  const texts = TEXTS[input.locale];
  const name = input.corporationName;
  const subject = texts.subject(name);
  const text = [
    texts.greeting,
    "",
    texts.intro(name),
    texts.instruction,
    "",
    input.link,
    "",
    texts.validity(input.validMinutes),
    texts.notYou,
    "",
    texts.signature,
  ].join("\n");
  const link = escapeHtml(input.link);
  const html = wrapMailHtml(input.locale, subject, [
    `<p>${escapeHtml(texts.greeting)}</p>`,
    `<p>${escapeHtml(texts.intro(name))}</p>`,
    `<p>${escapeHtml(texts.instruction)}</p>`,
    `<p><a href="${link}" style="display:inline-block;padding:12px 20px;background:#1f6f5c;color:#ffffff;font-weight:bold;text-decoration:underline;border-radius:8px;">${escapeHtml(texts.action)}</a></p>`,
    `<p style="word-break:break-all;"><a href="${link}" style="color:#1f6f5c;">${link}</a></p>`,
    `<p>${escapeHtml(texts.validity(input.validMinutes))}</p>`,
    `<p>${escapeHtml(texts.notYou)}</p>`,
    `<p>${escapeHtml(texts.signature)}</p>`,
  ]);
  return { subject, text, html };
}
