// Invites and joining: codes and tokens, invite state, join/registration input, limits, house rules.
export * from "./amsterdam-calendar.ts";
export * from "./create-invite.ts";
export * from "./generate-login-name.ts";
export * from "./house-rules.ts";
export * from "./invite-code.ts";
export * from "./invite-state.ts";
export * from "./invite-token.ts";
export * from "./join-neighbourhood.ts";
export * from "./join-with-existing-account.ts";
export * from "./parse-invite-reference.ts";
export * from "./personal-invite-limit.ts";
export * from "./recovery-code.ts";
export * from "./register-member.ts";
export * from "./review-member.ts";
