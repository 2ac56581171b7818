// The one place that decides who reads what of a signal (decision 027). Every route that shows a
// signal's content goes through `openSignal`; every look at the details is written to signal_views
// in the same call. Need-to-know:
//   - a care partner of the organisation the signal is routed to: the details and that organisation's notes;
//   - the corporation's social coordinator: the same, for signals routed to them (no rule matched, or
//     every organisation said "not ours") and for escalated ones;
//   - the reporter: id, category and the broad status only;
//   - anyone else (other residents, admins, moderators, other organisations, other tenants): 404.
import { and, eq, isNull } from "drizzle-orm";
import { AppError, broadStatus, decryptTenantToken, encryptTenantToken, type SignalDetails, type SignalStatus, type SignalCategory } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Actor, Bindings, Site } from "../env.ts";
import { tenantTokenKey } from "../tenancy/tenant-token-key.ts";

type TenantSite = Extract<Site, { kind: "tenant" }>;

// Sealing: a signal's details and its notes are stored encrypted (AES-GCM, the platform's
// TENANT_TOKEN_KEY, a fresh IV each), bound to their tenant and row through the associated data, so
// the corporation's own database export (and anyone reading the database) sees no content, and a value
// copied onto another row does not open.
function sealScope(site: TenantSite, kind: "signal" | "signal-note", id: string): string {
  return `${site.tenant.id}:${kind}:${id}`;
}

export async function sealDetails(env: Bindings, site: TenantSite, signalId: string, details: SignalDetails): Promise<string> {
  return encryptTenantToken(await tenantTokenKey(env), sealScope(site, "signal", signalId), JSON.stringify(details));
}

async function unsealDetails(env: Bindings, site: TenantSite, signalId: string, stored: string | null): Promise<SignalDetails | null> {
  if (stored === null) return null;
  return JSON.parse(await decryptTenantToken(await tenantTokenKey(env), sealScope(site, "signal", signalId), stored)) as SignalDetails;
}

export async function sealNote(env: Bindings, site: TenantSite, noteId: string, body: string): Promise<string> {
  return encryptTenantToken(await tenantTokenKey(env), sealScope(site, "signal-note", noteId), body);
}

export async function unsealNote(env: Bindings, site: TenantSite, noteId: string, stored: string): Promise<string> {
  return decryptTenantToken(await tenantTokenKey(env), sealScope(site, "signal-note", noteId), stored);
}

const { signals, users, careSettings, signalViews } = tenantSchema;

export const SIGNAL_NOT_FOUND = { message: "apiErrors.care.notFound" } as const;

export type SignalRow = typeof signals.$inferSelect;

/** Who the actor is for signals: their care organisation (care partners) and whether they are the coordinator or privacy officer. */
export interface CareIdentity {
  partnerId: string | null;
  coordinator: boolean;
  privacyOfficer: boolean;
}

export async function careIdentity(db: TenantDb, actor: Actor): Promise<CareIdentity> {
  const [user, settings] = await db.batch([
    db.select({ partnerId: users.partnerId }).from(users).where(eq(users.id, actor.userId)).limit(1),
    db.select({ coordinatorId: careSettings.coordinatorId, privacyOfficerId: careSettings.privacyOfficerId }).from(careSettings).where(eq(careSettings.id, 1)).limit(1),
  ]);
  return {
    partnerId: actor.role === "care_partner" ? (user[0]?.partnerId ?? null) : null,
    coordinator: settings[0]?.coordinatorId === actor.userId,
    privacyOfficer: settings[0]?.privacyOfficerId === actor.userId,
  };
}

/** Whether this person handles the signal (reads its details, changes its state, writes notes). */
export function handles(identity: CareIdentity, signal: Pick<SignalRow, "partnerId" | "escalatedAt">): boolean {
  if (identity.partnerId !== null && signal.partnerId === identity.partnerId) return true;
  return identity.coordinator && (signal.partnerId === null || signal.escalatedAt !== null);
}

/** The SQL condition for "signals this person handles" (the inbox), the same rule as `handles`. */
export function handledBy(identity: CareIdentity) {
  if (identity.partnerId !== null) return eq(signals.partnerId, identity.partnerId);
  if (identity.coordinator) return undefined; // filtered in code: routed to the coordinator or escalated
  return null;
}

export interface ReporterView {
  id: string;
  category: SignalCategory;
  status: ReturnType<typeof broadStatus>;
  createdAt: number;
}

export type OpenedSignal =
  | { access: "handler"; signal: SignalRow; details: SignalDetails | null; identity: CareIdentity }
  | { access: "reporter"; signal: ReporterView };

export function reporterView(signal: Pick<SignalRow, "id" | "category" | "status" | "createdAt">): ReporterView {
  return { id: signal.id, category: signal.category as SignalCategory, status: broadStatus(signal.status as SignalStatus), createdAt: signal.createdAt };
}

/**
 * The signal as this actor may see it, or 404. `purpose: "view"` writes the access log when details
 * are shown; "change" (a state change or a note) loads for a handler only and logs nothing.
 */
export async function openSignal(env: Bindings, site: TenantSite, actor: Actor, id: string, purpose: "view" | "change" = "view"): Promise<OpenedSignal> {
  const db = site.db;
  const [row] = await db.select().from(signals).where(eq(signals.id, id)).limit(1);
  if (!row) throw new AppError("not_found", SIGNAL_NOT_FOUND);
  const identity = await careIdentity(db, actor);
  if (handles(identity, row)) {
    if (purpose === "view") {
      await db.insert(signalViews).values({ id: crypto.randomUUID(), signalId: row.id, viewerId: actor.userId, viewerRole: actor.role, partnerId: identity.partnerId, viewedAt: Date.now() });
    }
    return { access: "handler", signal: row, details: purpose === "view" ? await unsealDetails(env, site, row.id, row.details) : null, identity };
  }
  if (purpose === "view" && row.reporterId !== null && row.reporterId === actor.userId) return { access: "reporter", signal: reporterView(row) };
  throw new AppError("not_found", SIGNAL_NOT_FOUND);
}

/** Notes of the handler's own side: the organisation's, or the coordinator's (written without an organisation). */
export function ownNotesCondition(signalId: string, identity: CareIdentity) {
  const { signalNotes } = tenantSchema;
  return and(eq(signalNotes.signalId, signalId), identity.partnerId !== null ? eq(signalNotes.partnerId, identity.partnerId) : isNull(signalNotes.partnerId));
}
