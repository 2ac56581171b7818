import { describe, expect, it } from "vitest";
import { ZSignalInput, ZSignalStatusInput, allowedActions, broadStatus, canTransition, SIGNAL_STATUSES, SIGNAL_ACTIONS } from "./signals.ts";
import { routeSignal, type RoutingRule } from "./routing.ts";
import { addWorkingDays, dueChase, isWorkingDay, signalRetentionCutoff, DEFAULT_CARE_TIMINGS } from "./working-days.ts";

const HOUR = 60 * 60 * 1000;
const at = (text: string) => Date.parse(text);

describe("the signal state machine", () => {
  it("allows exactly these transitions", () => {
    const table = Object.fromEntries(SIGNAL_STATUSES.map((from) => [from, SIGNAL_ACTIONS.filter((action) => canTransition(from, action))]));
    expect(table).toEqual({
      new: ["acknowledged", "closed", "not_ours"],
      acknowledged: ["in_progress", "resolved", "closed", "not_ours"],
      in_progress: ["resolved", "closed"],
      resolved: ["closed"],
      closed: [],
    });
    expect(allowedActions("closed")).toEqual([]);
  });

  it("shows the reporter only a broad status", () => {
    expect(SIGNAL_STATUSES.map(broadStatus)).toEqual(["received", "in_progress", "in_progress", "done", "done"]);
  });

  it("needs a reason for not ours", () => {
    expect(ZSignalStatusInput.safeParse({ status: "not_ours" }).success).toBe(false);
    expect(ZSignalStatusInput.safeParse({ status: "not_ours", note: "Schuldhulp, niet wij" }).success).toBe(true);
    expect(ZSignalStatusInput.safeParse({ status: "new" }).success).toBe(false);
  });
});

describe("raising a concern", () => {
  const base = { category: "loneliness", description: "De gordijnen zijn al dagen dicht.", neighbourhood: "lindenhof", about: "neighbour" };

  it("accepts what was noticed and a contact as text or parts", () => {
    expect(ZSignalInput.parse({ ...base, contact: { name: "Anna", phone: "06 1234" } }).contact).toBe("Anna, 06 1234");
    expect(ZSignalInput.parse({ ...base, contact: "  " }).contact).toBeUndefined();
    expect(ZSignalInput.parse({ ...base, noticed: ["curtains_closed"] }).noticed).toEqual(["curtains_closed"]);
  });

  it("refuses asking for oneself without consent, unknown fields and unknown categories", () => {
    expect(ZSignalInput.safeParse({ ...base, about: "myself" }).success).toBe(false);
    expect(ZSignalInput.safeParse({ ...base, about: "myself", consent: true }).success).toBe(true);
    expect(ZSignalInput.safeParse({ ...base, appearance: "lang" }).success).toBe(false);
    expect(ZSignalInput.safeParse({ ...base, category: "origin" }).success).toBe(false);
    expect(ZSignalInput.safeParse({ ...base, description: "kort" }).success).toBe(false);
  });
});

describe("routing", () => {
  const rules: RoutingRule[] = [
    { id: "any", category: null, neighbourhoodId: null, partnerId: "welzijn" },
    { id: "money", category: "money", neighbourhoodId: null, partnerId: "schuldhulp" },
    { id: "lindenhof", category: null, neighbourhoodId: "lh", partnerId: "wijkteam" },
    { id: "lindenhof-money", category: "money", neighbourhoodId: "lh", partnerId: "schuldhulp-noord" },
  ];

  it("takes the most specific rule", () => {
    expect(routeSignal(rules, { category: "money", neighbourhoodId: "lh" })).toEqual({ kind: "organisation", ruleId: "lindenhof-money", partnerId: "schuldhulp-noord" });
    expect(routeSignal(rules, { category: "loneliness", neighbourhoodId: "lh" })).toMatchObject({ ruleId: "lindenhof" });
    expect(routeSignal(rules, { category: "money", neighbourhoodId: "pz" })).toMatchObject({ ruleId: "money" });
    expect(routeSignal(rules, { category: "safety", neighbourhoodId: "pz" })).toMatchObject({ ruleId: "any" });
  });

  it("skips organisations that said not ours and falls back to the coordinator", () => {
    expect(routeSignal(rules, { category: "loneliness", neighbourhoodId: "lh" }, ["wijkteam"])).toMatchObject({ ruleId: "any" });
    expect(routeSignal(rules, { category: "loneliness", neighbourhoodId: "lh" }, ["wijkteam", "welzijn"])).toEqual({ kind: "coordinator" });
    expect(routeSignal([], { category: "other", neighbourhoodId: "lh" })).toEqual({ kind: "coordinator" });
  });
});

describe("working days", () => {
  it("skips the weekend in Amsterdam", () => {
    expect(isWorkingDay(at("2026-12-05T12:00:00Z"))).toBe(false); // Saturday
    expect(isWorkingDay(at("2026-12-06T23:30:00Z"))).toBe(true); // already Monday in Amsterdam
    // Friday afternoon + 2 working days = Tuesday afternoon.
    expect(new Date(addWorkingDays(at("2026-12-04T14:00:00Z"), 2)).toISOString()).toBe("2026-12-08T14:00:00.000Z");
    // Monday + 2 = Wednesday.
    expect(new Date(addWorkingDays(at("2026-11-30T09:00:00Z"), 2)).toISOString()).toBe("2026-12-02T09:00:00.000Z");
  });

  it("reminds after 2 working days and escalates after 5, once each", () => {
    const created = at("2026-11-30T09:00:00Z"); // Monday
    const fresh = { createdAt: created, remindedAt: null, escalatedAt: null };
    expect(dueChase(fresh, DEFAULT_CARE_TIMINGS, at("2026-12-02T08:00:00Z"))).toBeNull();
    expect(dueChase(fresh, DEFAULT_CARE_TIMINGS, at("2026-12-02T09:00:00Z"))).toBe("remind");
    const reminded = { ...fresh, remindedAt: at("2026-12-02T09:00:00Z") };
    expect(dueChase(reminded, DEFAULT_CARE_TIMINGS, at("2026-12-04T09:00:00Z"))).toBeNull();
    expect(dueChase(reminded, DEFAULT_CARE_TIMINGS, at("2026-12-07T09:00:00Z"))).toBe("escalate");
    expect(dueChase({ ...reminded, escalatedAt: at("2026-12-07T09:00:00Z") }, DEFAULT_CARE_TIMINGS, at("2026-12-09T09:00:00Z"))).toBeNull();
    expect(dueChase(fresh, { reminderWorkingDays: 1, escalationWorkingDays: 5 }, created + 25 * HOUR)).toBe("remind");
  });

  it("keeps closed signals' details for the retention period", () => {
    expect(new Date(signalRetentionCutoff(at("2026-12-01T00:00:00Z"), 12)).toISOString()).toBe("2025-12-01T00:00:00.000Z");
  });
});
