// Whether an invite still lets people in. Revocation wins over expiry, expiry over use.

export const INVITE_STATES = ["valid", "expired", "revoked", "used_up"] as const;
export type InviteState = (typeof INVITE_STATES)[number];

export interface InviteStateFields {
  expiresAt: number | null;
  maxUses: number | null;
  uses: number;
  revokedAt: number | null;
}

export function inviteState(invite: InviteStateFields, now: number): InviteState {
  if (invite.revokedAt !== null && invite.revokedAt <= now) return "revoked";
  if (invite.expiresAt !== null && invite.expiresAt <= now) return "expired";
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return "used_up";
  return "valid";
}
