import { describe, expect, it } from "vitest";
import { ZCreatePostInput } from "./create-post.ts";
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
