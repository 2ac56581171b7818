// Neighbourhoods and complexes, as corporation admins set them up: slugs, input, CSV import.
export * from "./slug.ts";
export * from "./neighbourhood-input.ts";
export * from "./complex-fields.ts";
export * from "./parse-csv.ts";
export * from "./plan-complex-import.ts";
export * from "./complex-input.ts";
