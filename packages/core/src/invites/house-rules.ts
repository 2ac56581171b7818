// The house rules every new member accepts when joining (plain Dutch, B1; English alongside).

export const HOUSE_RULES = {
  nl: {
    title: "Huisregels van het Buurtplein",
    rules: [
      "Wees vriendelijk en behulpzaam. Behandel je buren zoals je zelf behandeld wilt worden.",
      "Geen schelden, pesten, bedreigen of discrimineren. Ook niet als je boos bent.",
      "Deel niets over anderen zonder hun toestemming: geen adressen, huisnummers, foto's van mensen of privézaken.",
      "Schrijf over wat iemand doet, niet over hoe iemand eruitziet.",
      "Geen reclame of verkoop voor je bedrijf. Spullen weggeven, ruilen of lenen mag wel.",
      "Is er gevaar of een noodgeval? Bel 112. Het Buurtplein is daar niet voor bedoeld.",
      "Zie je iets wat niet klopt? Meld het aan de beheerder. Berichten die de regels breken, halen we weg en we leggen uit waarom.",
    ],
  },
  en: {
    title: "House rules of the Buurtplein",
    rules: [
      "Be kind and helpful. Treat your neighbours the way you would like to be treated.",
      "No insults, bullying, threats or discrimination. Not even when you are angry.",
      "Do not share anything about others without their permission: no addresses, house numbers, photos of people or private matters.",
      "Write about what someone does, not about what someone looks like.",
      "No advertising or sales for your business. Giving away, swapping or lending things is fine.",
      "Danger or an emergency? Call 112. The Buurtplein is not meant for that.",
      "See something that is not right? Report it to the moderator. We remove posts that break the rules and explain why.",
    ],
  },
} as const;

export type HouseRules = { title: string; rules: readonly string[] };
