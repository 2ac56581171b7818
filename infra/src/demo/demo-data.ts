// The demo corporations that `npm start` loads on a fresh machine. Plain data; seed-demo.ts writes it.

export const DEMO_PASSWORD = "buurtplein-demo";

export interface DemoUser {
  key: string;
  displayName: string;
  email: string;
  role: "resident" | "prospective" | "ambassador" | "moderator" | "admin" | "partner" | "care_partner";
  street?: string;
  neighbourhoods: string[];
  /** A partner or care partner: the name of their organisation (one of the tenant's `partners`). */
  organisation?: string;
}

export interface DemoPost {
  neighbourhood: string;
  author: string;
  kind: "message" | "question" | "help_request" | "offer" | "lost_found" | "idea" | "announcement" | "safety";
  title?: string;
  body: string;
  hoursAgo: number;
  visibleToCorporation?: boolean;
  /** A help request or lost & found that is done. */
  solved?: boolean;
  /** An announcement staff pinned above the feed. */
  pinned?: boolean;
  /** A safety report: where, how many hours ago it happened, and what someone did. */
  safety?: { where: string; hoursAgo: number; behaviour: string };
  /** Help offered: what the author can help with (SKILLS in packages/core). */
  skills?: string[];
  replies?: { author: string; body: string; hoursAgo: number }[];
  /** Reactions by user key. */
  reactions?: Record<string, "heart" | "thumbs_up" | "thanks" | "smile">;
}

export interface DemoActivity {
  neighbourhoods: string[];
  /** A user key (a resident's activity) or, with `sponsor`, the partner user who drafted it. */
  organiser: string;
  title: string;
  description: string;
  place: string;
  /** Days from today (negative: in the past), at `hour` Amsterdam time, lasting `hours`. */
  inDays: number;
  hour: number;
  hours: number;
  capacity?: number;
  /** Organisation name: a sponsored activity. */
  sponsor?: string;
  sponsorNote?: string;
  status?: "published" | "submitted";
  /** User keys, in the order they answered. */
  going?: string[];
  maybe?: string[];
}

export interface DemoTenant {
  slug: string;
  name: string;
  tagline: string;
  primaryColor: string;
  accentColor: string;
  sponsorStatement: string;
  /** The corporation's own house rules, shown when joining (one per line). */
  houseRules?: string;
  neighbourhoods: { slug: string; name: string; kind: "existing" | "new_build"; city: string; description: string }[];
  /** Buildings the corporation owns inside a neighbourhood (an invite letter can be for one of them). */
  complexes?: { neighbourhood: string; code: string; name: string; street: string; houseNumbers: { from: number; to: number }; postcode: string }[];
  /** Organisations; `serves` lists the neighbourhoods (slugs) a local or care organisation works in. */
  partners: { name: string; kind: "sponsor" | "local" | "care"; description: string; website?: string; serves?: string[] }[];
  users: DemoUser[];
  posts: DemoPost[];
  activities?: DemoActivity[];
  /** Early warning: the coordinator and privacy officer (user keys), routing rules and a few signals. */
  care?: DemoCare;
}

