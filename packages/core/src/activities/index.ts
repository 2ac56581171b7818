export * from "./activity-input.ts";
export * from "./activity-time.ts";
export * from "./rsvp-rules.ts";
export * from "./reach.ts";
export * from "./icalendar.ts";
export * from "./activity-mail.ts";
