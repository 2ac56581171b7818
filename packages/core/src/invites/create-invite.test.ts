import { describe, expect, it } from "vitest";
import { ZCreateInviteInput } from "./create-invite.ts";
import { isMessageKey, translate } from "../i18n/messages.ts";

const dutch = (key: string) => (isMessageKey(key) ? translate("nl", key) : key);

function messages(input: unknown): Record<string, string> {
  const result = ZCreateInviteInput.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), dutch(issue.message)]));
}

describe("ZCreateInviteInput", () => {
  it("takes what a form sends: empty fields are left out, numbers as text", () => {
    expect(
      ZCreateInviteInput.parse({ neighbourhood: "lindenhof", complexId: "", label: " Brief najaar ", expiresOn: "", maxUses: "", role: "" }),
    ).toEqual({ neighbourhood: "lindenhof", label: "Brief najaar", role: "resident" });
    expect(ZCreateInviteInput.parse({ neighbourhood: "parkzicht", label: "Poster", expiresOn: "2026-12-31", maxUses: "250", role: "prospective" })).toEqual({
      neighbourhood: "parkzicht",
      label: "Poster",
      expiresOn: "2026-12-31",
      maxUses: 250,
      role: "prospective",
    });
    expect(ZCreateInviteInput.parse({ neighbourhood: "lindenhof", label: "Brief", maxUses: 1 }).maxUses).toBe(1);
  });

  it("explains what is wrong in Dutch", () => {
    expect(messages({ neighbourhood: "", label: "x", expiresOn: "2026-02-30", maxUses: 0, role: "admin" })).toEqual({
      neighbourhood: "Kies een buurt.",
      label: "Geef de uitnodiging een naam van minstens 2 tekens.",
      expiresOn: "Vul een geldige datum in (jjjj-mm-dd).",
      maxUses: "Minstens 1 keer.",
      role: "Kies bewoner of toekomstige bewoner.",
    });
    expect(messages({ neighbourhood: "lindenhof", label: "Brief", maxUses: 10_001 }).maxUses).toBe("Hoogstens 10000 keer.");
    expect(messages({ neighbourhood: "lindenhof", label: "Brief", maxUses: "2.5" }).maxUses).toBe("Vul een heel getal in.");
  });
});
