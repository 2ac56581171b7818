import { describe, expect, it } from "vitest";
import { firstRunChecklist } from "./first-run-checklist.ts";

describe("firstRunChecklist", () => {
  it("lists the three steps in order and ticks each from its own state", () => {
    const list = firstRunChecklist({ hasNeighbourhood: true, hasBranding: false, hasInvite: false });
    expect(list.steps).toEqual([
      { step: "neighbourhood", done: true },
      { step: "branding", done: false },
      { step: "invite", done: false },
    ]);
    expect(list.complete).toBe(false);
  });

  it("is complete only when every step is done", () => {
    expect(firstRunChecklist({ hasNeighbourhood: true, hasBranding: true, hasInvite: false }).complete).toBe(false);
    expect(firstRunChecklist({ hasNeighbourhood: true, hasBranding: true, hasInvite: true }).complete).toBe(true);
  });
});
