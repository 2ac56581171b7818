import { describe, expect, it } from "vitest";
import { normaliseRecoveryCode } from "../identity/login-token.ts";
import { generateLoginName } from "./generate-login-name.ts";
import { INVITE_CODE_ALPHABET } from "./invite-code.ts";
import { generatePaperRecoveryCode } from "./recovery-code.ts";

describe("login names and recovery codes for residents without e-mail", () => {
  it("makes a login name to write down: first name, neighbourhood, 4 digits", () => {
    expect(generateLoginName({ displayName: "Anna de Vries", neighbourhoodSlug: "lindenhof" })).toMatch(/^anna-lindenhof-[2-9]{4}$/);
    expect(generateLoginName({ displayName: "  Zoë  Özdemir", neighbourhoodSlug: "nieuwe-werf" })).toMatch(/^zoe-nieuwe-werf-[2-9]{4}$/);
    expect(generateLoginName({ displayName: "李雷", neighbourhoodSlug: "kadekwartier" })).toMatch(/^buur-kadekwartier-[2-9]{4}$/);
    expect(generateLoginName({ displayName: "Jean-Luc Picard", neighbourhoodSlug: "lindenhof" })).toMatch(/^jean-luc-lindenhof-\d{4}$/);
  });

  it("makes recovery codes that are easy to copy and read back in any form", () => {
    const code = generatePaperRecoveryCode();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    for (const character of code.replace(/-/g, "")) expect(INVITE_CODE_ALPHABET).toContain(character);
    expect(normaliseRecoveryCode(code.toLowerCase().replace(/-/g, " "))).toBe(code.replace(/-/g, ""));
    expect(generatePaperRecoveryCode()).not.toBe(code);
  });
});
