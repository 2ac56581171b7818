// Staff, partner and care organisations, ambassadors: roles, input checks, who may become what.
export * from "./staff-roles.ts";
export * from "./staff-input.ts";
export * from "./organisation-input.ts";
export * from "./ambassador.ts";
