import { describe, expect, it } from "vitest";
import { planComplexImport, type ExistingComplex, type ImportNeighbourhood } from "./plan-complex-import.ts";

const NEIGHBOURHOODS: ImportNeighbourhood[] = [
  { id: "n1", slug: "lindenhof", name: "Lindenhof", archived: false },
  { id: "n2", slug: "parkzicht", name: "Parkzicht", archived: false },
  { id: "n3", slug: "oude-haven", name: "Oude Haven", archived: true },
];
const HEADER = "complexcode;naam;straat;huisnummers;postcode;buurt";

function plan(csv: string, existing: ExistingComplex[] = []) {
  return planComplexImport({ csv, neighbourhoods: NEIGHBOURHOODS, existing });
}

describe("planComplexImport", () => {
  it("plans a clean file: every row a new complex in its neighbourhood", () => {
    const result = plan(`${HEADER}\nLH-A;Flat A;Hofstraat;2–40;3811 AB;Lindenhof\nPZ-1;Blok 1;Parklaan;1-9;3812 CD;parkzicht\n`);
    expect(result.fileErrors).toEqual([]);
    expect(result.counts).toEqual({ create: 2, update: 0, unchanged: 0, errors: 0 });
    expect(result.canConfirm).toBe(true);
    expect(result.rows[0]).toMatchObject({
      line: 2,
      action: "create",
      neighbourhood: { slug: "lindenhof", name: "Lindenhof" },
      complex: { code: "LH-A", name: "Flat A", street: "Hofstraat", houseNumbers: { from: 2, to: 40 }, postcode: "3811 AB", neighbourhoodId: "n1" },
    });
  });

  it("finds the neighbourhood by name whatever the case or accents", () => {
    const result = plan(`${HEADER}\nX1;Blok;;;;  LINDENHÖF `);
    expect(result.rows[0]!.complex?.neighbourhoodId).toBe("n1");
  });

  it("reads columns in the header's order, in English too, with commas", () => {
    const result = plan("Neighbourhood,Name,Complex code,Postcode\nParkzicht,Blok 2,pz-2,3812cd\n");
    expect(result.rows[0]!.complex).toMatchObject({ code: "PZ-2", name: "Blok 2", postcode: "3812 CD", neighbourhoodId: "n2" });
  });

  it("reads a file without header in the documented order", () => {
    const result = plan("LH-A;Flat A;Hofstraat;2-40;3811 AB;Lindenhof\r\n");
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.action).toBe("create");
  });

  it("gives row-level errors with line and column, and counts them", () => {
    const csv = [
      HEADER,
      "LH-A;Flat A;Hofstraat;2-40;3811 AB;Lindenhof",
      "",
      "LH-B;Flat B;Hofstraat;40-2;12345;Lindenhof",
      "LH-C;Flat C;;;;Nergenshuizen",
      "LH-A;Flat A again;;;;Lindenhof",
      "OH-1;Oud blok;;;;Oude Haven",
      ";Zonder code;;;;Lindenhof",
    ].join("\n");
    const result = plan(csv);
    expect(result.canConfirm).toBe(false);
    expect(result.counts).toEqual({ create: 1, update: 0, unchanged: 0, errors: 5 });
    const problems = result.rows.flatMap((row) => row.errors.map(({ line, column, message, params }) => ({ line, column, message, params })));
    expect(problems).toEqual([
      { line: 4, column: "houseNumbers", message: "validation.complex.houseNumbersOrder", params: undefined },
      { line: 4, column: "postcode", message: "validation.complex.postcodeShape", params: undefined },
      { line: 5, column: "neighbourhood", message: "validation.complexImport.neighbourhoodUnknown", params: { name: "Nergenshuizen" } },
      { line: 6, column: "code", message: "validation.complexImport.duplicateCode", params: { code: "LH-A", line: 2 } },
      { line: 7, column: "neighbourhood", message: "validation.complexImport.neighbourhoodArchived", params: { name: "Oude Haven" } },
      { line: 8, column: "code", message: "validation.complex.codeMissing", params: undefined },
    ]);
  });

  it("sees a code that differs only in case as the same code", () => {
    const result = plan(`${HEADER}\nlh-a;Blok A;;;;Lindenhof\nLH-A;Blok B;;;;Lindenhof`);
    expect(result.rows[1]!.errors[0]).toMatchObject({ column: "code", message: "validation.complexImport.duplicateCode" });
  });

  it("uses the complex code as key: the same file again changes nothing, a changed row is an update", () => {
    const existing: ExistingComplex[] = [
      { id: "c1", code: "LH-A", name: "Flat A", street: "Hofstraat", houseNumberFrom: 2, houseNumberTo: 40, postcode: "3811 AB", neighbourhoodId: "n1" },
      { id: "c2", code: "LH-B", name: "Flat B", street: null, houseNumberFrom: null, houseNumberTo: null, postcode: null, neighbourhoodId: "n1" },
    ];
    const result = plan(`${HEADER}\nLH-A;Flat A;Hofstraat;2-40;3811AB;Lindenhof\nLH-B;Flat B (nieuw);;;;Lindenhof\n`, existing);
    expect(result.rows.map((row) => [row.action, row.existingId])).toEqual([
      ["unchanged", "c1"],
      ["update", "c2"],
    ]);
    expect(result.canConfirm).toBe(true);
    const again = plan(`${HEADER}\nLH-A;Flat A;Hofstraat;2-40;3811AB;Lindenhof\n`, existing);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 1, errors: 0 });
    expect(again.canConfirm).toBe(false);
  });

  it.each([
    ["an empty file", "", "validation.complexImport.empty", 1],
    ["only a header", `${HEADER}\r\n\r\n`, "validation.complexImport.empty", 1],
    ["an unclosed quote", `${HEADER}\nLH-A;"Flat A;;;;Lindenhof\n`, "validation.complexImport.unclosedQuote", 2],
    ["a header without the neighbourhood", "code;naam;straat\nA;B;C", "validation.complexImport.headerMissing", 1],
  ])("refuses %s as a whole", (_label, csv, message, line) => {
    const result = plan(csv);
    expect(result.fileErrors).toEqual([expect.objectContaining({ line, message })]);
    expect(result.canConfirm).toBe(false);
  });

  it("refuses more than 2000 rows", () => {
    const rows = Array.from({ length: 2001 }, (_, index) => `C${index};Blok ${index};;;;Lindenhof`);
    const result = plan([HEADER, ...rows].join("\n"));
    expect(result.fileErrors[0]).toMatchObject({ message: "validation.complexImport.tooManyRows", line: 2002 });
  });

  it("flags extra filled columns in a file without header", () => {
    const result = plan("LH-A;Flat A;;;;Lindenhof;extra");
    expect(result.rows[0]!.errors[0]).toMatchObject({ column: null, message: "validation.complexImport.tooManyColumns" });
  });
});
