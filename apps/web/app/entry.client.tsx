import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { DICTIONARY_ELEMENT_ID, DictionaryContext, isLocale, type Dictionaries, type Dictionary } from "./i18n/i18n.ts";

// Only pages that ask for JavaScript (a route's `handle.hydrate`, see root.tsx) load this. The page
// carries the dictionaries of the languages it shows (its reader's, and the letter's second one);
// the bundle carries none.
const carried = JSON.parse(document.getElementById(DICTIONARY_ELEMENT_ID)?.textContent ?? "{}") as Record<string, Dictionary>;
const dictionaries: Dictionaries = Object.fromEntries(Object.entries(carried).filter(([language]) => isLocale(language)));

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
