// The e-mail to someone who waited for approval: let in (with a link to log in) or not (with the
// reviewer's message, and who to ask). Plain text plus simple, accessible HTML, in Dutch (B1) or
// English. Pure: the caller sends what this returns.
import { escapeHtml } from "./escape-html.ts";
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

const TEXTS = {
  nl: {
    greeting: (name: string) => `Hallo ${name},`,
    approved: {
      subject: (neighbourhood: string) => `Welkom in ${neighbourhood}: je kunt nu inloggen`,
      intro: (neighbourhood: string, corporation: string) => `Goed nieuws: je aanmelding voor het Buurtplein van ${neighbourhood} is goedgekeurd door ${corporation}.`,
      instruction: "Je kunt nu inloggen met je e-mailadres of inlognaam en je wachtwoord. Klik op de link hieronder.",
      action: "Inloggen",
    },
    rejected: {
      subject: (neighbourhood: string) => `Je aanmelding voor ${neighbourhood} is niet goedgekeurd`,
      intro: (neighbourhood: string, corporation: string) => `Je aanmelding voor het Buurtplein van ${neighbourhood} is niet goedgekeurd door ${corporation}.`,
      messageLabel: "Dit is de uitleg die we kregen:",
      help: (corporation: string) => `Heb je vragen, of denk je dat dit niet klopt? Neem dan contact op met ${corporation}.`,
    },
    signature: "Groet, Buurtplein",
  },
  en: {
    greeting: (name: string) => `Hello ${name},`,
    approved: {
      subject: (neighbourhood: string) => `Welcome to ${neighbourhood}: you can log in now`,
      intro: (neighbourhood: string, corporation: string) => `Good news: ${corporation} has approved your request to join the Buurtplein of ${neighbourhood}.`,
      instruction: "You can now log in with your e-mail address or login name and your password. Click the link below.",
      action: "Log in",
    },
    rejected: {
      subject: (neighbourhood: string) => `Your request to join ${neighbourhood} was not approved`,
      intro: (neighbourhood: string, corporation: string) => `${corporation} has not approved your request to join the Buurtplein of ${neighbourhood}.`,
      messageLabel: "This is the explanation we were given:",
      help: (corporation: string) => `Do you have questions, or do you think this is a mistake? Please contact ${corporation}.`,
    },
    signature: "Kind regards, Buurtplein",
  },
} as const;

export function renderReviewDecisionMail(input: ReviewDecisionMailInput): RenderedMail {
  const texts = TEXTS[input.locale];
  const { corporationName: corporation, neighbourhoodName: neighbourhood } = input;
  const greeting = texts.greeting(input.displayName);
  if (input.decision === "approved") {
    const words = texts.approved;
    const subject = words.subject(neighbourhood);
    const text = [greeting, "", words.intro(neighbourhood, corporation), words.instruction, "", input.loginLink, "", texts.signature].join("\n");
    const link = escapeHtml(input.loginLink);
    const html = wrapMailHtml(input.locale, subject, [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(words.intro(neighbourhood, corporation))}</p>`,
      `<p>${escapeHtml(words.instruction)}</p>`,
      `<p><a href="${link}" style="display:inline-block;padding:12px 20px;background:#1f6f5c;color:#ffffff;font-weight:bold;text-decoration:underline;border-radius:8px;">${escapeHtml(words.action)}</a></p>`,
      `<p style="word-break:break-all;"><a href="${link}" style="color:#1f6f5c;">${link}</a></p>`,
      `<p>${escapeHtml(texts.signature)}</p>`,
    ]);
    return { subject, text, html };
  }
  const words = texts.rejected;
  const subject = words.subject(neighbourhood);
  const message = input.reviewerMessage?.trim() || null;
  const text = [
    greeting,
    "",
    words.intro(neighbourhood, corporation),
    ...(message ? ["", words.messageLabel, message] : []),
    "",
    words.help(corporation),
    "",
    texts.signature,
  ].join("\n");
  const html = wrapMailHtml(input.locale, subject, [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(words.intro(neighbourhood, corporation))}</p>`,
    ...(message
      ? [
          `<p>${escapeHtml(words.messageLabel)}</p>`,
          `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #1f6f5c;white-space:pre-line;">${escapeHtml(message)}</blockquote>`,
        ]
      : []),
    `<p>${escapeHtml(words.help(corporation))}</p>`,
    `<p>${escapeHtml(texts.signature)}</p>`,
  ]);
  return { subject, text, html };
}
