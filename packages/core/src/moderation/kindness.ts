// The kindness prompt: before a post or reply with words from the corporation's list goes out, its
// author is asked to rephrase (and may still post). Defaults in Dutch and English; admins edit the list.

export const DEFAULT_KINDNESS_WORDS: readonly string[] = [
  // Dutch
  "idioot",
  "debiel",
  "kankerlijer",
  "kut",
  "sukkel",
  "oprotten",
  "rot op",
  "tyfus",
  "klootzak",
  "hou je bek",
  "stom wijf",
  "lul",
  // English
  "idiot",
  "stupid",
  "moron",
  "shut up",
  "loser",
  "get lost",
  "dumb",
];

export const KINDNESS_WORDS_MAX = 200;
export const KINDNESS_WORD_LENGTH_MAX = 60;

/** Lower case without accents, so "idióót" matches "idioot". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** A stored list (one entry a line) as words; null means the defaults. */
export function parseKindnessWords(stored: string | null | undefined): string[] {
  if (stored === null || stored === undefined) return [...DEFAULT_KINDNESS_WORDS];
  return [...new Set(stored.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0))];
}

/** The list's words found in the text as whole words or phrases (empty: no prompt). */
export function kindnessMatches(text: string, words: readonly string[]): string[] {
  const folded = fold(text);
  return words.filter((word) => {
    const needle = fold(word.trim());
    if (!needle) return false;
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, "u").test(folded);
  });
}
