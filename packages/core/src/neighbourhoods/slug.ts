// A neighbourhood's web address (/buurt/<slug>) made from its name: lower case, diacritics folded
// ("Zuidoever-Ŕé" → "zuidoever-re"), anything else a single dash; unique within the corporation.

const LETTER_REPLACEMENTS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };
export const MAX_SLUG_LENGTH = 60;

/** Lower case, without diacritics, with runs of spaces made one: for comparing names ("Église" = "eglise"). */
export function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => LETTER_REPLACEMENTS[letter] ?? letter)
    .replace(/\s+/g, " ")
    .trim();
}

/** The slug a name gives: "Oud-Zuid (Noord)" → "oud-zuid-noord"; "buurt" when nothing is left. */
export function slugFromName(name: string): string {
  const slug = foldName(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, "");
  return slug || "buurt";
}

/** `base`, or `base-2`, `base-3`, … : the first one not taken. */
export function uniqueSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/g, "")}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
