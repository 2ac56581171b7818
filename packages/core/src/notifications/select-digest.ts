// What goes into one member's digest: posts of their own neighbourhoods since the last digest (never
// their own), help requests and lost & found first, at most DIGEST_ITEM_LIMIT, grouped by neighbourhood
// and kind; and the activities of the coming week in those neighbourhoods. Pure: the job (apps/worker/src/notifications/digest-job.ts) loads the rows, this decides.
import type { PostKind } from "../community/post-kinds.ts";
import { digestWindowMs, type DigestFrequency } from "./digest-schedule.ts";

export const DIGEST_ITEM_LIMIT = 10;

/** Most relevant first: asking for help and lost & found before everything else. */
export const DIGEST_KIND_ORDER: readonly PostKind[] = ["help_request", "lost_found", "announcement", "question", "offer", "idea", "message"];

export interface DigestCandidate {
  id: string;
  neighbourhoodId: string;
  kind: string;
  title: string | null;
  body: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: number;
}

export interface DigestNeighbourhood {
  id: string;
  slug: string;
  name: string;
}

export interface DigestItem {
  id: string;
  kind: string;
  title: string | null;
  /** The first words of the post. */
  excerpt: string;
  authorName: string | null;
  createdAt: number;
}

export interface DigestGroup {
  neighbourhood: DigestNeighbourhood;
  kinds: { kind: string; items: DigestItem[] }[];
}

/** One published activity in one neighbourhood (a row per neighbourhood it is in; the job loads them once per run). */
export interface DigestActivityCandidate {
  id: string;
  neighbourhoodId: string;
  title: string;
  place: string;
  startsAt: number;
  /** The sponsor's name when sponsored (already left out where the corporation switched sponsored ones off). */
  sponsorName: string | null;
  /** Last change (creation, publication, edit): "new" for a digest when after the last digest. */
  updatedAt: number;
}

export interface DigestActivity {
  id: string;
  title: string;
  place: string;
  startsAt: number;
  sponsorName: string | null;
}

/** At most this many activities of the coming week in one digest (soonest first). */
export const DIGEST_ACTIVITY_LIMIT = 5;
/** "The coming week": activities starting from now up to seven days ahead. */
export const DIGEST_ACTIVITY_HORIZON_MS = 7 * 24 * 60 * 60 * 1000;

export interface Digest {
  groups: DigestGroup[];
  /** Activities of the coming week in the member's neighbourhoods, soonest first. */
  activities: DigestActivity[];
  /** Items shown (≤ DIGEST_ITEM_LIMIT). */
  shown: number;
  /** Everything new, shown or not. */
  total: number;
  since: number;
}

export interface DigestMemberState {
  userId: string;
  frequency: Exclude<DigestFrequency, "off">;
  /** The member's active neighbourhoods (only these: staff see only what residents share). */
  neighbourhoods: DigestNeighbourhood[];
  /** When the last digest went out, if ever. */
  lastDigestAt: number | null;
  /** The latest moment any of their sessions was used, if ever. */
  lastSeenAt: number | null;
}

/**
 * The moment the digest looks back to: the last digest, but never further back than one period (a day
 * or a week), so a member who comes back after months gets a calm digest, not a pile.
 */
export function digestSince(member: Pick<DigestMemberState, "frequency" | "lastDigestAt">, now: number): number {
  return Math.max(member.lastDigestAt ?? Number.NEGATIVE_INFINITY, now - digestWindowMs(member.frequency));
}

/** Away: not on the platform since the last digest (never visited counts as away). */
export function isAway(member: Pick<DigestMemberState, "frequency" | "lastDigestAt" | "lastSeenAt">, now: number): boolean {
  return member.lastSeenAt === null || member.lastSeenAt <= digestSince(member, now);
}

function kindRank(kind: string): number {
  const index = (DIGEST_KIND_ORDER as readonly string[]).indexOf(kind);
  return index === -1 ? DIGEST_KIND_ORDER.length : index;
}

const EXCERPT_LENGTH = 140;

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/** The member's activities of the coming week (deduplicated over neighbourhoods), soonest first. */
export function selectDigestActivities(
  member: Pick<DigestMemberState, "neighbourhoods">,
  candidates: readonly DigestActivityCandidate[],
  now: number,
  limit = DIGEST_ACTIVITY_LIMIT,
): DigestActivityCandidate[] {
  const mine = new Set(member.neighbourhoods.map((neighbourhood) => neighbourhood.id));
  const seen = new Map<string, DigestActivityCandidate>();
  for (const activity of candidates) {
    if (!mine.has(activity.neighbourhoodId) || activity.startsAt < now || activity.startsAt > now + DIGEST_ACTIVITY_HORIZON_MS) continue;
    if (!seen.has(activity.id)) seen.set(activity.id, activity);
  }
  return [...seen.values()].sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : 1)).slice(0, limit);
}

/**
 * The digest of one member from the candidate posts and activities (any neighbourhood, any time:
 * filtered here), or null when nothing happened — then nothing is sent.
 *
 * "Nothing happened": no new post AND no activity of the coming week that is new (or changed) since the
 * last digest. An upcoming activity alone is worth a digest the first time (a barbecue next Saturday is
 * news), but the same activity is not worth one again: a daily member would otherwise get the same
 * reminder every day of the week. Once a digest goes out for any reason, it lists ALL the activities of
 * the coming week, the known ones too.
 */
export function selectDigest(
  member: DigestMemberState,
  candidates: readonly DigestCandidate[],
  now: number,
  limit = DIGEST_ITEM_LIMIT,
  activityCandidates: readonly DigestActivityCandidate[] = [],
  /** The digest page (opened by the member): the coming week's activities always count, known or not. */
  upcomingAlwaysCounts = false,
): Digest | null {
  const since = digestSince(member, now);
  const mine = new Map(member.neighbourhoods.map((neighbourhood) => [neighbourhood.id, neighbourhood]));
  const fresh = candidates.filter(
    (post) => mine.has(post.neighbourhoodId) && post.createdAt > since && post.createdAt <= now && post.authorId !== member.userId,
  );
  const upcoming = selectDigestActivities(member, activityCandidates, now);
  if (fresh.length === 0 && !upcoming.some((activity) => upcomingAlwaysCounts || activity.updatedAt > since)) return null;
  const activities = upcoming.map(({ id, title, place, startsAt, sponsorName }) => ({ id, title, place, startsAt, sponsorName }));
  const ranked = [...fresh].sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  const chosen = ranked.slice(0, limit);
  const groups: DigestGroup[] = [];
  for (const post of chosen) {
    let group = groups.find((candidate) => candidate.neighbourhood.id === post.neighbourhoodId);
    if (!group) {
      group = { neighbourhood: mine.get(post.neighbourhoodId)!, kinds: [] };
      groups.push(group);
    }
    let kind = group.kinds.find((candidate) => candidate.kind === post.kind);
    if (!kind) {
      kind = { kind: post.kind, items: [] };
      group.kinds.push(kind);
    }
    kind.items.push({ id: post.id, kind: post.kind, title: post.title, excerpt: excerptOf(post.body), authorName: post.authorName, createdAt: post.createdAt });
  }
  return { groups, activities, shown: chosen.length, total: fresh.length, since };
}
