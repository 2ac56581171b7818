// The two e-mails after someone joins through an invite with an e-mail address. The website answers
// the same in both cases ("look in your e-mail"), so nobody learns there who already has an account;
// only the owner of the address reads which of these two arrived.
//   - welcome: a new account; a link logs the new member in (and shows the address is theirs).
//   - attempt: the address already has an account here; nothing was changed; if it was them, log in and
//     use the code (or link) to join that neighbourhood with the account they have.
import { escapeHtml } from "./escape-html.ts";
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

const WELCOME = {
  nl: {
    subject: (neighbourhood: string) => `Welkom in ${neighbourhood}: log in op Buurtplein`,
    greeting: (name: string) => `Hallo ${name},`,
    intro: (neighbourhood: string, corporation: string) => `Je doet nu mee op het Buurtplein van ${neighbourhood} (${corporation}).`,
    instruction: "Klik op de link hieronder om in te loggen. Op de pagina die opent, druk je op de knop Inloggen.",
    validity: (minutes: number) => `De link werkt ${minutes} minuten en maar één keer. Daarna log je in met je wachtwoord, of vraag je een nieuwe inloglink aan.`,
    notYou: "Heb jij je niet aangemeld? Dan heeft iemand anders jouw e-mailadres ingevuld. Laat het de corporatie weten.",
    signature: "Groet, Buurtplein",
  },
  en: {
    subject: (neighbourhood: string) => `Welcome to ${neighbourhood}: log in to Buurtplein`,
    greeting: (name: string) => `Hello ${name},`,
    intro: (neighbourhood: string, corporation: string) => `You have joined the Buurtplein of ${neighbourhood} (${corporation}).`,
    instruction: "Click the link below to log in. On the page that opens, press the Log in button.",
    validity: (minutes: number) => `The link works for ${minutes} minutes, and only once. After that, log in with your password or ask for a new login link.`,
    notYou: "Did you not sign up? Then someone else typed your e-mail address. Please tell the corporation.",
    signature: "Kind regards, Buurtplein",
  },
} as const;

const ATTEMPT = {
  nl: {
    subject: (neighbourhood: string) => `Iemand wilde meedoen in ${neighbourhood} met jouw e-mailadres`,
    greeting: "Hallo,",
    intro: (neighbourhood: string, corporation: string) =>
      `Zojuist wilde iemand meedoen op het Buurtplein van ${neighbourhood} (${corporation}) met jouw e-mailadres. Er is al een account met dit adres, dus er is niets veranderd.`,
    ifYou: (code: string) => `Was jij dat? Log dan in met je account en vul daarna de buurtcode ${code} in. Zo doe je mee met het account dat je al hebt.`,
    notYou: "Was jij het niet? Dan hoef je niets te doen. Niemand kan zonder jouw wachtwoord of een inloglink in je account.",
    signature: "Groet, Buurtplein",
  },
  en: {
    subject: (neighbourhood: string) => `Someone tried to join ${neighbourhood} with your e-mail address`,
    greeting: "Hello,",
    intro: (neighbourhood: string, corporation: string) =>
      `Just now someone tried to join the Buurtplein of ${neighbourhood} (${corporation}) with your e-mail address. There already is an account with this address, so nothing was changed.`,
    ifYou: (code: string) => `Was that you? Then log in with your account and enter the neighbourhood code ${code}. That way you join with the account you already have.`,
    notYou: "Was it not you? Then you need not do anything. Nobody can get into your account without your password or a login link.",
    signature: "Kind regards, Buurtplein",
  },
} as const;

export function renderJoinWelcomeMail(input: JoinWelcomeMailInput): RenderedMail {
  const words = WELCOME[input.locale];
  const subject = words.subject(input.neighbourhoodName);
  const before = [words.greeting(input.displayName), words.intro(input.neighbourhoodName, input.corporationName), words.instruction];
  const after = [words.validity(input.validMinutes), words.notYou, words.signature];
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
  const words = ATTEMPT[input.locale];
  const subject = words.subject(input.neighbourhoodName);
  const paragraphs = [words.greeting, words.intro(input.neighbourhoodName, input.corporationName), words.ifYou(input.inviteCode)];
  const after = [words.notYou, words.signature];
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
