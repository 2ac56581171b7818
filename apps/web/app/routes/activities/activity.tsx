import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FormError } from "../../components/field-error.tsx";
import { SponsorLabel } from "./activity-item.tsx";
import { formatMoment, formatWhen } from "./activity-format.ts";

// /activiteit/:id — one activity: when, where, who organises, counts; going / maybe / not going as three
// plain form buttons (no JavaScript), the waiting list when full, and a link to the .ics file.

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [{ title: `${loaderData?.activity.title ?? ""} — Buurtplein` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const id = encodeURIComponent(params.id ?? "");
  const result = await callApi(request, (api) => api.activities[":id"].$get({ param: { id } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { activity: result.data.activity, locale, now: Date.now() };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer } = context.get(requestSiteContext);
  if (!viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const id = encodeURIComponent(params.id ?? "");
  const result = await callApi(request, (api) => api.activities[":id"].rsvp.$post({ param: { id } }), { json: { answer: field(form, "answer") } });
  if (result.ok) return { saved: true as const, error: null };
  return data({ saved: false as const, error: result.error?.message ?? null }, { status: result.status });
}

export default function ActivityPage() {
  const { activity, locale, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const counts = activity.counts;
  const cancelled = activity.status === "cancelled";
  const ended = activity.endsAt <= now;
  const deadlinePassed = activity.registrationDeadline !== null && activity.registrationDeadline < now;
  const placesLeft = activity.capacity !== null && typeof counts.going === "number" ? Math.max(0, activity.capacity - counts.going) : null;
  const mine = activity.myRsvp;
  const answers = [
    ["going", t("activities.going")],
    ["maybe", t("activities.maybe")],
    ["not_going", t("activities.notGoing")],
  ] as const;
  const first = activity.neighbourhoods[0];

  return (
    <article className="activity-page">
      {first ? (
        <p>
          <Link to={`/buurt/${first.slug}/activiteiten`}>← {t("activities.backToList")}</Link>
        </p>
      ) : null}
      <h1>{activity.title}</h1>
      {activity.sponsor ? <SponsorLabel name={activity.sponsor.name} /> : null}
      {cancelled ? (
        <div className="form-error" role="status">
          <strong>{t("activities.cancelledText")}</strong>
          {activity.cancelMessage ? (
            <figure className="form-error-note">
              <figcaption>{t("activities.cancelMessage")}</figcaption>
              <blockquote>{activity.cancelMessage}</blockquote>
            </figure>
          ) : null}
        </div>
      ) : null}
      {activity.reviewReason ? (
        <p className="notice">
          {t("activities.partner.reason")} {activity.reviewReason}
        </p>
      ) : null}
      <dl className="activity-facts">
        <dt>{t("activities.when")}</dt>
        <dd>
          <time dateTime={new Date(activity.startsAt).toISOString()}>{formatWhen(activity.startsAt, activity.endsAt, locale)}</time>
        </dd>
        <dt>{t("activities.place")}</dt>
        <dd>{activity.place}</dd>
        {activity.organisers.length > 0 ? (
          <>
            <dt>{t("activities.organiser")}</dt>
            <dd>{activity.organisers.map((organiser) => organiser.displayName).join(", ")}</dd>
          </>
        ) : null}
        {activity.capacity !== null ? (
          <>
            <dt>{t("activities.capacity")}</dt>
            <dd>
              {activity.capacity}
              {placesLeft !== null && !cancelled ? <> · {placesLeft === 0 ? t("activities.full") : t("activities.placesLeft", { count: placesLeft })}</> : null}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="post-body">{activity.description}</p>
      {activity.sponsor?.note ? (
        <p className="hint">
          {t("activities.sponsorNote")}: {activity.sponsor.note}
        </p>
      ) : null}
      <p className="post-meta" id="activity-counts">
        {t("activities.counts", { going: counts.going, maybe: counts.maybe })}
        {counts.waitlisted !== 0 ? <> · {t("activities.waitlistCount", { people: counts.waitlisted })}</> : null}
      </p>

      {activity.canRsvp && !cancelled && !ended ? (
        <section className="card rsvp" aria-labelledby="rsvp-title">
          <h2 id="rsvp-title">{t("activities.rsvpTitle")}</h2>
          {result?.saved ? (
            <p className="success" role="status">
              {t("activities.answered")}
            </p>
          ) : null}
          <FormError message={result?.error} />
          {mine ? (
            <p>
              <strong>{mine.waitlisted ? t("activities.onWaitlist") : t("activities.yourAnswer", { answer: t(`activities.answers.${mine.answer}`) })}</strong>
            </p>
          ) : null}
          {activity.registrationDeadline !== null ? (
            <p className="hint">{deadlinePassed ? t("activities.deadlinePassed") : t("activities.deadline", { date: formatMoment(activity.registrationDeadline, locale) })}</p>
          ) : null}
          <Form method="post" className="button-row">
            {answers.map(([answer, label]) => (
              <button
                key={answer}
                type="submit"
                name="answer"
                value={answer}
                className={mine?.answer === answer ? "button" : "button secondary"}
                aria-pressed={mine?.answer === answer}
                disabled={deadlinePassed && answer !== "not_going"}
              >
                {label}
              </button>
            ))}
          </Form>
        </section>
      ) : ended && !cancelled ? (
        <p className="notice">{t("activities.ended")}</p>
      ) : null}

      <ul className="quiet-links-list">
        <li>
          <a href={`/api/activities/${activity.id}/ics`} download>
            {t("activities.addToCalendar")}
          </a>
        </li>
        <li>
          {t("activities.subscribeHint")} <Link to="/agenda">{t("activities.subscribeLink")}</Link>
        </li>
        {activity.canSeeAttendees ? (
          <li>
            <Link to={`/activiteit/${activity.id}/deelnemers`}>{t("activities.attendees")}</Link>
          </li>
        ) : null}
        {activity.canEdit && !cancelled ? (
          <li>
            <Link to={`/activiteit/${activity.id}/bewerken`}>{t("activities.edit")}</Link>
          </li>
        ) : null}
        {activity.canCancel && !cancelled && activity.status !== "withdrawn" ? (
          <li>
            <Link to={`/activiteit/${activity.id}/afgelasten`}>{t("activities.cancel")}</Link>
          </li>
        ) : null}
      </ul>
    </article>
  );
}
