import { data, Link, redirect, useActionData, useParams, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FormError } from "../../components/field-error.tsx";
import { ActivityForm, EMPTY_ACTIVITY, readActivityForm } from "./activity-form.tsx";

// /buurt/:slug/activiteiten/nieuw — a member (or staff) organises an activity; it is published at once.

export const meta: MetaFunction = () => [{ title: "Nieuwe activiteit — Buurtplein" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  return null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer } = context.get(requestSiteContext);
  if (!viewer) throw redirect("/inloggen");
  const { values, body } = readActivityForm(await readForm(request));
  const slug = encodeURIComponent(params.slug ?? "");
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].activities.$post({ param: { slug } }), { json: body });
  if (result.ok) throw redirect(`/activiteit/${result.data.activity.id}`);
  return data({ values, error: result.error?.message ?? null, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function NewActivity() {
  const result = useActionData<typeof action>();
  const { slug } = useParams();
  const { t } = useTranslation();
  return (
    <div className="card narrow-form">
      <p>
        <Link to={`/buurt/${slug}/activiteiten`}>← {t("activities.backToList")}</Link>
      </p>
      <h1>{t("activities.form.createTitle")}</h1>
      <FormError message={result?.error} />
      <ActivityForm values={result?.values ?? EMPTY_ACTIVITY} fields={result?.fields ?? {}} submitLabel={t("activities.form.create")} />
    </div>
  );
}
