import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { assertMayDelete, assertNotArchived, assertPostChangeAllowed, maySetSolved, ZReactionInput, ZReplyInput, ZUpdatePostInput, type ChangeActor, type PostFacts } from "./post-changes.ts";

const anna: ChangeActor = { userId: "anna", role: "resident", neighbourhoodIds: ["lindenhof"] };
const joop: ChangeActor = { userId: "joop", role: "resident", neighbourhoodIds: ["lindenhof"] };
const sanne: ChangeActor = { userId: "sanne", role: "moderator", neighbourhoodIds: [] };
const help: PostFacts = { kind: "help_request", authorId: "anna", neighbourhoodId: "lindenhof", visibleToCorporation: true, archived: false };
const announcement: PostFacts = { kind: "announcement", authorId: "sanne", neighbourhoodId: "lindenhof", visibleToCorporation: true, archived: false };

function refusal(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("changing a post after posting", () => {
  it("lets only the author change the text and the sharing", () => {
    expect(refusal(() => assertPostChangeAllowed(anna, help, { body: "Nieuw" }))).toBeNull();
    expect(refusal(() => assertPostChangeAllowed(anna, help, { visibleToCorporation: false }))).toBeNull();
    expect(refusal(() => assertPostChangeAllowed(joop, help, { body: "Van mij nu" }))).toBe("forbidden");
    expect(refusal(() => assertPostChangeAllowed(sanne, help, { visibleToCorporation: false }))).toBe("forbidden");
  });

  it("lets the author and staff (help desk) mark a help request or lost & found solved, nothing else", () => {
    expect(maySetSolved(anna, help)).toBe(true);
    expect(maySetSolved(sanne, help)).toBe(true);
    expect(maySetSolved(joop, help)).toBe(false);
    expect(refusal(() => assertPostChangeAllowed(joop, help, { solved: true }))).toBe("forbidden");
    expect(refusal(() => assertPostChangeAllowed(anna, { ...help, kind: "question" }, { solved: true }))).toBe("invalid_input");
    expect(maySetSolved(anna, { ...help, kind: "lost_found" })).toBe(true);
  });

  it("lets only staff pin, and only announcements", () => {
    expect(refusal(() => assertPostChangeAllowed(sanne, announcement, { pinned: true }))).toBeNull();
    expect(refusal(() => assertPostChangeAllowed(anna, announcement, { pinned: true }))).toBe("forbidden");
    expect(refusal(() => assertPostChangeAllowed(sanne, help, { pinned: true }))).toBe("invalid_input");
  });

  it("keeps announcements shared and safety fields on safety posts", () => {
    expect(refusal(() => assertPostChangeAllowed(sanne, announcement, { visibleToCorporation: false }))).toBe("invalid_input");
    expect(refusal(() => assertPostChangeAllowed(anna, help, { safety: { where: "Hofstraat", when: "2026-11-30T22:00", behaviour: "Voelde aan deuren" } }))).toBe(
      "invalid_input",
    );
    expect(refusal(() => assertPostChangeAllowed(anna, help, { skills: ["groceries"] }))).toBe("invalid_input");
  });

  it("takes nothing new in an archived neighbourhood, but sharing can still be withdrawn and posts deleted", () => {
    const archived = { ...help, archived: true };
    expect(refusal(() => assertPostChangeAllowed(anna, archived, { body: "Nieuw" }))).toBe("neighbourhood_archived");
    expect(refusal(() => assertPostChangeAllowed(anna, archived, { solved: true }))).toBe("neighbourhood_archived");
    expect(refusal(() => assertPostChangeAllowed(anna, archived, { visibleToCorporation: false }))).toBeNull();
    expect(refusal(() => assertMayDelete(anna, archived))).toBeNull();
    expect(refusal(() => assertNotArchived({ archivedAt: Date.now() }))).toBe("neighbourhood_archived");
    expect(refusal(() => assertNotArchived({ archivedAt: null }))).toBeNull();
  });

  it("lets only the author delete, and never anyone an anonymised post", () => {
    expect(refusal(() => assertMayDelete(joop, help))).toBe("forbidden");
    expect(refusal(() => assertMayDelete(sanne, help))).toBe("forbidden");
    expect(refusal(() => assertMayDelete(anna, { authorId: null }))).toBe("forbidden");
  });
});

describe("inputs", () => {
  it("needs something to change and ignores fields that cannot change", () => {
    expect(ZUpdatePostInput.safeParse({}).success).toBe(false);
    expect(ZUpdatePostInput.safeParse({ authorId: "joop" }).success).toBe(false);
    expect(ZUpdatePostInput.parse({ kind: "announcement", authorId: "joop", body: "Nieuw" })).toEqual({ body: "Nieuw" });
    expect(ZUpdatePostInput.safeParse({ body: "x".repeat(5001) }).success).toBe(false);
    expect(ZUpdatePostInput.parse({ title: "", solved: true })).toEqual({ title: "", solved: true });
  });

  it("checks replies and reactions", () => {
    expect(ZReplyInput.safeParse({ body: "  " }).success).toBe(false);
    expect(ZReplyInput.safeParse({ body: "x".repeat(2001) }).success).toBe(false);
    expect(ZReplyInput.parse({ body: " Ik help mee! " })).toEqual({ body: "Ik help mee!" });
    expect(ZReactionInput.safeParse({ kind: "heart" }).success).toBe(true);
    expect(ZReactionInput.safeParse({ kind: "angry" }).success).toBe(false);
  });
});
