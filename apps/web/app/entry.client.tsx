import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { DICTIONARY_ELEMENT_ID, DictionaryContext, isLocale, type Dictionary } from "./i18n/i18n.ts";

// Only pages that ask for JavaScript (a route's `handle.hydrate`, see root.tsx) load this. The page
// carries its reader's dictionary, and only that one; the bundle carries none.
const locale = document.documentElement.lang;
const dictionary = JSON.parse(document.getElementById(DICTIONARY_ELEMENT_ID)?.textContent ?? "{}") as Dictionary;
const dictionaries = isLocale(locale) ? { [locale]: dictionary } : {};

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <DictionaryContext.Provider value={dictionaries}>
        <HydratedRouter />
      </DictionaryContext.Provider>
    </StrictMode>,
  );
});
