import { describe, expect, it } from "vitest";
import { ZJoinInput } from "./join-neighbourhood.ts";
import { ZRegisterMemberInput } from "./register-member.ts";
import { ZMembershipSettingsInput, ZRejectMemberInput } from "./review-member.ts";
import { isMessageKey, translate } from "../i18n/messages.ts";

const dutch = (key: string) => (isMessageKey(key) ? translate("nl", key) : key);

const valid = { invite: "ABCD-EFGH", displayName: "Anna", password: "een-lang-wachtwoord", acceptHouseRules: true };

function messages(schema: { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown) {
  const result = schema.safeParse(input);
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), dutch(issue.message)]));
}

describe("ZJoinInput", () => {
  it("accepts a name with a password (no e-mail), or an e-mail without a password", () => {
    expect(ZJoinInput.parse({ ...valid, email: "", street: "" })).toEqual(valid);
    expect(ZJoinInput.parse({ invite: "x", displayName: " Joop ", email: " Joop@Example.NL ", acceptHouseRules: true })).toEqual({
      invite: "x",
      displayName: "Joop",
      email: "joop@example.nl",
      acceptHouseRules: true,
    });
    expect(ZJoinInput.parse({ ...valid, street: " Lindenstraat " }).street).toBe("Lindenstraat");
  });

  it("needs an e-mail address or a password, to be able to log in again", () => {
    expect(messages(ZJoinInput, { ...valid, password: "" })).toEqual({
      password: "Vul een e-mailadres of een wachtwoord in, zodat je later weer kunt inloggen.",
    });
  });

  it("never takes a house number", () => {
    expect(messages(ZJoinInput, { ...valid, street: "Lindenstraat 12" })).toEqual({
      street: "Vul alleen je straat in, zonder huisnummer. Zo blijft je adres privé.",
    });
  });

  it("explains every other mistake in Dutch", () => {
    expect(messages(ZJoinInput, { invite: "", displayName: "A", email: "geen-mail", password: "kort", acceptHouseRules: false, street: "x".repeat(81) })).toEqual({
      invite: "Vul de buurtcode in.",
      displayName: "Je naam moet minstens 2 tekens lang zijn.",
      email: "Vul een geldig e-mailadres in, of laat het leeg.",
      password: "Kies een wachtwoord van minstens 10 tekens.",
      acceptHouseRules: "Ga akkoord met de huisregels om mee te doen.",
      street: "De straatnaam mag hoogstens 80 tekens lang zijn.",
    });
    expect(messages(ZJoinInput, { ...valid, displayName: "x".repeat(61) }).displayName).toBe("Je naam mag hoogstens 60 tekens lang zijn.");
    expect(messages(ZJoinInput, { ...valid, acceptHouseRules: undefined }).acceptHouseRules).toBe("Ga akkoord met de huisregels om mee te doen.");
  });
});

describe("help desk and review input", () => {
  it("records consent only when it was given", () => {
    expect(ZRegisterMemberInput.parse({ neighbourhood: "lindenhof", displayName: "Truus", consent: true, email: "" })).toEqual({
      neighbourhood: "lindenhof",
      displayName: "Truus",
      consent: true,
    });
    expect(messages(ZRegisterMemberInput, { neighbourhood: "lindenhof", displayName: "Truus", consent: false }).consent).toBe(
      "Vraag eerst of de bewoner akkoord is, en vink dat aan.",
    );
  });

  it("asks for a reason when someone is turned down", () => {
    expect(ZRejectMemberInput.parse({ message: "  Je woont niet in deze buurt.  " })).toEqual({ message: "Je woont niet in deze buurt." });
    expect(ZRejectMemberInput.safeParse({ message: " " }).success).toBe(false);
    expect(ZMembershipSettingsInput.safeParse({ requireMemberApproval: "yes" }).success).toBe(false);
  });
});
