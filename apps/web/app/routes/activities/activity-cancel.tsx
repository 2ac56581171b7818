import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, fieldAria, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";

// /activiteit/:id/afgelasten — cancel with a message to everyone who said going or maybe; a tick box
// confirms (it cannot be undone).

export const meta: MetaFunction = () => [{ title: "Activiteit afgelasten — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const id = encodeURIComponent(params.id ?? "");
  const result = await callApi(request, (api) => api.activities[":id"].$get({ param: { id } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  if (!result.data.activity.canCancel) throw data({ code: "forbidden" }, { status: 403 });
  return { activity: { id: result.data.activity.id, title: result.data.activity.title } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer } = context.get(requestSiteContext);
  if (!viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const message = field(form, "message");
  if (form.get("confirm") !== "on") return data({ message, error: null, fields: { confirm: "confirmMissing" } as Record<string, string> }, { status: 422 });
  const id = encodeURIComponent(params.id ?? "");
  const result = await callApi(request, (api) => api.activities[":id"].cancel.$post({ param: { id } }), { json: { message } });
  if (result.ok) throw redirect(`/activiteit/${params.id}`);
  return data({ message, error: result.error?.message ?? null, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function CancelActivity() {
  const { activity } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields = { ...(result?.fields ?? {}) };
  if (fields.confirm) fields.confirm = t("activities.cancelPage.confirmMissing");
  return (
    <div className="card narrow-form">
      <h1>{t("activities.cancelPage.title")}</h1>
      <p>
        <strong>{activity.title}</strong>
      </p>
      <p>{t("activities.cancelPage.intro")}</p>
      <FormError message={result?.error} />
      <Form method="post" className="form">
        <label htmlFor="message">{t("activities.cancelPage.message")}</label>
        <textarea id="message" name="message" rows={4} required maxLength={1000} defaultValue={result?.message ?? ""} {...fieldAria(fields, "message")} />
        <FieldError id="message-error" message={fields.message} />
        <label className="checkbox">
          <input type="checkbox" name="confirm" required {...fieldAria(fields, "confirm")} />
          {t("activities.cancelPage.confirm")}
        </label>
        <FieldError id="confirm-error" message={fields.confirm} />
        <div className="button-row">
          <button type="submit" className="button danger">
            {t("activities.cancelPage.submit")}
          </button>
          <Link to={`/activiteit/${activity.id}`}>{t("activities.cancelPage.back")}</Link>
        </div>
      </Form>
    </div>
  );
}
