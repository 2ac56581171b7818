// What people are told about activities: THE place where "someone moved up from the waiting list",
// "someone takes part" and "an activity was cancelled" happen, by e-mail through the tenant's mailer
// and in the app (notify()). Sent after the answer (waitUntil); a failing mailer is logged and never
// undoes the change.
import { inArray } from "drizzle-orm";
import { renderActivityCancelledMail, renderMovedUpMail, type RenderedMail } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { Context } from "hono";
import type { AppEnv, Site } from "../env.ts";
import { runInBackground } from "../lib/background.ts";
import { notify } from "../notifications/notify.ts";
import { sendTenantMail, tenantMailSetup } from "../lib/tenant-mail.ts";

type TenantSite = Extract<Site, { kind: "tenant" }>;

export interface NoticeActivity {
  id: string;
  title: string;
  startsAt: number;
}

interface Recipient {
  email: string | null;
  displayName: string;
  locale: string | null;
}

const whenFormats = new Map<string, Intl.DateTimeFormat>();
function when(instant: number, locale: "nl" | "en"): string {
  let format = whenFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Amsterdam" });
    whenFormats.set(locale, format);
  }
  return format.format(instant);
}

async function mailEach(c: Context<AppEnv>, site: TenantSite, activity: NoticeActivity, recipients: Recipient[], render: (input: Parameters<typeof renderMovedUpMail>[0]) => RenderedMail) {
  const link = `${new URL(c.req.url).origin}/activiteit/${activity.id}`;
  for (const person of recipients) {
    if (!person.email) continue;
    const { locale } = tenantMailSetup(c, site, person.locale);
    await sendTenantMail(c, site, person.email, render({ locale, displayName: person.displayName, title: activity.title, when: when(activity.startsAt, locale), link }));
  }
}

/** These people moved up from the waiting list and now have a place. */
export function noticeMovedUp(c: Context<AppEnv>, site: TenantSite, activity: NoticeActivity, userIds: string[]): void {
  if (userIds.length === 0) return;
  runInBackground(c, "moved-up e-mail not sent", async () => {
    const { users } = tenantSchema;
    await notify(site.db, { to: userIds, kind: "waitlist_moved_up", subjectId: activity.id, url: `/activiteit/${activity.id}`, params: { title: activity.title } });
    const people = await site.db.select({ email: users.email, displayName: users.displayName, locale: users.locale }).from(users).where(inArray(users.id, userIds));
    await mailEach(c, site, activity, people, renderMovedUpMail);
  });
}

/** Someone now takes part: the organisers see it in the app (never by e-mail: that would be noisy). */
export function noticeRsvp(c: Context<AppEnv>, site: TenantSite, activity: NoticeActivity, organiserIds: string[], person: { userId: string; displayName: string }): void {
  if (organiserIds.length === 0) return;
  runInBackground(c, "rsvp notification not written", async () => {
    await notify(site.db, { to: organiserIds, kind: "rsvp", actorId: person.userId, subjectId: activity.id, url: `/activiteit/${activity.id}/deelnemers`, params: { name: person.displayName, title: activity.title } });
  });
}

/** The activity was cancelled: everyone who said going or maybe (waiting list too) gets the organiser's message. */
export function noticeCancelled(c: Context<AppEnv>, site: TenantSite, activity: NoticeActivity, recipients: Recipient[], message: string): void {
  if (recipients.length === 0) return;
  runInBackground(c, "cancellation e-mail not sent", async () => {
    await mailEach(c, site, activity, recipients, (input) => renderActivityCancelledMail({ ...input, message }));
  });
}
