import { describe, expect, it } from "vitest";
import { ZDeleteAccountInput } from "./delete-account.ts";

describe("ZDeleteAccountInput", () => {
  it("needs a mode and the word VERWIJDER (any case)", () => {
    expect(ZDeleteAccountInput.parse({ mode: "remove_posts", confirm: "VERWIJDER" })).toEqual({ mode: "remove_posts", confirm: "VERWIJDER" });
    expect(ZDeleteAccountInput.safeParse({ mode: "anonymise_posts", confirm: " verwijder " }).success).toBe(true);
  });

  it.each([
    [{ mode: "remove_posts", confirm: "ja" }, "confirm"],
    [{ mode: "everything", confirm: "VERWIJDER" }, "mode"],
    [{ mode: "remove_posts" }, "confirm"],
  ])("refuses %j", (input, path) => {
    const result = ZDeleteAccountInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([path]);
  });
});
