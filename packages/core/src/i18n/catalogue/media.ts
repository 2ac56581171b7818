// Photos on posts and search (issue 11): the photo field of the post form, alt text, upload errors,
// the search page and its results. Dutch (B1) first, English alongside.

const nl = {
  media: {
    photo: {
      label: "Foto (mag ook leeg blijven)",
      hint: "PNG, JPEG of WebP, hoogstens 10 MB. Wij halen de plaats en andere gegevens uit de foto voordat we hem bewaren.",
      altLabel: "Wat staat er op de foto?",
      altHint: "Voor buren die de foto niet kunnen zien. Bijvoorbeeld: een grijze kat op een rode bank.",
      altMissing: "Foto van een buur",
      photos: "Foto's",
    },
    errors: {
      tooBig: "Deze foto is te groot. Een foto mag hoogstens 10 MB zijn.",
      noFile: "Kies een foto om te uploaden (het veld heet file).",
      broken: "Deze foto kunnen we niet lezen. Probeer een andere foto.",
      altTooLong: "De beschrijving van de foto mag hoogstens 300 tekens zijn.",
      notFound: "Deze foto is niet gevonden.",
      notYours: "Deze foto kun je niet bij je bericht zetten. Upload hem opnieuw.",
      tooMany: "Een bericht kan hoogstens 4 foto's hebben.",
      cannotUpload: "Je kunt alleen foto's uploaden als je berichten mag plaatsen.",
    },
  },
  search: {
    link: "Zoeken",
    title: "Zoeken",
    label: "Zoek in berichten en reacties",
    hint: "Je zoekt in de buurten waar je lid bent. Accenten maken niet uit: cafe vindt ook café.",
    hintStaff: "Je zoekt alleen in wat bewoners met de corporatie delen.",
    submit: "Zoek",
    results_one: "1 resultaat voor ‘{{query}}’",
    results_other: "{{count}} resultaten voor ‘{{query}}’",
    none: "Niets gevonden voor ‘{{query}}’. Probeer een ander woord.",
    more: "Meer resultaten",
    typePost: "Bericht",
    typeReply: "Reactie",
    replyTo: "Reactie op: {{title}}",
    untitled: "Bericht",
    errors: {
      tooLong: "Zoek met hoogstens 200 tekens.",
      badCursor: "Deze pagina met resultaten bestaat niet. Zoek opnieuw.",
    },
  },
};

const en: typeof nl = {
  media: {
    photo: {
      label: "Photo (optional)",
      hint: "PNG, JPEG or WebP, at most 10 MB. We remove the location and other data from the photo before we store it.",
      altLabel: "What is in the photo?",
      altHint: "For neighbours who cannot see the photo. For example: a grey cat on a red sofa.",
      altMissing: "Photo by a neighbour",
      photos: "Photos",
    },
    errors: {
      tooBig: "This photo is too big. A photo can be at most 10 MB.",
      noFile: "Choose a photo to upload (the field is called file).",
      broken: "We cannot read this photo. Try another photo.",
      altTooLong: "The description of the photo can be at most 300 characters.",
      notFound: "This photo was not found.",
      notYours: "You cannot add this photo to your post. Upload it again.",
      tooMany: "A post can have at most 4 photos.",
      cannotUpload: "You can only upload photos if you may post.",
    },
  },
  search: {
    link: "Search",
    title: "Search",
    label: "Search posts and replies",
    hint: "You search the neighbourhoods you are a member of. Accents do not matter: cafe also finds café.",
    hintStaff: "You only search what residents share with the corporation.",
    submit: "Search",
    results_one: "1 result for ‘{{query}}’",
    results_other: "{{count}} results for ‘{{query}}’",
    none: "Nothing found for ‘{{query}}’. Try another word.",
    more: "More results",
    typePost: "Post",
    typeReply: "Reply",
    replyTo: "Reply to: {{title}}",
    untitled: "Post",
    errors: {
      tooLong: "Search with at most 200 characters.",
      badCursor: "This page of results does not exist. Search again.",
    },
  },
};

export const mediaMessages = { nl, en };
