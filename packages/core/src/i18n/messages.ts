// One catalogue per language for every human message: the pages (web app), the API's errors and
// answers, the input checks and the e-mails. Each part keeps Dutch and English side by side and is typed
// so English has exactly Dutch's keys; here the parts are merged into one tree per language.
import { nl as pagesNl } from "./catalogue/pages.nl.ts";
import { en as pagesEn } from "./catalogue/pages.en.ts";
import { accessMessages } from "./catalogue/access.ts";
import { invitesMessages } from "./catalogue/invites.ts";
import { careMessages } from "./catalogue/care.ts";
import { apiMessages } from "./catalogue/api.ts";
import { mailMessages } from "./catalogue/mail.ts";
import { neighbourhoodsMessages } from "./catalogue/neighbourhoods.ts";
import { staffMessages } from "./catalogue/staff.ts";
import { brandingMessages } from "./catalogue/branding.ts";
import { operatorMessages } from "./catalogue/operator.ts";
import { postsMessages } from "./catalogue/posts.ts";
import { activitiesMessages } from "./catalogue/activities.ts";
import { notificationsMessages } from "./catalogue/notifications.ts";
import { domainsMessages } from "./catalogue/domains.ts";
import { mediaMessages } from "./catalogue/media.ts";
import { moderationMessages } from "./catalogue/moderation.ts";
import { participationMessages } from "./catalogue/participation.ts";

export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return value === "nl" || value === "en";
}

type Tree = { readonly [key: string]: unknown };

/** Merges catalogue parts; two parts may share a group (e.g. `errors`) but never a key. */
function mergeParts(parts: Tree[], path = ""): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = merged[key];
      const isGroup = (item: unknown): item is Tree => typeof item === "object" && item !== null && !Array.isArray(item);
      if (existing === undefined) merged[key] = value;
      else if (isGroup(existing) && isGroup(value)) merged[key] = mergeParts([existing, value], `${path}${key}.`);
      else throw new Error(`message key defined twice: ${path}${key}`);
    }
  }
  return merged;
}

const PARTS = [
  { nl: pagesNl, en: pagesEn },
  accessMessages,
  invitesMessages,
  apiMessages,
  mailMessages,
  neighbourhoodsMessages,
  staffMessages,
  brandingMessages,
  operatorMessages,
  postsMessages,
  activitiesMessages,
  notificationsMessages,
  domainsMessages,
  mediaMessages,
  careMessages,
  moderationMessages,
  participationMessages,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;
/** Every part's Dutch tree in one type (a new part only needs its line in PARTS). */
type DutchTree = UnionToIntersection<(typeof PARTS)[number]["nl"]>;

/** Every language's whole catalogue (the web app hands these to i18next as its resources). */
export const MESSAGES: Record<Language, Record<string, unknown>> = {
  nl: mergeParts(PARTS.map((part) => part.nl)),
  en: mergeParts(PARTS.map((part) => part.en)),
};

type KeysOf<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : T[K] extends readonly unknown[] ? never : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A dotted key of one text in the catalogue, e.g. "errors.not_found" or "validation.email.invalid". */
export type MessageKey = KeysOf<DutchTree>;

export type MessageParams = Record<string, string | number>;

function lookup(tree: Record<string, unknown>, key: string): unknown {
  let node: unknown = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Whether `key` names one text (in Dutch, which every language mirrors). */
export function isMessageKey(key: string): key is MessageKey {
  return typeof lookup(MESSAGES.nl, key) === "string";
}

/**
 * The text for `key` in `language`, with {{name}} placeholders filled from `params` (the same syntax
 * i18next uses on the pages). A text missing in a language falls back to Dutch; an unknown key stays
 * itself, which the catalogue test prevents.
 */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const found = lookup(MESSAGES[language], key) ?? lookup(MESSAGES.nl, key);
  const text = typeof found === "string" ? found : key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
