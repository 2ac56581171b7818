import { describe, expect, it } from "vitest";
import { checkComplexFields, complexAddress, parseComplexCode, parseHouseNumberRange, parsePostcode } from "./complex-fields.ts";

describe("parsePostcode", () => {
  it.each([
    ["1234 AB", "1234 AB"],
    ["1234AB", "1234 AB"],
    ["1234ab", "1234 AB"],
    [" 3811  hk ", "3811 HK"],
  ])("reads %j as %s", (raw, postcode) => {
    expect(parsePostcode(raw)).toEqual({ ok: true, value: postcode });
  });

  it.each(["0123 AB", "123 AB", "12345 AB", "1234 A", "1234 A1", "AB 1234", "1234 SS", "1234 sa", "1234 SD", ""])("refuses %j", (raw) => {
    expect(parsePostcode(raw)).toEqual({ ok: false, error: "validation.complex.postcodeShape" });
  });
});

describe("parseHouseNumberRange", () => {
  it.each([
    ["2-40", { from: 2, to: 40 }],
    ["2–40", { from: 2, to: 40 }],
    ["2 — 40", { from: 2, to: 40 }],
    ["2 t/m 40", { from: 2, to: 40 }],
    ["12", { from: 12, to: 12 }],
    ["7-7", { from: 7, to: 7 }],
  ])("reads %j", (raw, range) => {
    expect(parseHouseNumberRange(raw)).toEqual({ ok: true, value: range });
  });

  it("refuses a range that runs backwards", () => {
    expect(parseHouseNumberRange("40-2")).toEqual({ ok: false, error: "validation.complex.houseNumbersOrder" });
  });

  it.each(["2-", "-40", "a-b", "2,4,6", "0-10", "2-100000"])("refuses %j", (raw) => {
    expect(parseHouseNumberRange(raw)).toEqual({ ok: false, error: "validation.complex.houseNumbersShape" });
  });
});

describe("parseComplexCode", () => {
  it("upper-cases and keeps letters, digits and - . _ /", () => {
    expect(parseComplexCode(" lh-a ")).toEqual({ ok: true, value: "LH-A" });
    expect(parseComplexCode("1020/3.b")).toEqual({ ok: true, value: "1020/3.B" });
  });

  it.each([
    ["", "validation.complex.codeMissing"],
    ["LH#A", "validation.complex.codeShape"],
    ["-LH", "validation.complex.codeShape"],
    ["X".repeat(31), "validation.complex.codeTooLong"],
  ])("refuses %j", (raw, error) => {
    expect(parseComplexCode(raw)).toEqual({ ok: false, error });
  });
});

describe("checkComplexFields", () => {
  it("gives the complex with its parts normalised", () => {
    expect(checkComplexFields({ code: "lh-c", name: " Lindenhof flat C ", street: "Hofstraat", houseNumbers: "42–60", postcode: "3811ab" })).toEqual({
      ok: true,
      complex: { code: "LH-C", name: "Lindenhof flat C", street: "Hofstraat", houseNumbers: { from: 42, to: 60 }, postcode: "3811 AB" },
    });
  });

  it("lets street, house numbers and postcode stay empty", () => {
    expect(checkComplexFields({ code: "A1", name: "Het Hof", street: "", houseNumbers: null })).toEqual({
      ok: true,
      complex: { code: "A1", name: "Het Hof", street: null, houseNumbers: null, postcode: null },
    });
  });

  it("names every field that is wrong", () => {
    const result = checkComplexFields({ code: "", name: "X", houseNumbers: "2-40", postcode: "12 AB" });
    expect(result).toEqual({
      ok: false,
      fields: {
        code: "validation.complex.codeMissing",
        name: "validation.complex.nameTooShort",
        houseNumbers: "validation.complex.houseNumbersNeedStreet",
        postcode: "validation.complex.postcodeShape",
      },
    });
  });

  it("makes the address line of invite letters", () => {
    expect(complexAddress({ street: "Hofstraat", houseNumbers: { from: 2, to: 40 } })).toBe("Hofstraat 2–40");
    expect(complexAddress({ street: "Hofstraat", houseNumbers: { from: 5, to: 5 } })).toBe("Hofstraat 5");
    expect(complexAddress({ street: null, houseNumbers: null })).toBeNull();
  });
});
