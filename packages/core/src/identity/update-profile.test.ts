import { describe, expect, it } from "vitest";
import { ZUpdateProfileInput } from "./update-profile.ts";
import { isMessageKey, translate } from "../i18n/messages.ts";

const dutch = (key: string) => (isMessageKey(key) ? translate("nl", key) : key);

describe("ZUpdateProfileInput", () => {
  it("trims and turns an empty street into null", () => {
    expect(ZUpdateProfileInput.parse({ displayName: " Anna ", street: "  " })).toEqual({ displayName: "Anna", street: null });
    expect(ZUpdateProfileInput.parse({ displayName: "Anna", street: "Lindenstraat" })).toEqual({ displayName: "Anna", street: "Lindenstraat" });
    expect(ZUpdateProfileInput.parse({ displayName: "Anna" })).toEqual({ displayName: "Anna", street: null });
  });

  it("refuses a house number with a friendly message", () => {
    const result = ZUpdateProfileInput.safeParse({ displayName: "Anna", street: "Lindenstraat 12" });
    expect(result.success).toBe(false);
    expect(dutch(result.error!.issues[0]!.message)).toContain("zonder huisnummer");
  });
});
