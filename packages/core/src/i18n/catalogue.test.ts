// The catalogue is complete: every key in both languages, no empty text, the same placeholders, a text
// for every error code, and every key the sources use (t("…"), AppError messages, zod messages, mail
// texts) defined.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ERROR_STATUS } from "../errors/app-error.ts";
import { MESSAGES, translate } from "./messages.ts";

function leaves(node: unknown, path = ""): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      for (const [leaf, text] of leaves(value, path ? `${path}.${key}` : key)) found.set(leaf, text);
    }
  } else {
    found.set(path, node);
  }
  return found;
}

const nl = leaves(MESSAGES.nl);
const en = leaves(MESSAGES.en);
const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe("the message catalogue", () => {
  it("has every key in both languages", () => {
    expect([...en.keys()].filter((key) => !nl.has(key))).toEqual([]);
    expect([...nl.keys()].filter((key) => !en.has(key))).toEqual([]);
  });

  it("has no empty text, and the same placeholders in both languages", () => {
    for (const [key, text] of [...nl, ...en]) {
      expect(typeof text === "string" && text.trim() !== "", `empty or not text: ${key}`).toBe(true);
    }
    for (const [key, text] of nl) expect(placeholders(en.get(key)), key).toEqual(placeholders(text));
  });

  it("has a text for every error code", () => {
    for (const code of Object.keys(ERROR_STATUS)) {
      expect(nl.has(`errors.${code}`), code).toBe(true);
    }
  });

  it("fills placeholders and falls back to the key only for unknown keys", () => {
    expect(translate("en", "apiErrors.invites.monthlyLimit", { limit: 3 })).toContain("already invited 3 neighbours");
    expect(translate("nl", "errors.not_found")).toBe("Dit bestaat niet (meer).");
  });
});

// --- keys used in the sources ---------------------------------------------------------------------

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const SKIP = new Set(["node_modules", "build", "dist", ".wrangler", ".react-router", ".data", "toolchain"]);
const CATALOGUE_DIR = fileURLToPath(new URL("./catalogue/", import.meta.url));

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !path.startsWith(CATALOGUE_DIR)) files.push(path);
  }
  return files;
}

/** Literal keys: t("…") calls (any namespace) and any string naming an API, validation or mail text. */
function usedKeys(source: string): string[] {
  const keys: string[] = [];
  for (const match of source.matchAll(/\bt\(\s*(["'`])([\w.-]+)\1/g)) keys.push(match[2]!);
  for (const match of source.matchAll(/(["'`])((?:errors|apiErrors|apiMessages|validation|mail)\.[\w.]+)\1/g)) keys.push(match[2]!);
  return keys;
}

function isDefined(tree: Record<string, unknown>, key: string): boolean {
  const find = (path: string) => path.split(".").reduce<unknown>((node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined), tree);
  // i18next plurals: a key "count" used with { count } reads count_one / count_other.
  return find(key) !== undefined || find(`${key}_other`) !== undefined;
}

describe("keys used in the sources", () => {
  const files = ["apps", "packages", "infra", "e2e"].flatMap((dir) => sourceFiles(join(ROOT, dir)));
  const uses = files.flatMap((file) => usedKeys(readFileSync(file, "utf8")).map((key) => ({ key, file: relative(ROOT, file) })));

  it("finds the sources (the scan itself works)", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(uses.some((use) => use.key === "common.loading")).toBe(true);
    expect(uses.some((use) => use.key.startsWith("validation."))).toBe(true);
    expect(uses.some((use) => use.key.startsWith("apiErrors."))).toBe(true);
  });

  it("are defined in both languages", () => {
    const missing = uses.filter((use) => !isDefined(MESSAGES.nl, use.key) || !isDefined(MESSAGES.en, use.key));
    expect(missing).toEqual([]);
  });
});
