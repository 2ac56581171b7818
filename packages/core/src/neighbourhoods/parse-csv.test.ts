import { describe, expect, it } from "vitest";
import { detectSeparator, parseCsv } from "./parse-csv.ts";

describe("parseCsv", () => {
  it("reads Dutch Excel: a byte order mark, semicolons and CRLF", () => {
    const result = parseCsv("\uFEFFcode;naam\r\nLH-A;Flat A\r\nLH-B;Flat B\r\n");
    expect(result).toEqual({
      ok: true,
      separator: ";",
      records: [
        { line: 1, fields: ["code", "naam"] },
        { line: 2, fields: ["LH-A", "Flat A"] },
        { line: 3, fields: ["LH-B", "Flat B"] },
      ],
    });
  });

  it("reads commas, and LF or CR line ends", () => {
    expect(parseCsv("a,b\nc,d\re,f")).toEqual({
      ok: true,
      separator: ",",
      records: [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["c", "d"] },
        { line: 3, fields: ["e", "f"] },
      ],
    });
  });

  it("reads quoted fields with separators, doubled quotes and line breaks inside", () => {
    const result = parseCsv('code;naam;straat\r\n"LH;A";"Flat ""De Linde""";"Hof-\r\nstraat"\r\nLH-B;B;C\r\n');
    expect(result.ok && result.records).toEqual([
      { line: 1, fields: ["code", "naam", "straat"] },
      { line: 2, fields: ["LH;A", 'Flat "De Linde"', "Hof-\nstraat"] },
      { line: 4, fields: ["LH-B", "B", "C"] },
    ]);
  });

  it("skips empty lines and Excel's rows of only separators, and keeps counting lines", () => {
    const result = parseCsv("a;b\n\n;;\n  ;  \nc;d\n");
    expect(result.ok && result.records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 5, fields: ["c", "d"] },
    ]);
  });

  it("keeps empty fields in the middle and at the end", () => {
    expect(parseCsv("a;;c;").ok && (parseCsv("a;;c;") as { records: { fields: string[] }[] }).records[0]!.fields).toEqual(["a", "", "c", ""]);
  });

  it("says on which line a quote is never closed", () => {
    expect(parseCsv('a;b\nc;"d\ne;f\n')).toEqual({ ok: false, error: "unclosed_quote", line: 2 });
  });

  it("reads a quote in the middle of a field as a character", () => {
    expect(parseCsv('a;1"2;b').ok && (parseCsv('a;1"2;b') as { records: { fields: string[] }[] }).records[0]!.fields).toEqual(["a", '1"2', "b"]);
  });
});

describe("detectSeparator", () => {
  it("picks whichever of ; and , the first line has more of, outside quotes", () => {
    expect(detectSeparator("a;b;c\n1,2")).toBe(";");
    expect(detectSeparator("a,b,c")).toBe(",");
    expect(detectSeparator('"x;y;z",b')).toBe(",");
    expect(detectSeparator("one")).toBe(";");
  });
});
