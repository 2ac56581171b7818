// The fields of a complex (a building the corporation owns), checked the same way whether an admin
// types them or they come from a CSV file: complex code, name, street, house-number range, postcode.
import type { MessageKey } from "../i18n/messages.ts";

export interface HouseNumberRange {
  from: number;
  to: number;
}

export interface ComplexFields {
  /** The corporation's own code for the building, upper case ("LH-A"): the key of an import. */
  code: string;
  name: string;
  street: string | null;
  houseNumbers: HouseNumberRange | null;
  /** "1234 AB" */
  postcode: string | null;
}

export type RawComplexFields = { [K in keyof ComplexFields]?: string | null | undefined };
export type ComplexField = keyof ComplexFields;

type Check<T> = { ok: true; value: T } | { ok: false; error: MessageKey };

const MAX_HOUSE_NUMBER = 99_999;

/** A complex code: letters, digits and . - _ / (no spaces at the ends), at most 30; upper-cased. */
export function parseComplexCode(raw: string): Check<string> {
  const code = raw.trim().toUpperCase();
  if (code === "") return { ok: false, error: "validation.complex.codeMissing" };
  if (code.length > 30) return { ok: false, error: "validation.complex.codeTooLong" };
  if (!/^[A-Z0-9](?:[A-Z0-9._\-/ ]*[A-Z0-9])?$/.test(code)) return { ok: false, error: "validation.complex.codeShape" };
  return { ok: true, value: code.replace(/\s+/g, " ") };
}

/**
 * A Dutch postcode: four digits (not starting with 0) and two letters, with or without a space, any
 * case; SA, SD and SS are never issued. Written as "1234 AB".
 */
export function parsePostcode(raw: string): Check<string> {
  const match = /^([1-9][0-9]{3})\s*([a-zA-Z]{2})$/.exec(raw.trim());
  if (!match) return { ok: false, error: "validation.complex.postcodeShape" };
  const letters = match[2]!.toUpperCase();
  if (letters === "SA" || letters === "SD" || letters === "SS") return { ok: false, error: "validation.complex.postcodeShape" };
  return { ok: true, value: `${match[1]} ${letters}` };
}

/** "2-40", "2–40" (en dash, as Excel and Word make it), "2 t/m 40", or one number "12". */
export function parseHouseNumberRange(raw: string): Check<HouseNumberRange> {
  const text = raw.trim();
  const match = /^(\d{1,6})(?:\s*(?:-|–|—|t\/m|tot en met|to)\s*(\d{1,6}))?$/i.exec(text);
  if (!match) return { ok: false, error: "validation.complex.houseNumbersShape" };
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < 1 || to > MAX_HOUSE_NUMBER) return { ok: false, error: "validation.complex.houseNumbersShape" };
  if (to < from) return { ok: false, error: "validation.complex.houseNumbersOrder" };
  return { ok: true, value: { from, to } };
}

/** "2–40", or "12" for a single number. */
export function formatHouseNumberRange(range: HouseNumberRange | null): string {
  if (!range) return "";
  return range.from === range.to ? String(range.from) : `${range.from}–${range.to}`;
}

/** The address line shown on invite letters: "Hofstraat 2–40". */
export function complexAddress(fields: Pick<ComplexFields, "street" | "houseNumbers">): string | null {
  if (!fields.street) return null;
  const numbers = formatHouseNumberRange(fields.houseNumbers);
  return numbers ? `${fields.street} ${numbers}` : fields.street;
}

/**
 * Checks every field; the complex when all are right, otherwise a message per field. Street, house
 * numbers and postcode may be empty; house numbers need a street.
 */
export function checkComplexFields(raw: RawComplexFields): { ok: true; complex: ComplexFields } | { ok: false; fields: Partial<Record<ComplexField, MessageKey>> } {
  const fields: Partial<Record<ComplexField, MessageKey>> = {};
  const text = (value: string | null | undefined) => (value ?? "").trim();

  const code = parseComplexCode(text(raw.code));
  if (!code.ok) fields.code = code.error;

  const name = text(raw.name);
  if (name.length === 0) fields.name = "validation.complex.nameMissing";
  else if (name.length < 2) fields.name = "validation.complex.nameTooShort";
  else if (name.length > 80) fields.name = "validation.complex.nameTooLong";

  const street = text(raw.street);
  if (street.length > 80) fields.street = "validation.complex.streetTooLong";

  let houseNumbers: HouseNumberRange | null = null;
  if (text(raw.houseNumbers) !== "") {
    const range = parseHouseNumberRange(text(raw.houseNumbers));
    if (!range.ok) fields.houseNumbers = range.error;
    else if (street === "") fields.houseNumbers = "validation.complex.houseNumbersNeedStreet";
    else houseNumbers = range.value;
  }

  let postcode: string | null = null;
  if (text(raw.postcode) !== "") {
    const parsed = parsePostcode(text(raw.postcode));
    if (!parsed.ok) fields.postcode = parsed.error;
    else postcode = parsed.value;
  }

  if (Object.keys(fields).length > 0 || !code.ok) return { ok: false, fields };
  return { ok: true, complex: { code: code.value, name, street: street || null, houseNumbers, postcode } };
}
