import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, fieldAria, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { formatWhen } from "./activity-format.ts";

// /beheer/activiteiten — the corporation reviews sponsored activities (approve, or reject with a reason
// the partner sees), sees the published ones and their reach, and (admin) switches sponsored activities
// off or on per neighbourhood.

export const meta: MetaFunction = () => [{ title: "Gesponsorde activiteiten — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.activities.review.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, locale, admin: viewer.user.role === "admin" };
}

type Done = "approved" | "rejected" | "switched";

export async function action({ request, context }: ActionFunctionArgs) {
  const { viewer } = context.get(requestSiteContext);
  if (!viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const intent = field(form, "intent");
  const id = encodeURIComponent(field(form, "id"));
  if (intent === "approve") {
    const result = await callApi(request, (api) => api.activities[":id"].approve.$post({ param: { id } }));
    if (result.ok) return { done: "approved" as Done, error: null, rejectFor: null, reason: "", fields: {} as Record<string, string> };
    return data({ done: null, error: result.error?.message ?? null, rejectFor: null, reason: "", fields: {} as Record<string, string> }, { status: result.status });
  }
  if (intent === "reject") {
    const reason = field(form, "reason");
    const result = await callApi(request, (api) => api.activities[":id"].reject.$post({ param: { id } }), { json: { reason } });
    if (result.ok) return { done: "rejected" as Done, error: null, rejectFor: null, reason: "", fields: {} as Record<string, string> };
    return data({ done: null, error: result.error?.message ?? null, rejectFor: field(form, "id"), reason, fields: fieldErrors(result.error?.details) }, { status: result.status });
  }
  const slug = encodeURIComponent(field(form, "slug"));
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"]["sponsored-activities"].$post({ param: { slug } }), { json: { enabled: intent === "switch_on" } });
  if (result.ok) return { done: "switched" as Done, error: null, rejectFor: null, reason: "", fields: {} as Record<string, string> };
  return data({ done: null, error: result.error?.message ?? null, rejectFor: null, reason: "", fields: {} as Record<string, string> }, { status: result.status });
}

export default function ReviewQueue() {
  const { waiting, published, neighbourhoods, locale, admin } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="admin-review">
      <h1>{t("activities.review.title")}</h1>
      <p>{t("activities.review.intro")}</p>
      {result?.done === "approved" || result?.done === "rejected" ? (
        <p className="success" role="status">
          {t(`activities.review.${result.done}`)}
        </p>
      ) : null}
      <FormError message={result?.rejectFor ? null : result?.error} />
      {waiting.length === 0 ? (
        <p className="empty">{t("activities.review.empty")}</p>
      ) : (
        <ul className="invite-list">
          {waiting.map((activity) => {
            const rejecting = result?.rejectFor === activity.id;
            const fields = rejecting ? (result?.fields ?? {}) : {};
            return (
              <li key={activity.id} className="card">
                <h2>{activity.title}</h2>
                <p className="post-meta">
                  {t("activities.review.by", { organisation: activity.organisation })} · {t("activities.review.for", { neighbourhoods: activity.neighbourhoods.join(", ") })}
                </p>
                <p className="post-meta">
                  {formatWhen(activity.startsAt, activity.endsAt, locale)} · {activity.place}
                  {activity.capacity !== null ? <> · {t("activities.capacity")}: {activity.capacity}</> : null}
                </p>
                <p className="post-body">{activity.description}</p>
                {activity.sponsorNote ? <p className="hint">{t("activities.sponsorNote")}: {activity.sponsorNote}</p> : null}
                <Form method="post" className="button-row">
                  <input type="hidden" name="id" value={activity.id} />
                  <button type="submit" name="intent" value="approve" className="button">
                    {t("activities.review.approve")}
                  </button>
                </Form>
                <Form method="post" className="form">
                  <input type="hidden" name="id" value={activity.id} />
                  <input type="hidden" name="intent" value="reject" />
                  {rejecting ? <FormError message={result?.error} /> : null}
                  <label htmlFor={`reason-${activity.id}`}>{t("activities.review.reason")}</label>
                  <textarea id={`reason-${activity.id}`} name="reason" rows={2} maxLength={1000} defaultValue={rejecting ? result?.reason : ""} {...fieldAria(fields, "reason")} />
                  <FieldError id="reason-error" message={fields.reason} />
                  <button type="submit" className="button secondary">
                    {t("activities.review.reject")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}

      <section aria-labelledby="published-title">
        <h2 id="published-title">{t("activities.review.published")}</h2>
        {published.length === 0 ? (
          <p className="empty">{t("activities.review.publishedEmpty")}</p>
        ) : (
          <ul>
            {published.map((activity) => (
              <li key={activity.id}>
                <Link to={`/activiteit/${activity.id}`}>{activity.title}</Link> · {activity.organisation} · {formatWhen(activity.startsAt, activity.endsAt, locale)} ·{" "}
                <Link to={`/partner/activiteiten/${activity.id}`}>{t("activities.partner.reach")}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sponsored-settings-title" className="card">
        <h2 id="sponsored-settings-title">{t("activities.review.settingsTitle")}</h2>
        <p>{t("activities.review.settingsIntro")}</p>
        <ul className="sponsored-settings">
          {neighbourhoods.map((place) => (
            <li key={place.slug} className="button-row">
              <span>
                {place.name}: <strong>{place.sponsoredOff ? t("activities.review.off") : t("activities.review.on")}</strong>
              </span>
              {admin ? (
                <Form method="post">
                  <input type="hidden" name="slug" value={place.slug} />
                  <button type="submit" name="intent" value={place.sponsoredOff ? "switch_on" : "switch_off"} className="button secondary">
                    {place.sponsoredOff ? t("activities.review.switchOn") : t("activities.review.switchOff")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
