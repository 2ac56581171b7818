import { Link } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { formatWhen } from "./activity-format.ts";

/** An activity as lists show it (the activities page, the feed). */
export interface ActivityListItem {
  id: string;
  title: string;
  place: string;
  startsAt: number;
  endsAt: number;
  capacity: number | null;
  status: string;
  sponsor: { name: string } | null;
  counts: { going: number; maybe: number; waitlisted: number };
  myRsvp: { answer: string; waitlisted: boolean } | null;
}

export function SponsorLabel({ name }: { name: string }) {
  const { t } = useTranslation();
  return <p className="sponsor-label">{t("activities.sponsoredBy", { name })}</p>;
}

export function ActivityItem({ activity, locale, headingLevel = 3 }: { activity: ActivityListItem; locale: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const full = activity.capacity !== null && activity.counts.going >= activity.capacity;
  return (
    <article className={`activity${activity.sponsor ? " activity-sponsored" : ""}`}>
      <p className="post-meta">
        <span className="badge">{t("activities.inFeed")}</span>{" "}
        <time dateTime={new Date(activity.startsAt).toISOString()}>{formatWhen(activity.startsAt, activity.endsAt, locale)}</time>
        {full ? <> · <span className="badge state-expired">{t("activities.full")}</span></> : null}
      </p>
      <Heading>
        <Link to={`/activiteit/${activity.id}`}>{activity.title}</Link>
      </Heading>
      <p className="post-meta">{activity.place}</p>
      {activity.sponsor ? <SponsorLabel name={activity.sponsor.name} /> : null}
      <p className="post-meta">
        {t("activities.counts", { going: activity.counts.going, maybe: activity.counts.maybe })}
        {activity.counts.waitlisted > 0 ? <> · {t("activities.waitlistCount", { people: activity.counts.waitlisted })}</> : null}
        {activity.myRsvp ? (
          <>
            {" "}
            · <strong>{activity.myRsvp.waitlisted ? t("activities.onWaitlist") : t("activities.yourAnswer", { answer: t(`activities.answers.${activity.myRsvp.answer}`) })}</strong>
          </>
        ) : null}
      </p>
    </article>
  );
}
