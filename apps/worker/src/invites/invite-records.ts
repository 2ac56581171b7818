// Reading and using invites in a tenant database: look-up by link token or typed code, the error
// for each state, and the atomic "count one use" that never lets an invite go over its limit.
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { AppError, formatInviteCode, inviteState, parseInviteReference, type InviteState } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { invites, neighbourhoods } = tenantSchema;

export type InviteRow = typeof invites.$inferSelect;
export type NeighbourhoodRow = typeof neighbourhoods.$inferSelect;

/** The clear answer for an invite that does not let anyone in (404 / 410). */
export function inviteStateError(state: Exclude<InviteState, "valid"> | "not_found"): AppError {
  switch (state) {
    case "not_found":
      return new AppError("invite_not_found");
    case "expired":
      return new AppError("invite_expired");
    case "revoked":
      return new AppError("invite_revoked");
    case "used_up":
      return new AppError("invite_used_up");
  }
}

/** The invite a link token or a typed code points to, with its neighbourhood; null if none. */
export async function findInviteByReference(db: TenantDb, reference: string): Promise<{ invite: InviteRow; neighbourhood: NeighbourhoodRow } | null> {
  const parsed = parseInviteReference(reference);
  if (!parsed) return null;
  const [row] = await db
    .select({ invite: invites, neighbourhood: neighbourhoods })
    .from(invites)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, invites.neighbourhoodId))
    .where(parsed.kind === "code" ? eq(invites.code, parsed.code) : eq(invites.token, parsed.token))
    .limit(1);
  return row ?? null;
}

/** The invite, if it lets people in right now; otherwise the error for its state. */
export async function requireUsableInvite(db: TenantDb, reference: string, now: number) {
  const found = await findInviteByReference(db, reference);
  if (!found) throw inviteStateError("not_found");
  const state = inviteState(found.invite, now);
  if (state !== "valid") throw inviteStateError(state);
  // An archived neighbourhood takes no new members: its invites stop working (and work again if it returns).
  if (found.neighbourhood.archivedAt !== null) throw new AppError("neighbourhood_archived");
  return found;
}

/**
 * Counts one use, atomically: a single conditional UPDATE, so two people redeeming the last use at
 * the same moment cannot both get in. False when the invite was used up, revoked or expired meanwhile.
 */
export async function claimInviteUse(db: TenantDb, inviteId: string, now: number): Promise<boolean> {
  const result = await db
    .update(invites)
    .set({ uses: sql`${invites.uses} + 1` })
    .where(
      and(
        eq(invites.id, inviteId),
        isNull(invites.revokedAt),
        or(isNull(invites.expiresAt), gt(invites.expiresAt, now)),
        or(isNull(invites.maxUses), lt(invites.uses, invites.maxUses)),
      ),
    );
  return result.rowsAffected === 1;
}

/** Gives a use back when the account could not be created after all. */
export async function releaseInviteUse(db: TenantDb, inviteId: string): Promise<void> {
  await db
    .update(invites)
    .set({ uses: sql`max(${invites.uses} - 1, 0)` })
    .where(eq(invites.id, inviteId));
}

/** What staff see of an invite in lists. */
export function summarizeInvite(invite: InviteRow, neighbourhood: { slug: string; name: string }, now: number) {
  return {
    id: invite.id,
    kind: invite.kind,
    code: formatInviteCode(invite.code),
    label: invite.label,
    role: invite.role,
    state: inviteState(invite, now),
    uses: invite.uses,
    maxUses: invite.maxUses,
    expiresAt: invite.expiresAt,
    revokedAt: invite.revokedAt,
    createdAt: invite.createdAt,
    neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name },
  };
}

/** The link in QR codes and e-mails: <origin>/doe-mee/<token>. */
export function inviteLink(origin: string, token: string): string {
  return `${origin}/doe-mee/${token}`;
}
