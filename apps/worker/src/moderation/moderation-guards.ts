// What moderation adds to writing posts, replies and reactions: a suspended member cannot write until
// the end date; a hidden item cannot be changed or answered; text with words from the corporation's
// list is answered with the kindness prompt first (the author may post anyway).
import { and, eq, gt, max } from "drizzle-orm";
import { AppError, kindnessMatches, parseKindnessWords } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { TenantSettings } from "../env.ts";

const { moderationActions } = tenantSchema;

/** The end of this member's running suspension, or null. */
export async function suspendedUntil(db: TenantDb, userId: string, now = Date.now()): Promise<number | null> {
  const [row] = await db
    .select({ until: max(moderationActions.until) })
    .from(moderationActions)
    .where(and(eq(moderationActions.subjectUserId, userId), eq(moderationActions.action, "suspend"), gt(moderationActions.until, now)));
  return row?.until ?? null;
}

/** 403 member_suspended (with the end date) while a suspension runs. */
export async function assertNotSuspended(db: TenantDb, userId: string): Promise<void> {
  const until = await suspendedUntil(db, userId);
  if (until !== null) throw new AppError("member_suspended", { params: { until: new Date(until).toISOString().slice(0, 10) }, details: { until } });
}

/** A hidden post or reply takes no changes, replies or reactions (its author may still delete it). */
export function assertNotHidden(hidden: string | null): void {
  if (hidden) throw new AppError("content_hidden");
}

/**
 * 422 kindness_prompt with the words found, unless the author already saw the prompt and chose to post
 * anyway (`postAnyway: true` in the JSON, or the form's "post anyway" button).
 */
export function kindnessCheck(settings: TenantSettings | null | undefined, text: string, raw: unknown): void {
  const postAnyway = typeof raw === "object" && raw !== null && (raw as { postAnyway?: unknown }).postAnyway === true;
  if (postAnyway) return;
  const words = kindnessMatches(text, parseKindnessWords(settings?.kindnessWords));
  if (words.length > 0) throw new AppError("kindness_prompt", { details: { words } });
}
