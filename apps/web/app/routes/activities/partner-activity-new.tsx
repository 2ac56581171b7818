import { data, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FormError } from "../../components/field-error.tsx";
import { ActivityForm, EMPTY_ACTIVITY, readActivityForm } from "./activity-form.tsx";

// /partner/activiteiten/nieuw — a partner drafts a sponsored activity for the neighbourhoods their
// organisation serves, and submits it for review (or keeps it as a draft).

export const meta: MetaFunction = () => [{ title: "Nieuwe gesponsorde activiteit — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.partner.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { organisation: result.data.organisation, neighbourhoods: result.data.neighbourhoods };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { viewer } = context.get(requestSiteContext);
  if (!viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const { values, body } = readActivityForm(form);
  const json = { ...body, neighbourhoods: values.neighbourhoods, sponsorNote: values.sponsorNote || null, draft: field(form, "intent") === "draft" };
  const result = await callApi(request, (api) => api.partner.activities.$post(), { json });
  if (result.ok) throw redirect("/partner");
  return data({ values, error: result.error?.message ?? null, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function NewSponsoredActivity() {
  const { organisation, neighbourhoods } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="card narrow-form">
      <p>
        <Link to="/partner">← {t("activities.partner.title")}</Link>
      </p>
      <h1>{t("activities.partner.create")}</h1>
      <p className="sponsor-label">{t("activities.sponsoredBy", { name: organisation.name })}</p>
      <FormError message={result?.error} />
      <ActivityForm
        values={result?.values ?? EMPTY_ACTIVITY}
        fields={result?.fields ?? {}}
        submitLabel={t("activities.form.submit")}
        partner={{ neighbourhoods, draftLabel: t("activities.form.saveDraft") }}
      />
    </div>
  );
}
