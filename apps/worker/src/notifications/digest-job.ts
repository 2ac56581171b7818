// The digest for one corporation (run hourly per tenant by the queue consumer, or now by the dev route):
// every member whose digest hour has come (daily or weekly, quiet hours respected), who has an e-mail
// address, was away since the last digest, and has news from their own neighbourhoods (new posts, or a
// new activity of the coming week: see selectDigest), gets one e-mail.
// A job_runs row per member and period (job "digest", scope = member) makes a second one impossible.
import { and, eq, inArray } from "drizzle-orm";
import {
  UNSUBSCRIBE_TOKEN_TTL_MS,
  digestMailHeaders,
  digestPeriod,
  isAway,
  isDigestDue,
  renderDigestMail,
  selectDigest,
  signUnsubscribeToken,
  type MailLocale,
} from "@buurtplein/core";
import { runPool, tenantSchema } from "@buurtplein/db";
import { createMailer } from "../mail/create-mailer.ts";
import { settingsQuery } from "../middleware/session.ts";
import type { TenantJobContext } from "../jobs/run-job.ts";
import { activityCandidatesQuery, candidatesQuery, membersQuery, toDigestMember } from "./digest-data.ts";
import { unsubscribeKey } from "./unsubscribe-key.ts";

const { jobRuns } = tenantSchema;

export interface DigestRunReport {
  members: number;
  due: number;
  sent: number;
  /** Due, but already sent this period. */
  alreadySent: number;
  /** Due, but on the platform since the last digest. */
  notAway: number;
  /** Due and away, but nothing new. */
  nothingNew: number;
  /** Due, but without an e-mail address (they see the digest as a page). */
  noEmail: number;
  failed: number;
}

function mailLocale(...values: (string | null | undefined)[]): MailLocale {
  return (values.find((value) => value === "nl" || value === "en") as MailLocale | undefined) ?? "nl";
}

export function unsubscribeUrl(origin: string, token: string): string {
  return `${origin}/overzicht/afmelden?token=${encodeURIComponent(token)}`;
}

/** Members claimed (one statement) and marked done per chunk; e-mails sent this many at a time. */
const CLAIM_CHUNK = 100;
export const DIGEST_SEND_CONCURRENCY = 6;

export async function runDigestJob(context: TenantJobContext): Promise<DigestRunReport> {
  const { db, now, tenant } = context;
  const [settingsRows, memberRows, candidates, activityCandidates] = await db.batch([settingsQuery(db), membersQuery(db), candidatesQuery(db, now), activityCandidatesQuery(db, now)]);
  const settings = settingsRows[0];
  const members = memberRows.map(toDigestMember);
  const report: DigestRunReport = { members: members.length, due: 0, sent: 0, alreadySent: 0, notAway: 0, nothingNew: 0, noEmail: 0, failed: 0 };

  // 1. Who gets what (pure, in memory).
  const outgoing: { member: (typeof members)[number] & { email: string }; digest: NonNullable<ReturnType<typeof selectDigest>>; period: string }[] = [];
  for (const member of members) {
    const frequency = member.preferences.digest;
    if (frequency === "off") continue;
    if (!context.everyone && !isDigestDue(member.preferences, now)) continue;
    report.due++;
    if (!member.email) {
      report.noEmail++;
      continue;
    }
    const state = { userId: member.userId, frequency, neighbourhoods: member.neighbourhoods, lastDigestAt: member.lastDigestAt, lastSeenAt: member.lastSeenAt };
    if (!isAway(state, now)) {
      report.notAway++;
      continue;
    }
    const digest = selectDigest(state, candidates, now, undefined, activityCandidates);
    if (!digest) {
      report.nothingNew++;
      continue;
    }
    outgoing.push({ member: { ...member, email: member.email }, digest, period: digestPeriod(frequency, now) });
  }

  const mailer = createMailer(context.env, context.control);
  const key = await unsubscribeKey(context.env, tenant.id);
  let firstError: unknown = null;
  for (let start = 0; start < outgoing.length; start += CLAIM_CHUNK) {
    const chunk = outgoing.slice(start, start + CLAIM_CHUNK);
    // 2. Claim (member, period) in one statement: a row that exists means this period's digest went (or goes) out.
    const claimed = await db
      .insert(jobRuns)
      .values(chunk.map(({ member, period }) => ({ job: "digest", period, scope: member.userId, status: "running", startedAt: now })))
      .onConflictDoNothing()
      .returning({ scope: jobRuns.scope, period: jobRuns.period });
    const mine = new Set(claimed.map((row) => `${row.period}|${row.scope}`));
    report.alreadySent += chunk.length - mine.size;
    const sent: typeof chunk = [];
    const failed: typeof chunk = [];
    // 3. Send, a few at a time.
    await runPool(
      chunk.filter(({ member, period }) => mine.has(`${period}|${member.userId}`)),
      DIGEST_SEND_CONCURRENCY,
      async (item) => {
        try {
          const url = unsubscribeUrl(context.origin, await signUnsubscribeToken(key, item.member.userId, now + UNSUBSCRIBE_TOKEN_TTL_MS));
          const mail = renderDigestMail({
            locale: mailLocale(item.member.locale, settings?.defaultLocale),
            corporationName: settings?.displayName ?? tenant.name,
            primaryColor: settings?.primaryColor ?? "#1f6f5c",
            accentColor: settings?.accentColor ?? "#f2b134",
            sponsorStatement: settings?.sponsorStatement ?? null,
            displayName: item.member.displayName,
            digest: item.digest,
            origin: context.origin,
            unsubscribeUrl: url,
          });
          await mailer.send({ to: item.member.email, ...mail, tenantSlug: tenant.slug, headers: digestMailHeaders(url), stream: "broadcast" });
          sent.push(item);
        } catch (error) {
          failed.push(item);
          firstError ??= error;
        }
      },
    );
    // 4. Done for the sent ones; the claims of the failed ones go, so a retry of this message sends them.
    for (const period of new Set(chunk.map((item) => item.period))) {
      const done = sent.filter((item) => item.period === period).map((item) => item.member.userId);
      const undone = failed.filter((item) => item.period === period).map((item) => item.member.userId);
      if (done.length) {
        await db
          .update(jobRuns)
          .set({ status: "done", finishedAt: Date.now() })
          .where(and(eq(jobRuns.job, "digest"), eq(jobRuns.period, period), inArray(jobRuns.scope, done)));
      }
      if (undone.length) {
        await db
          .delete(jobRuns)
          .where(and(eq(jobRuns.job, "digest"), eq(jobRuns.period, period), inArray(jobRuns.scope, undone)))
          .catch(() => undefined);
      }
    }
    report.sent += sent.length;
    report.failed += failed.length;
  }
  context.logger.log(report.failed > 0 ? "error" : "info", "digest run", { tenant: tenant.slug, ...report });
  if (firstError) throw firstError;
  return report;
}
