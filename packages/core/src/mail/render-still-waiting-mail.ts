// The answer by e-mail to someone who asked for a login link while their sign-up still waits for
// approval: no link (it would not work yet), but what is going on. The answer on the website stays the
// same for everyone, so nobody learns there who has an account.
import { escapeHtml } from "./escape-html.ts";
import { wrapMailHtml, type MailLocale, type RenderedMail } from "./mail-layout.ts";

export interface StillWaitingMailInput {
  locale: MailLocale;
  corporationName: string;
  neighbourhoodName: string;
  displayName: string;
}

const TEXTS = {
  nl: {
    subject: (neighbourhood: string) => `Je aanmelding voor ${neighbourhood} wacht nog op goedkeuring`,
    greeting: (name: string) => `Hallo ${name},`,
    intro: "Je vroeg om een inloglink voor Buurtplein.",
    waiting: (neighbourhood: string, corporation: string) =>
      `Je aanmelding voor het Buurtplein van ${neighbourhood} wacht nog op goedkeuring door ${corporation} of een buurtambassadeur. Daarom kun je nog niet inloggen.`,
    next: "Zodra je aanmelding is goedgekeurd, krijg je een e-mail. Daarna kun je inloggen.",
    signature: "Groet, Buurtplein",
  },
  en: {
    subject: (neighbourhood: string) => `Your request to join ${neighbourhood} is still waiting for approval`,
    greeting: (name: string) => `Hello ${name},`,
    intro: "You asked for a login link for Buurtplein.",
    waiting: (neighbourhood: string, corporation: string) =>
      `Your request to join the Buurtplein of ${neighbourhood} is still waiting for approval by ${corporation} or a neighbourhood ambassador. That is why you cannot log in yet.`,
    next: "As soon as your request has been approved, you will get an e-mail. Then you can log in.",
    signature: "Kind regards, Buurtplein",
  },
} as const;

export function renderStillWaitingMail(input: StillWaitingMailInput): RenderedMail {
  const words = TEXTS[input.locale];
  const subject = words.subject(input.neighbourhoodName);
  const paragraphs = [words.greeting(input.displayName), words.intro, words.waiting(input.neighbourhoodName, input.corporationName), words.next, words.signature];
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
