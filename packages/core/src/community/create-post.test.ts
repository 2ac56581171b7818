import { describe, expect, it } from "vitest";
import { detailsFor, ZCreatePostInput } from "./create-post.ts";
import { isMessageKey, translate } from "../i18n/messages.ts";

const dutch = (key: string) => (isMessageKey(key) ? translate("nl", key) : key);

describe("ZCreatePostInput", () => {
  it("trims, drops an empty title and defaults sharing to off", () => {
    expect(ZCreatePostInput.parse({ kind: "message", title: "  ", body: "  Hallo buren  " })).toEqual({
      kind: "message",
      title: undefined,
      body: "Hallo buren",
      visibleToCorporation: false,
    });
  });

  it("explains what is wrong in Dutch", () => {
    const result = ZCreatePostInput.safeParse({ kind: "advert", body: "" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => dutch(issue.message));
    expect(messages).toContain("Kies wat voor bericht dit is.");
    expect(messages).toContain("Schrijf een bericht.");
  });
});

describe("safety posts and help offered", () => {
  const safety = { where: "Parkeerplaats Hofstraat", when: "2026-11-30T22:15", behaviour: "Liep langs de auto's en voelde aan de deuren." };

  it("needs where, when and behaviour for a safety post, and nothing about appearance", () => {
    expect(ZCreatePostInput.safeParse({ kind: "safety", body: "Autodeuren geprobeerd" }).success).toBe(false);
    const parsed = ZCreatePostInput.parse({ kind: "safety", body: "Autodeuren geprobeerd", safety });
    expect(parsed.safety).toEqual(safety);
    expect(Object.keys(parsed.safety!).sort()).toEqual(["behaviour", "when", "where"]);
    // Extra fields (an "appearance" field a client might send) are dropped, never stored.
    const withAppearance = ZCreatePostInput.parse({ kind: "safety", body: "x", safety: { ...safety, appearance: "lang" } });
    expect(withAppearance.safety).not.toHaveProperty("appearance");
  });

  it("refuses an impossible date or a missing behaviour", () => {
    const bad = ZCreatePostInput.safeParse({ kind: "safety", body: "x", safety: { ...safety, when: "2026-02-30T10:00" } });
    expect(bad.success).toBe(false);
    expect(dutch(bad.error!.issues[0]!.message)).toBe("Vul een datum en tijd in.");
    expect(ZCreatePostInput.safeParse({ kind: "safety", body: "x", safety: { ...safety, behaviour: " " } }).success).toBe(false);
    expect(ZCreatePostInput.safeParse({ kind: "message", body: "x", safety }).success).toBe(false);
  });

  it("lets help offered carry skills from the fixed list, once each", () => {
    expect(ZCreatePostInput.parse({ kind: "offer", body: "Ik help graag", skills: ["groceries", "transport", "groceries"] }).skills).toEqual(["groceries", "transport"]);
    expect(ZCreatePostInput.safeParse({ kind: "offer", body: "x", skills: ["juggling"] }).success).toBe(false);
    expect(ZCreatePostInput.safeParse({ kind: "question", body: "x", skills: ["groceries"] }).success).toBe(false);
    expect(detailsFor("offer", { skills: ["odd_jobs"] })).toEqual({ skills: ["odd_jobs"] });
    expect(detailsFor("message", { skills: ["odd_jobs"] })).toBeNull();
  });
});
