// The texts of the e-mails Buurtplein sends (login link, review decision, still waiting). Dutch (B1)
// first; English has exactly these keys. Placeholders: {{name}} the corporation, {{minutes}},
// {{neighbourhood}}, {{corporation}}, {{person}}, {{code}} (an invite's letter code).

const nl = {
  mail: {
    greeting: "Hallo,",
    greetingName: "Hallo {{person}},",
    signature: "Groet, Buurtplein",
    magicLink: {
      subject: "Inloggen bij Buurtplein {{name}}",
      intro: "Je vroeg om een link om in te loggen op Buurtplein {{name}}.",
      action: "Inloggen",
      instruction: "Klik op de link hieronder. Op de pagina die opent, druk je op de knop Inloggen.",
      validity: "De link werkt {{minutes}} minuten en maar één keer.",
      notYou: "Heb je hier niet om gevraagd? Dan hoef je niets te doen. Niemand kan inloggen zonder deze link.",
    },
    approved: {
      subject: "Welkom in {{neighbourhood}}: je kunt nu inloggen",
      intro: "Goed nieuws: je aanmelding voor het Buurtplein van {{neighbourhood}} is goedgekeurd door {{corporation}}.",
      instruction: "Je kunt nu inloggen met je e-mailadres of inlognaam en je wachtwoord. Klik op de link hieronder.",
      action: "Inloggen",
    },
    rejected: {
      subject: "Je aanmelding voor {{neighbourhood}} is niet goedgekeurd",
      intro: "Je aanmelding voor het Buurtplein van {{neighbourhood}} is niet goedgekeurd door {{corporation}}.",
      messageLabel: "Dit is de uitleg die we kregen:",
      help: "Heb je vragen, of denk je dat dit niet klopt? Neem dan contact op met {{corporation}}.",
    },
    joinWelcome: {
      subject: "Welkom in {{neighbourhood}}: log in op Buurtplein",
      intro: "Je doet nu mee op het Buurtplein van {{neighbourhood}} ({{corporation}}).",
      instruction: "Klik op de link hieronder om in te loggen. Op de pagina die opent, druk je op de knop Inloggen.",
      validity: "De link werkt {{minutes}} minuten en maar één keer. Daarna log je in met je wachtwoord, of vraag je een nieuwe inloglink aan.",
      notYou: "Heb jij je niet aangemeld? Dan heeft iemand anders jouw e-mailadres ingevuld. Laat het de corporatie weten.",
    },
    joinAttempt: {
      subject: "Iemand wilde meedoen in {{neighbourhood}} met jouw e-mailadres",
      intro: "Zojuist wilde iemand meedoen op het Buurtplein van {{neighbourhood}} ({{corporation}}) met jouw e-mailadres. Er is al een account met dit adres, dus er is niets veranderd.",
      ifYou: "Was jij dat? Log dan in met je account en vul daarna de buurtcode {{code}} in. Zo doe je mee met het account dat je al hebt.",
      notYou: "Was jij het niet? Dan hoef je niets te doen. Niemand kan zonder jouw wachtwoord of een inloglink in je account.",
    },
    stillWaiting: {
      subject: "Je aanmelding voor {{neighbourhood}} wacht nog op goedkeuring",
      intro: "Je vroeg om een inloglink voor Buurtplein.",
      waiting: "Je aanmelding voor het Buurtplein van {{neighbourhood}} wacht nog op goedkeuring door {{corporation}} of een buurtambassadeur. Daarom kun je nog niet inloggen.",
      next: "Zodra je aanmelding is goedgekeurd, krijg je een e-mail. Daarna kun je inloggen.",
    },
  },
};

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

const en: Widen<typeof nl> = {
  mail: {
    greeting: "Hello,",
    greetingName: "Hello {{person}},",
    signature: "Kind regards, Buurtplein",
    magicLink: {
      subject: "Log in to Buurtplein {{name}}",
      intro: "You asked for a link to log in to Buurtplein {{name}}.",
      action: "Log in",
      instruction: "Click the link below. On the page that opens, press the Log in button.",
      validity: "The link works for {{minutes}} minutes, and only once.",
      notYou: "Did you not ask for this? Then you need not do anything. Nobody can log in without this link.",
    },
    approved: {
      subject: "Welcome to {{neighbourhood}}: you can log in now",
      intro: "Good news: {{corporation}} has approved your request to join the Buurtplein of {{neighbourhood}}.",
      instruction: "You can now log in with your e-mail address or login name and your password. Click the link below.",
      action: "Log in",
    },
    rejected: {
      subject: "Your request to join {{neighbourhood}} was not approved",
      intro: "{{corporation}} has not approved your request to join the Buurtplein of {{neighbourhood}}.",
      messageLabel: "This is the explanation we were given:",
      help: "Do you have questions, or do you think this is a mistake? Please contact {{corporation}}.",
    },
    joinWelcome: {
      subject: "Welcome to {{neighbourhood}}: log in to Buurtplein",
      intro: "You have joined the Buurtplein of {{neighbourhood}} ({{corporation}}).",
      instruction: "Click the link below to log in. On the page that opens, press the Log in button.",
      validity: "The link works for {{minutes}} minutes, and only once. After that, log in with your password or ask for a new login link.",
      notYou: "Did you not sign up? Then someone else typed your e-mail address. Please tell the corporation.",
    },
    joinAttempt: {
      subject: "Someone tried to join {{neighbourhood}} with your e-mail address",
      intro: "Just now someone tried to join the Buurtplein of {{neighbourhood}} ({{corporation}}) with your e-mail address. There already is an account with this address, so nothing was changed.",
      ifYou: "Was that you? Then log in with your account and enter the neighbourhood code {{code}}. That way you join with the account you already have.",
      notYou: "Was it not you? Then you need not do anything. Nobody can get into your account without your password or a login link.",
    },
    stillWaiting: {
      subject: "Your request to join {{neighbourhood}} is still waiting for approval",
      intro: "You asked for a login link for Buurtplein.",
      waiting: "Your request to join the Buurtplein of {{neighbourhood}} is still waiting for approval by {{corporation}} or a neighbourhood ambassador. That is why you cannot log in yet.",
      next: "As soon as your request has been approved, you will get an e-mail. Then you can log in.",
    },
  },
};

export const mailMessages = { nl, en };
