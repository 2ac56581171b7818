import { data, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { toAmsterdamInputValue } from "@buurtplein/core/activities/activity-time";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FormError } from "../../components/field-error.tsx";
import { ActivityForm, readActivityForm, type ActivityFormValues } from "./activity-form.tsx";

// /activiteit/:id/bewerken — the organiser (or staff; for a sponsored activity its partner) changes an
// activity. A sponsored one goes back to the corporation's review.

export const meta: MetaFunction = () => [{ title: "Activiteit bewerken — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const id = encodeURIComponent(params.id ?? "");
  const result = await callApi(request, (api) => api.activities[":id"].$get({ param: { id } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  const activity = result.data.activity;
  if (!activity.canEdit) throw data({ code: "forbidden" }, { status: 403 });
  const sponsored = activity.sponsor !== null;
  const partner = sponsored ? await callApi(request, (api) => api.partner.$get()) : null;
  const values: ActivityFormValues = {
    title: activity.title,
    description: activity.description,
    place: activity.place,
    startsAt: toAmsterdamInputValue(activity.startsAt),
    endsAt: toAmsterdamInputValue(activity.endsAt),
    capacity: activity.capacity === null ? "" : String(activity.capacity),
    registrationDeadline: activity.registrationDeadline === null ? "" : toAmsterdamInputValue(activity.registrationDeadline),
    sponsorNote: activity.sponsor?.note ?? "",
    neighbourhoods: activity.neighbourhoods.map((place) => place.slug),
  };
  return { id: activity.id, values, served: partner?.ok ? partner.data.neighbourhoods : null };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer } = context.get(requestSiteContext);
  if (!viewer) throw redirect("/inloggen");
  const { values, body } = readActivityForm(await readForm(request));
  const id = encodeURIComponent(params.id ?? "");
  const json = viewer.user.role === "partner" ? { ...body, neighbourhoods: values.neighbourhoods, sponsorNote: values.sponsorNote || null } : body;
  const result = await callApi(request, (api) => api.activities[":id"].$patch({ param: { id } }), { json });
  if (result.ok) throw redirect(viewer.user.role === "partner" ? "/partner" : `/activiteit/${result.data.activity.id}`);
  return data({ values, error: result.error?.message ?? null, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function EditActivity() {
  const { id, values, served } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="card narrow-form">
      <p>
        <Link to={`/activiteit/${id}`}>← {t("activities.backToList")}</Link>
      </p>
      <h1>{t("activities.form.editTitle")}</h1>
      {served ? <p className="notice">{t("activities.form.editReviewNotice")}</p> : null}
      <FormError message={result?.error} />
      <ActivityForm values={result?.values ?? values} fields={result?.fields ?? {}} submitLabel={t("activities.form.save")} partner={served ? { neighbourhoods: served } : undefined} />
    </div>
  );
}
