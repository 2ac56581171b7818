export * from "./moderation-input.ts";
export * from "./moderation-rules.ts";
export * from "./kindness.ts";
