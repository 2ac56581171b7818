// Search (issue 11, decision 025): what someone types becomes a safe FTS5 query, and the index's
// snippet (with its match markers) becomes HTML with <mark> around the matches and everything else
// escaped. Accents are folded by the index itself (unicode61 remove_diacritics 2), so "cafe" finds "café".

/** Longer queries are refused (422). */
export const SEARCH_QUERY_MAX = 200;
/** At most this many words are searched (all of them must occur). */
export const SEARCH_MAX_TERMS = 8;
/** What the index puts around a match in a snippet: control characters nobody types. */
export const SNIPPET_START = "\u0002";
export const SNIPPET_END = "\u0003";

/**
 * The FTS5 query for what someone typed: its words (letters and digits), each as a quoted prefix
 * ("cafe"* finds café and cafés), all required; no FTS syntax of the user's ever reaches the index.
 * Null when there is no word to search for.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = [...new Set(words.map((word) => word.toLowerCase()))].slice(0, SEARCH_MAX_TERMS);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term}"*`).join(" ");
}

export interface SnippetPart {
  text: string;
  /** A match of the query. */
  hit: boolean;
}

/** A snippet of the index as parts: text between SNIPPET_START and SNIPPET_END is a hit. Stray markers are dropped. */
export function snippetParts(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let text = "";
  const flush = () => {
    if (text) parts.push({ text, hit });
    text = "";
  };
  for (const character of raw) {
    if (character === SNIPPET_START && !hit) {
      flush();
      hit = true;
    } else if (character === SNIPPET_END && hit) {
      flush();
      hit = false;
    } else if (character !== SNIPPET_START && character !== SNIPPET_END) {
      text += character;
    }
  }
  flush();
  return parts;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeSnippetText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** The snippet as HTML: every text escaped, matches in <mark>. Safe to put in a page as is. */
export function snippetHtml(raw: string): string {
  return snippetParts(raw)
    .map((part) => (part.hit ? `<mark>${escapeSnippetText(part.text)}</mark>` : escapeSnippetText(part.text)))
    .join("");
}
