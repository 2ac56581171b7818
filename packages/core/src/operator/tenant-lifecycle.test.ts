import { describe, expect, it } from "vitest";
import { deletionDueAt, readOperatorCookie, refusal, ZDeletionRequestInput, ZSuspendInput } from "./tenant-lifecycle.ts";

const DAY = 24 * 60 * 60 * 1000;

describe("what an operator may do with a corporation", () => {
  it("suspends only an active one and resumes only a suspended one", () => {
    expect(refusal("suspend", { status: "active", deletionRequestedAt: null })).toBeNull();
    for (const status of ["suspended", "failed", "provisioning", "deleted"]) {
      expect(refusal("suspend", { status, deletionRequestedAt: null })).toBe("wrong_status");
    }
    expect(refusal("resume", { status: "suspended", deletionRequestedAt: null })).toBeNull();
    expect(refusal("resume", { status: "active", deletionRequestedAt: null })).toBe("wrong_status");
  });

  it("retries only a failed provisioning", () => {
    expect(refusal("retry", { status: "failed", deletionRequestedAt: null })).toBeNull();
    expect(refusal("retry", { status: "active", deletionRequestedAt: null })).toBe("wrong_status");
  });

  it("deletes only after the request and its 30 days of grace", () => {
    const requestedAt = Date.UTC(2026, 0, 1);
    expect(deletionDueAt(requestedAt)).toBe(requestedAt + 30 * DAY);
    expect(refusal("delete", { status: "active", deletionRequestedAt: null }, requestedAt + 90 * DAY)).toBe("not_requested");
    expect(refusal("delete", { status: "active", deletionRequestedAt: requestedAt }, requestedAt + 30 * DAY - 1)).toBe("not_due");
    expect(refusal("delete", { status: "active", deletionRequestedAt: requestedAt }, requestedAt + 30 * DAY)).toBeNull();
    expect(refusal("delete", { status: "suspended", deletionRequestedAt: requestedAt }, requestedAt + 31 * DAY)).toBeNull();
    expect(refusal("delete", { status: "deleting", deletionRequestedAt: requestedAt }, requestedAt + 31 * DAY)).toBeNull();
    expect(refusal("delete", { status: "deleted", deletionRequestedAt: requestedAt }, requestedAt + 31 * DAY)).toBe("wrong_status");
  });
});

describe("operator inputs", () => {
  it("keeps a suspension reason optional but bounded", () => {
    expect(ZSuspendInput.parse({})).toEqual({ reason: null });
    expect(ZSuspendInput.parse({ reason: "  Betaling  " })).toEqual({ reason: "Betaling" });
    expect(ZSuspendInput.safeParse({ reason: "x".repeat(501) }).success).toBe(false);
  });

  it("asks for the slug to confirm a deletion request", () => {
    expect(ZDeletionRequestInput.parse({ confirmSlug: " DeLinde " })).toEqual({ confirmSlug: "delinde" });
    expect(ZDeletionRequestInput.safeParse({}).success).toBe(false);
  });

  it("reads the operator cookie, the __Host- name first", () => {
    expect(readOperatorCookie("bp_session=a; bp_operator=b")).toBe("b");
    expect(readOperatorCookie("bp_operator=b; __Host-bp_operator=c")).toBe("c");
    expect(readOperatorCookie("bp_session=a")).toBeUndefined();
    expect(readOperatorCookie(undefined)).toBeUndefined();
  });
});
