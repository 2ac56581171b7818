import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { field, readForm } from "../../lib/forms.ts";
import { FormError } from "../../components/field-error.tsx";
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

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer } = context.get(requestSiteContext);
  if (!viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const id = encodeURIComponent(params.id ?? "");
  const result = await callApi(request, (api) => api.activities[":id"].organisers.$post({ param: { id } }), { json: { userId: field(form, "userId") } });
  if (result.ok) return { added: field(form, "name"), error: null };
  return data({ added: null, error: result.error?.message ?? null }, { status: result.status });
}

type Person = { id: string; displayName: string; street: string | null; organiser: boolean };

export default function Attendees() {
  const { activity, going, maybe, waitlist } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const section = (key: "going" | "maybe" | "waitlist", people: Person[]) => (
    <section aria-labelledby={`${key}-title`}>
      <h2 id={`${key}-title`}>{t(`activities.attendeesPage.${key}`, { count: people.length })}</h2>
      {people.length === 0 ? (
        <p className="empty">{t("activities.attendeesPage.nobody")}</p>
      ) : (
        <ol className={`attendee-list attendee-${key}`}>
          {people.map((person, index) => (
            <li key={`${person.id}-${index}`} className="button-row">
              <span>
                {person.displayName}
                {person.street ? <span className="post-meta"> · {person.street}</span> : null}
                {person.organiser ? <span className="badge"> {t("activities.attendeesPage.isOrganiser")}</span> : null}
              </span>
              {key !== "waitlist" && !person.organiser ? (
                <Form method="post">
                  <input type="hidden" name="userId" value={person.id} />
                  <input type="hidden" name="name" value={person.displayName} />
                  <button type="submit" className="button secondary" aria-label={`${t("activities.attendeesPage.makeOrganiser")}: ${person.displayName}`}>
                    {t("activities.attendeesPage.makeOrganiser")}
                  </button>
                </Form>
              ) : null}
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
      {result?.added ? (
        <p className="success" role="status">
          {t("activities.attendeesPage.organiserAdded", { name: result.added })}
        </p>
      ) : null}
      <FormError message={result?.error} />
      {section("going", going)}
      {section("waitlist", waitlist)}
      {section("maybe", maybe)}
    </div>
  );
}
