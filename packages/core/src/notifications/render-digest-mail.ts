// The calm digest e-mail: plain, accessible HTML (the shared mail layout, headings per neighbourhood
// and kind, a section with the activities of the coming week (Amsterdam time, sponsor label), real links) and a text part, in the member's language, with the corporation's name,
// colours and sponsor statement, and the one-click unsubscribe link. Pure: the job sends what this returns.
import { escapeHtml } from "../mail/escape-html.ts";
import { wrapMailHtml, type MailLocale, type RenderedMail } from "../mail/mail-layout.ts";
import { translate, type MessageKey, type MessageParams } from "../i18n/messages.ts";
import type { Digest } from "./select-digest.ts";

export interface DigestMailInput {
  locale: MailLocale;
  corporationName: string;
  primaryColor: string;
  accentColor: string;
  sponsorStatement: string | null;
  displayName: string;
  digest: Digest;
  /** https://delinde.buurtplein.nl — links are built on the corporation's own host. */
  origin: string;
  /** The signed one-click unsubscribe URL (also in the List-Unsubscribe header). */
  unsubscribeUrl: string;
}

const SAFE_COLOUR = /^#[0-9a-fA-F]{6}$/;

function dateText(locale: MailLocale, instant: number): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", { timeZone: "Europe/Amsterdam", weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }).format(instant);
}

export function kindLabelKey(kind: string): MessageKey {
  const known = ["help_request", "lost_found", "announcement", "question", "offer", "idea", "message"];
  return `notifications.digest.kinds.${known.includes(kind) ? kind : "message"}` as MessageKey;
}

export function renderDigestMail(input: DigestMailInput): RenderedMail {
  const say = (key: MessageKey, params: MessageParams = {}) => translate(input.locale, key, { corporation: input.corporationName, person: input.displayName, ...params });
  const brand = SAFE_COLOUR.test(input.primaryColor) ? input.primaryColor : "#1f6f5c";
  const accent = SAFE_COLOUR.test(input.accentColor) ? input.accentColor : "#f2b134";
  const { digest } = input;
  const subject = say("notifications.digest.subject");
  const since = dateText(input.locale, digest.since);
  const moreUrl = `${input.origin}/meldingen/overzicht`;
  const settingsUrl = `${input.origin}/account#meldingen`;

  const text: string[] = [say("mail.greetingName"), "", say("notifications.digest.intro", { since }), ""];
  const html: string[] = [
    `<div style="border-top:6px solid ${brand};padding-top:12px;"><p style="margin:0;font-weight:bold;color:${brand};">${escapeHtml(input.corporationName)}</p></div>`,
    `<h1 style="font-size:26px;line-height:1.3;">${escapeHtml(subject)}</h1>`,
    `<p>${escapeHtml(say("mail.greetingName"))}</p>`,
    `<p>${escapeHtml(say("notifications.digest.intro", { since }))}</p>`,
  ];
  for (const group of digest.groups) {
    const feedUrl = `${input.origin}/buurt/${encodeURIComponent(group.neighbourhood.slug)}`;
    text.push(`== ${group.neighbourhood.name} ==`);
    html.push(`<h2 style="font-size:22px;border-bottom:3px solid ${accent};padding-bottom:4px;">${escapeHtml(group.neighbourhood.name)}</h2>`);
    for (const kind of group.kinds) {
      const label = say(kindLabelKey(kind.kind));
      text.push("", `${label}:`);
      html.push(`<h3 style="font-size:19px;margin-bottom:4px;">${escapeHtml(label)}</h3>`, '<ul style="padding-left:20px;margin-top:4px;">');
      for (const item of kind.items) {
        const heading = item.title ?? item.excerpt;
        const by = item.authorName ? ` (${say("notifications.digest.by", { name: item.authorName })})` : "";
        text.push(`- ${heading}${by}`, ...(item.title ? [`  ${item.excerpt}`] : []));
        html.push(
          `<li style="margin-bottom:10px;"><a href="${escapeHtml(feedUrl)}" style="color:${brand};font-weight:bold;">${escapeHtml(heading)}</a>${escapeHtml(by)}${
            item.title ? `<br>${escapeHtml(item.excerpt)}` : ""
          }</li>`,
        );
      }
      html.push("</ul>");
    }
    text.push("", `${say("notifications.digest.readOn")}: ${feedUrl}`, "");
  }
  if (digest.activities.length > 0) {
    const heading = say("notifications.digest.activities");
    text.push(`== ${heading} ==`);
    html.push(`<h2 style="font-size:22px;border-bottom:3px solid ${accent};padding-bottom:4px;">${escapeHtml(heading)}</h2>`, '<ul style="padding-left:20px;margin-top:4px;">');
    for (const activity of digest.activities) {
      const url = `${input.origin}/activiteit/${encodeURIComponent(activity.id)}`;
      const when = dateText(input.locale, activity.startsAt);
      const where = say("notifications.digest.activityWhere", { place: activity.place });
      const sponsor = activity.sponsorName ? say("activities.sponsoredBy", { name: activity.sponsorName }) : null;
      text.push(`- ${activity.title}`, `  ${when}, ${where}`, ...(sponsor ? [`  ${sponsor}`] : []), `  ${url}`);
      html.push(
        `<li style="margin-bottom:10px;"><a href="${escapeHtml(url)}" style="color:${brand};font-weight:bold;">${escapeHtml(activity.title)}</a><br>${escapeHtml(when)}, ${escapeHtml(where)}${
          sponsor ? `<br><span style="font-size:16px;">${escapeHtml(sponsor)}</span>` : ""
        }</li>`,
      );
    }
    html.push("</ul>");
    text.push("");
  }
  if (digest.total > digest.shown) {
    const more = say("notifications.digest.more", { total: digest.total, shown: digest.shown });
    text.push(more, moreUrl, "");
    html.push(`<p>${escapeHtml(more)} <a href="${escapeHtml(moreUrl)}" style="color:${brand};">${escapeHtml(moreUrl)}</a></p>`);
  }
  text.push(say("mail.signature"), "", "--", say("notifications.digest.whyYouGetThis"));
  html.push(`<p>${escapeHtml(say("mail.signature"))}</p>`, '<hr style="border:0;border-top:1px solid #cccccc;">');
  html.push(`<p style="font-size:16px;">${escapeHtml(say("notifications.digest.whyYouGetThis"))}</p>`);
  if (input.sponsorStatement) {
    text.push(input.sponsorStatement);
    html.push(`<p style="font-size:16px;">${escapeHtml(input.sponsorStatement)}</p>`);
  }
  text.push(`${say("notifications.digest.settings")}: ${settingsUrl}`, `${say("notifications.digest.unsubscribe")}: ${input.unsubscribeUrl}`);
  html.push(
    `<p style="font-size:16px;"><a href="${escapeHtml(settingsUrl)}" style="color:${brand};">${escapeHtml(say("notifications.digest.settings"))}</a> · <a href="${escapeHtml(input.unsubscribeUrl)}" style="color:${brand};">${escapeHtml(say("notifications.digest.unsubscribe"))}</a></p>`,
  );
  return { subject, text: text.join("\n"), html: wrapMailHtml(input.locale, subject, html) };
}

/** RFC 2369 / RFC 8058 headers: a mail client's own "unsubscribe" button posts to the same URL. */
export function digestMailHeaders(unsubscribeUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