export interface DemoCare {
  coordinator: string;
  privacyOfficer: string;
  /** category null: every category. */
  rules: { neighbourhood: string; organisation: string; category: string | null }[];
  signals: {
    reporter: string;
    category: string;
    about: "neighbour" | "myself";
    neighbourhood: string;
    description: string;
    noticed: string[];
    contact?: string;
    status: "new" | "acknowledged";
    hoursAgo: number;
  }[];
}

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: "delinde",
    name: "Woonstichting De Linde",
    tagline: "Samen maken we de buurt.",
    primaryColor: "#1f6f5c",
    accentColor: "#f2b134",
    sponsorStatement: "Buurtplein De Linde wordt mogelijk gemaakt door Woonstichting De Linde, met steun van Bakkerij Van Dam.",
    houseRules: "Fietsen horen in de fietsenstalling, niet in de gang.\nGrofvuil zet je buiten op maandagavond, niet eerder.",
    neighbourhoods: [
      { slug: "lindenhof", name: "Lindenhof", kind: "existing", city: "Amersfoort", description: "De buurt rond het Lindenplein en de Hofstraat." },
      { slug: "parkzicht", name: "Parkzicht", kind: "new_build", city: "Amersfoort", description: "Nieuwbouw aan het park: oplevering voorjaar 2027." },
    ],
    complexes: [
      { neighbourhood: "lindenhof", code: "LH-A", name: "Lindenhof flat A", street: "Hofstraat", houseNumbers: { from: 2, to: 40 }, postcode: "3817 AB" },
      { neighbourhood: "lindenhof", code: "LH-B", name: "Lindenhof flat B", street: "Lindenplein", houseNumbers: { from: 1, to: 25 }, postcode: "3817 AC" },
      { neighbourhood: "lindenhof", code: "LH-C", name: "Lindenhof hofjes", street: "Lindenstraat", houseNumbers: { from: 3, to: 57 }, postcode: "3817 AD" },
      { neighbourhood: "parkzicht", code: "PZ-1", name: "Parkzicht blok 1", street: "Parklaan", houseNumbers: { from: 1, to: 31 }, postcode: "3818 PA" },
      { neighbourhood: "parkzicht", code: "PZ-2", name: "Parkzicht blok 2", street: "Parklaan", houseNumbers: { from: 33, to: 61 }, postcode: "3818 PA" },
    ],
    partners: [
      { name: "Buurthuis De Boog", kind: "local", description: "Koffieochtenden, taalcafé en de klusbus.", website: "https://example.org/deboog", serves: ["lindenhof"] },
      { name: "Bakkerij Van Dam", kind: "sponsor", description: "Sponsort de burendag en de zomermarkt." },
      { name: "Wijkteam Amersfoort-Noord", kind: "care", description: "Hulp bij zorg, geld en wonen.", serves: ["lindenhof", "parkzicht"] },
    ],
    users: [
      { key: "admin", displayName: "Marieke Smit", email: "beheer@delinde.example", role: "admin", neighbourhoods: [] },
      { key: "moderator", displayName: "Sanne Bakker", email: "sanne@delinde.example", role: "moderator", neighbourhoods: [] },
      { key: "anna", displayName: "Anna de Vries", email: "anna@delinde.example", role: "resident", street: "Lindenstraat", neighbourhoods: ["lindenhof"] },
      { key: "mohamed", displayName: "Mohamed El Amrani", email: "mohamed@delinde.example", role: "ambassador", street: "Hofstraat", neighbourhoods: ["lindenhof"] },
      { key: "joop", displayName: "Joop Hendriks", email: "joop@delinde.example", role: "resident", street: "Lindenplein", neighbourhoods: ["lindenhof"] },
      { key: "els", displayName: "Els Jansen", email: "els@delinde.example", role: "prospective", neighbourhoods: ["parkzicht"] },
      { key: "bram", displayName: "Bram Mulder", email: "bram@delinde.example", role: "prospective", neighbourhoods: ["parkzicht"] },
      { key: "karin", displayName: "Karin Bos (Buurthuis De Boog)", email: "karin@delinde.example", role: "partner", neighbourhoods: [], organisation: "Buurthuis De Boog" },
      { key: "wijkteam", displayName: "Wijkteam Amersfoort-Noord", email: "wijkteam@delinde.example", role: "care_partner", neighbourhoods: [], organisation: "Wijkteam Amersfoort-Noord" },
      { key: "privacy", displayName: "Ilse de Wit (privacyfunctionaris)", email: "privacy@delinde.example", role: "moderator", neighbourhoods: [] },
    ],
    posts: [
      {
        neighbourhood: "lindenhof",
        author: "moderator",
        kind: "announcement",
        title: "Burendag zaterdag 26 september",
        body: "Op het Lindenplein staan koffie en taart klaar vanaf 10 uur. Iedereen is welkom!",
        hoursAgo: 70,
        pinned: true,
        replies: [{ author: "joop", body: "Ik neem mijn appeltaart mee!", hoursAgo: 60 }],
        reactions: { anna: "heart", joop: "heart", mohamed: "thumbs_up" },
      },
      {
        neighbourhood: "lindenhof",
        author: "anna",
        kind: "question",
        title: "Wie kent een goede fietsenmaker?",
        body: "Mijn achterband is lek en ik kan hem zelf niet plakken. Tips in de buurt?",
        hoursAgo: 30,
        replies: [
          { author: "mohamed", body: "Fietsenmaker Ali aan de Hofstraat. Snel en niet duur.", hoursAgo: 28 },
          { author: "anna", body: "Dank je! Ik ga er morgen langs.", hoursAgo: 27 },
        ],
        reactions: { mohamed: "thanks" },
      },
      { neighbourhood: "lindenhof", author: "joop", kind: "offer", title: "Tuinstoelen te geef", body: "Vier tuinstoelen, nog goed. Ophalen aan het Lindenplein.", hoursAgo: 26 },
      { neighbourhood: "lindenhof", author: "mohamed", kind: "idea", title: "Moestuin op het grasveld?", body: "Zullen we samen een moestuin beginnen op het grasveld achter de flat? Wie doet mee?", hoursAgo: 20, visibleToCorporation: true },
      {
        neighbourhood: "lindenhof",
        author: "mohamed",
        kind: "offer",
        title: "Hulp met de computer of formulieren",
        body: "Loop je vast met DigiD, een formulier of je telefoon? Ik help graag, op woensdagmiddag in het buurthuis.",
        hoursAgo: 16,
        skills: ["computer_help", "paperwork"],
        reactions: { anna: "heart", joop: "thanks" },
      },
      {
        neighbourhood: "lindenhof",
        author: "anna",
        kind: "help_request",
        title: "Hulp bij boodschappen",
        body: "Mijn buurvrouw is geopereerd. Wie kan volgende week twee keer boodschappen voor haar doen?",
        hoursAgo: 9,
        solved: true,
        replies: [
          { author: "joop", body: "Ik kan dinsdag en donderdag. Ik bel wel even aan.", hoursAgo: 8 },
          { author: "anna", body: "Geweldig, dank je Joop! Dan is het geregeld.", hoursAgo: 7 },
        ],
        reactions: { joop: "smile", mohamed: "heart" },
      },
      {
        neighbourhood: "lindenhof",
        author: "joop",
        kind: "safety",
        title: "Autodeuren geprobeerd",
        body: "Vannacht heeft iemand bij een paar auto's geprobeerd de deur open te maken. Bij mij is niets weg, maar let even op.",
        hoursAgo: 5,
        safety: { where: "Parkeerplaats achter de Hofstraat", hoursAgo: 8, behaviour: "Liep langs de geparkeerde auto's, voelde aan de deuren en ging richting het park." },
        visibleToCorporation: true,
        reactions: { anna: "thanks" },
      },
      // Search finds it with and without the accent: /zoeken?q=cafe (issue 11).
      { neighbourhood: "lindenhof", author: "anna", kind: "idea", title: "Koffie in het buurtcafé", body: "Zullen we elke eerste zaterdag samen koffie drinken in het café op het plein? Iedereen is welkom.", hoursAgo: 30 },
      { neighbourhood: "lindenhof", author: "joop", kind: "lost_found", title: "Sleutelbos gevonden", body: "Bij de fietsenstalling van nummer 12. Af te halen bij mij.", hoursAgo: 4 },
      { neighbourhood: "lindenhof", author: "mohamed", kind: "message", body: "Dank aan iedereen die zaterdag zwerfafval heeft opgeruimd. De buurt ziet er weer top uit!", hoursAgo: 2, visibleToCorporation: true },
      { neighbourhood: "parkzicht", author: "moderator", kind: "announcement", title: "Welkom, toekomstige buren", body: "Hier leren jullie elkaar al kennen vóór de oplevering. Deel je wensen voor het park en de gemeenschappelijke ruimte.", hoursAgo: 50 },
      { neighbourhood: "parkzicht", author: "els", kind: "idea", title: "Deelbakfiets", body: "Zou een deelbakfiets voor het hele complex iets zijn? Ik zou hem zeker gebruiken.", hoursAgo: 12, visibleToCorporation: true },
      { neighbourhood: "parkzicht", author: "bram", kind: "message", body: "Ik verhuis in april met mijn dochter. Leuk om al wat namen te kennen!", hoursAgo: 6 },
    ],
    care: {
      coordinator: "moderator",
      privacyOfficer: "privacy",
      rules: [{ neighbourhood: "lindenhof", organisation: "Wijkteam Amersfoort-Noord", category: null }],
      signals: [
        {
          reporter: "joop",
          category: "loneliness",
          about: "neighbour",
          neighbourhood: "lindenhof",
          description: "Mijn buurman op nummer 12 zie ik al twee weken niet meer. De gordijnen blijven dicht en de post ligt achter de deur.",
          noticed: ["curtains_closed", "post_piling_up", "not_seen"],
          contact: "06 12345678",
          status: "new",
          hoursAgo: 5,
        },
        {
          reporter: "anna",
          category: "money",
          about: "myself",
          neighbourhood: "lindenhof",
          description: "Ik krijg mijn rekeningen niet meer betaald sinds ik minder uren werk. Ik weet niet waar ik moet beginnen.",
          noticed: [],
          status: "acknowledged",
          hoursAgo: 30,
        },
      ],
    },
    activities: [
      {
        neighbourhoods: ["lindenhof"],
        organiser: "mohamed",
        title: "Moestuin aanleggen",
        description: "We zetten samen de eerste bakken neer op het grasveld achter de flat. Handschoenen en koffie zijn er.",
        place: "Grasveld achter Lindenhof flat A",
        inDays: 5,
        hour: 10,
        hours: 3,
        capacity: 2,
        going: ["mohamed", "joop", "anna"],
      },
      {
        neighbourhoods: ["lindenhof"],
        organiser: "anna",
        title: "Burenbarbecue",
        description: "Neem iets mee voor op de barbecue of een salade. Voor kinderen is er limonade.",
        place: "Lindenplein",
        inDays: 12,
        hour: 17,
        hours: 4,
        maybe: ["joop"],
      },
      {
        neighbourhoods: ["lindenhof"],
        organiser: "mohamed",
        title: "Zwerfafval opruimen",
        description: "Een uurtje samen de buurt schoonmaken. Grijpers en vuilniszakken liggen klaar.",
        place: "Start bij de fietsenstalling",
        inDays: -3,
        hour: 10,
        hours: 1,
        going: ["anna", "joop"],
      },
      {
        neighbourhoods: ["lindenhof"],
        organiser: "karin",
        sponsor: "Buurthuis De Boog",
        sponsorNote: "Buurthuis De Boog zorgt voor koffie, thee en vrijwilligers.",
        title: "Taalcafé",
        description: "Nederlands oefenen in een gezellige groep, op je eigen niveau. Iedereen is welkom.",
        place: "Buurthuis De Boog, Hofstraat 12",
        inDays: 3,
        hour: 14,
        hours: 2,
        status: "published",
        going: ["anna"],
      },
      {
        neighbourhoods: ["lindenhof"],
        organiser: "karin",
        sponsor: "Buurthuis De Boog",
        title: "Klusbus op het plein",
        description: "Gratis gereedschap lenen en hulp bij kleine klussen in huis.",
        place: "Lindenplein",
        inDays: 20,
        hour: 13,
        hours: 3,
        status: "submitted",
      },
      {
        neighbourhoods: ["parkzicht"],
        organiser: "els",
        title: "Kennismakingsborrel toekomstige buren",
        description: "Alvast kennismaken met de mensen die naast je komen wonen.",
        place: "Bouwkeet Parkzicht (ingang Parklaan)",
        inDays: 9,
        hour: 19,
        hours: 2,
        going: ["bram"],
      },
    ],
  },
  {
    slug: "havenstad",
    name: "Havenstad Wonen",
    tagline: "Wonen aan het water, samen met je buren.",
    primaryColor: "#1d4e89",
    accentColor: "#e07a1f",
    sponsorStatement: "Buurtplein Havenstad is een initiatief van Havenstad Wonen, met steun van Sportclub De Haven.",
    neighbourhoods: [
      { slug: "kadekwartier", name: "Kadekwartier", kind: "existing", city: "Rotterdam", description: "De straten tussen de Oude Kade en de Dokweg." },
      { slug: "nieuwe-werf", name: "Nieuwe Werf", kind: "new_build", city: "Rotterdam", description: "Nieuwbouw op de oude scheepswerf: eerste woningen in 2028." },
    ],
    complexes: [
      { neighbourhood: "kadekwartier", code: "KK-01", name: "Kadeflat", street: "Oude Kade", houseNumbers: { from: 1, to: 88 }, postcode: "3011 KA" },
      { neighbourhood: "kadekwartier", code: "KK-02", name: "Dokwegblokken", street: "Dokweg", houseNumbers: { from: 2, to: 64 }, postcode: "3011 KB" },
    ],
    partners: [
      { name: "Sportclub De Haven", kind: "sponsor", description: "Gratis sportmiddagen voor kinderen uit de buurt." },
      { name: "Wijkteam Havenstad", kind: "care", description: "Het wijkteam voor zorg en ondersteuning.", serves: ["kadekwartier", "nieuwe-werf"] },
    ],
    users: [
      { key: "admin", displayName: "Ruud Verbeek", email: "beheer@havenstad.example", role: "admin", neighbourhoods: [] },
      { key: "moderator", displayName: "Yasmina Ouali", email: "yasmina@havenstad.example", role: "moderator", neighbourhoods: [] },
      { key: "pieter", displayName: "Pieter Visser", email: "pieter@havenstad.example", role: "resident", street: "Oude Kade", neighbourhoods: ["kadekwartier"] },
      { key: "fatima", displayName: "Fatima Yilmaz", email: "fatima@havenstad.example", role: "resident", street: "Dokweg", neighbourhoods: ["kadekwartier"] },
      { key: "kees", displayName: "Kees de Boer", email: "kees@havenstad.example", role: "prospective", neighbourhoods: ["nieuwe-werf"] },
    ],
    posts: [
      {
        neighbourhood: "kadekwartier",
        author: "moderator",
        kind: "announcement",
        title: "Onderhoud liften Dokweg",
        body: "Van 3 tot 5 november wordt de lift in blok B vervangen. Hulp nodig met trappen? Laat het ons weten.",
        hoursAgo: 48,
        pinned: true,
        reactions: { pieter: "thumbs_up" },
      },
      {
        neighbourhood: "kadekwartier",
        author: "pieter",
        kind: "help_request",
        title: "Wie helpt met een kast tillen?",
        body: "Zaterdagochtend, tien minuten werk. Koffie staat klaar!",
        hoursAgo: 22,
        replies: [{ author: "fatima", body: "Mijn zoon komt helpen, rond tien uur?", hoursAgo: 20 }],
        reactions: { fatima: "heart" },
      },
      { neighbourhood: "kadekwartier", author: "fatima", kind: "offer", title: "Kinderkleding maat 98-104", body: "Een tas vol, gratis af te halen aan de Dokweg.", hoursAgo: 15 },
      { neighbourhood: "kadekwartier", author: "pieter", kind: "question", body: "Weet iemand wanneer het grofvuil weer wordt opgehaald?", hoursAgo: 5, visibleToCorporation: true },
      { neighbourhood: "kadekwartier", author: "fatima", kind: "message", title: "Kaderun", body: "Zondag rennen we weer een rondje langs de kade. Start 9 uur bij het bruggetje.", hoursAgo: 3 },
      { neighbourhood: "nieuwe-werf", author: "kees", kind: "idea", title: "Een gezamenlijke werkplaats", body: "Op de oude werf past een buurtwerkplaats. Wie denkt mee?", hoursAgo: 8, visibleToCorporation: true },
    ],
    activities: [
      {
        neighbourhoods: ["kadekwartier"],
        organiser: "fatima",
        title: "Kaderun",
        description: "Een rustig rondje van 5 kilometer langs de kade. Wandelen mag ook.",
        place: "Bij het bruggetje aan de Oude Kade",
        inDays: 4,
        hour: 9,
        hours: 1,
        capacity: 12,
        going: ["fatima", "pieter"],
      },
      {
        neighbourhoods: ["kadekwartier"],
        organiser: "pieter",
        title: "Repaircafé",
        description: "Kapotte lamp of broek? Samen maken we het weer heel.",
        place: "Buurtkamer Dokweg 4",
        inDays: -6,
        hour: 13,
        hours: 3,
        going: ["fatima"],
      },
    ],
  },
];
