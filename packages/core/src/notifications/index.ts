export * from "./notification-kinds.ts";
export * from "./digest-schedule.ts";
export * from "./select-digest.ts";
export * from "./unsubscribe-token.ts";
export * from "./render-digest-mail.ts";
