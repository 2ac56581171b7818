export * from "./signals.ts";
export * from "./routing.ts";
export * from "./working-days.ts";
