import { describe, expect, it } from "vitest";
import { maskCount, toCsv } from "./reach.ts";

describe("the < 5 rule", () => {
  it("shows counts of fewer than five people as '< 5', zero included", () => {
    expect([0, 1, 4, 5, 6, 120].map((count) => maskCount(count))).toEqual(["< 5", "< 5", "< 5", 5, 6, 120]);
  });
  it("judges a count by the people behind it, not by its size", () => {
    expect(maskCount(40, 3)).toBe("< 5");
    expect(maskCount(40, 5)).toBe(40);
  });
});

describe("CSV", () => {
  it("quotes what needs quoting, ends lines in CRLF and keeps '< 5' as text", () => {
    expect(toCsv(["activiteit", "gaan"], [["Koffie, taart", "< 5"], ['Zeg "hoi"', 7]])).toBe('activiteit,gaan\r\n"Koffie, taart",< 5\r\n"Zeg ""hoi""",7\r\n');
  });
  it("defuses cells a spreadsheet would read as a formula", () => {
    expect(toCsv(["a"], [["=HYPERLINK(1)"]])).toBe("a\r\n'=HYPERLINK(1)\r\n");
  });
});
