export * from "./themes.ts";
export * from "./k-anonymity.ts";
export * from "./polls.ts";
export * from "./pulse.ts";
export * from "./priorities.ts";
export * from "./trend.ts";
