import { data, Link, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";

// /activiteit/:id/deelnemers — the organiser (and staff) see who is going, maybe, and waiting.

export const meta: MetaFunction = () => [{ title: "Wie komen er — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const id = encodeURIComponent(params.id ?? "");
  const result = await callApi(request, (api) => api.activities[":id"].attendees.$get({ param: { id } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return result.data;
}

export default function Attendees() {
  const { activity, going, maybe, waitlist } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const section = (key: "going" | "maybe" | "waitlist", people: { displayName: string; street: string | null }[]) => (
    <section aria-labelledby={`${key}-title`}>
      <h2 id={`${key}-title`}>{t(`activities.attendeesPage.${key}`, { count: people.length })}</h2>
      {people.length === 0 ? (
        <p className="empty">{t("activities.attendeesPage.nobody")}</p>
      ) : (
        <ol className={`attendee-list attendee-${key}`}>
          {people.map((person, index) => (
            <li key={`${person.displayName}-${index}`}>
              {person.displayName}
              {person.street ? <span className="post-meta"> · {person.street}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
  return (
    <div>
      <p>
        <Link to={`/activiteit/${activity.id}`}>← {activity.title}</Link>
      </p>
      <h1>{t("activities.attendeesPage.title", { title: activity.title })}</h1>
      <p className="hint">{t("activities.attendeesPage.onlyOrganiser")}</p>
      {section("going", going)}
      {section("waitlist", waitlist)}
      {section("maybe", maybe)}
    </div>
  );
}
