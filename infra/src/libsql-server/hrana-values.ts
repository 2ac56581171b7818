// Conversion between Hrana JSON values and the JS values the `libsql` package binds/returns.
// Integers travel as decimal strings (64-bit safe); we read them with safeIntegers(true) as bigint.
import { randomBytes } from "node:crypto";
import { HranaFailure, isWireObject, type HranaValue } from "./hrana-protocol.ts";

/** What we bind to / read from libsql. Never pass anything else to libsql: e.g. a boolean panics it. */
export type SqlValue = null | bigint | number | string | Buffer;

const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

export function decodeValue(wire: unknown): SqlValue {
  if (!isWireObject(wire)) throw new HranaFailure("A value must be a JSON object", "PROTO_ERROR");
  switch (wire.type) {
    case "null":
      return null;
    case "integer": {
      const raw = wire.value;
      const text = typeof raw === "number" && Number.isSafeInteger(raw) ? String(raw) : raw;
      if (typeof text !== "string" || !/^-?\d{1,20}$/.test(text)) {
        throw new HranaFailure(`Invalid integer value: ${JSON.stringify(raw)}`, "PROTO_ERROR");
      }
      const value = BigInt(text);
      if (value < MIN_INT64 || value > MAX_INT64) {
        throw new HranaFailure(`Integer out of 64-bit range: ${text}`, "PROTO_ERROR");
      }
      return value;
    }
    case "float":
      // libsql binds every JS number as REAL, which is exactly Hrana's "float".
      if (typeof wire.value !== "number") throw new HranaFailure("Invalid float value", "PROTO_ERROR");
      return wire.value;
    case "text":
      if (typeof wire.value !== "string") throw new HranaFailure("Invalid text value", "PROTO_ERROR");
      return wire.value;
    case "blob":
      if (typeof wire.base64 !== "string") throw new HranaFailure("Invalid blob value", "PROTO_ERROR");
      return Buffer.from(wire.base64, "base64");
    default:
      throw new HranaFailure(`Unknown value type: ${JSON.stringify(wire.type)}`, "PROTO_ERROR");
  }
}

export function encodeValue(value: unknown): HranaValue {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  if (typeof value === "number") return { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  if (value instanceof Uint8Array) {
    return { type: "blob", base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  }
  throw new HranaFailure(`Cannot encode a value of type ${typeof value}`, "INTERNAL_ERROR");
}

// JSON has no Infinity (SQLite can produce it, e.g. 1e308*10). JSON.stringify would write `null`, which the
// client rejects; `1e999` is valid JSON that JSON.parse reads back as Infinity.
const INFINITY_MARK = `\u0000inf-${randomBytes(6).toString("hex")}`;
const QUOTED_POS = JSON.stringify(`${INFINITY_MARK}+`);
const QUOTED_NEG = JSON.stringify(`${INFINITY_MARK}-`);

export function stringifyHranaJson(body: unknown): string {
  let sawInfinity = false;
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (typeof value === "number" && !Number.isFinite(value) && !Number.isNaN(value)) {
      sawInfinity = true;
      return `${INFINITY_MARK}${value > 0 ? "+" : "-"}`;
    }
    return value;
  });
  return sawInfinity ? text.replaceAll(QUOTED_POS, "1e999").replaceAll(QUOTED_NEG, "-1e999") : text;
}
