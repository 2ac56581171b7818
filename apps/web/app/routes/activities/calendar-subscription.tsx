import { data, Form, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FormError } from "../../components/field-error.tsx";

// /agenda — my private calendar link: make one (shown once: only its hash is kept), make a new one, revoke.

export const meta: MetaFunction = () => [{ title: "Mijn agenda — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.calendar.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, locale };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { viewer } = context.get(requestSiteContext);
  if (!viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  if (field(form, "intent") === "revoke") {
    const result = await callApi(request, (api) => api.calendar.revoke.$post());
    if (result.ok) return { made: null, revoked: true, error: null };
    return data({ made: null, revoked: false, error: result.error?.message ?? null }, { status: result.status });
  }
  const result = await callApi(request, (api) => api.calendar.$post());
  if (result.ok) return { made: result.data.subscription, revoked: false, error: null };
  return data({ made: null, revoked: false, error: result.error?.message ?? null }, { status: result.status });
}

export default function CalendarSubscription() {
  const { subscription, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const made = result?.made ?? null;
  return (
    <div className="card narrow-form">
      <h1>{t("activities.calendar.title")}</h1>
      <p>{t("activities.calendar.intro")}</p>
      <p className="notice">{t("activities.calendar.secret")}</p>
      <FormError message={result?.error} />
      {result?.revoked ? (
        <p className="success" role="status">
          {t("activities.calendar.revoked")}
        </p>
      ) : null}
      {made ? (
        <div className="success" role="status">
          <label htmlFor="calendar-url">{t("activities.calendar.yourLink")}</label>
          <input id="calendar-url" readOnly value={made.url} className="calendar-url" />
          <p>
            <a className="button" href={made.webcal}>
              {t("activities.calendar.openOnPhone")}
            </a>
          </p>
          <p className="hint">{t("activities.calendar.howTo")}</p>
        </div>
      ) : subscription ? (
        <p>{t("activities.calendar.active", { date: formatDateTime(subscription.createdAt, locale, "long") })}</p>
      ) : (
        <p>{t("activities.calendar.none")}</p>
      )}
      <div className="button-row">
        <Form method="post">
          <input type="hidden" name="intent" value="create" />
          <button type="submit" className={subscription || made ? "button secondary" : "button"}>
            {subscription || made ? t("activities.calendar.renew") : t("activities.calendar.create")}
          </button>
        </Form>
        {subscription || made ? (
          <Form method="post">
            <input type="hidden" name="intent" value="revoke" />
            <button type="submit" className="button danger">
              {t("activities.calendar.revoke")}
            </button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
