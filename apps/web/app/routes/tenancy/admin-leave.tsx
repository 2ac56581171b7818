import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { requestSiteContext } from "../../lib/site-context.ts";
import { requireTenantSite, requireViewer } from "../../lib/invite-pages.ts";
import { fieldErrors, type FormFailure } from "../../lib/api-errors.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";

// /beheer/opzeggen — an admin asks for the corporation to be deleted (typing its web address to
// confirm), sees from which date it will be, and can withdraw the request until then.

export const meta: MetaFunction = () => [{ title: "Buurtplein opzeggen — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireViewer(requireTenantSite(context.get(requestSiteContext)));
  const result = await callApi(request, (api) => api.settings.deletion.$get());
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  return { ...result.data, cancelled: new URL(request.url).searchParams.has("ingetrokken") };
}

interface ActionResult {
  confirmSlug: string;
  failure: FormFailure | null;
  fields: Record<string, string>;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireViewer(requireTenantSite(context.get(requestSiteContext)));
  const form = await readForm(request);
  if (field(form, "intent") === "cancel") {
    const result = await callApi(request, (api) => api.settings.deletion.$delete());
    if (result.ok) throw redirect("/beheer/opzeggen?ingetrokken=1");
    return data({ confirmSlug: "", failure: result.error, fields: {} } satisfies ActionResult, { status: result.status });
  }
  const confirmSlug = field(form, "confirmSlug");
  const result = await callApi(request, (api) => api.settings.deletion.$post(), { json: { confirmSlug } });
  if (result.ok) throw redirect("/beheer/opzeggen");
  const fields = fieldErrors(result.error.details);
  return data({ confirmSlug, failure: Object.keys(fields).length ? null : result.error, fields } satisfies ActionResult, { status: result.status });
}

export default function LeaveBuurtplein() {
  const { slug, deletion, cancelled } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const date = (timestamp: number) => formatDateTime(timestamp, i18n.language, "long");
  const fields: Record<string, string> = result?.fields ?? {};

  if (deletion) {
    return (
      <section className="card narrow">
        <h1>{t("operator.leave.requestedTitle")}</h1>
        <p>{t("operator.leave.requested", { requested: date(deletion.requestedAt) })}</p>
        <p className="notice">{t("operator.leave.due", { due: date(deletion.dueAt) })}</p>
        <FormError message={result?.failure?.message} />
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="button">
            {t("operator.leave.cancel")}
          </button>
        </Form>
      </section>
    );
  }

  return (
    <section className="card narrow">
      <h1>{t("operator.leave.title")}</h1>
      {cancelled ? (
        <p className="success" role="status">
          {t("operator.leave.cancelled")}
        </p>
      ) : null}
      <p>{t("operator.leave.intro")}</p>
      <p>{t("operator.leave.exportHint")}</p>
      <FormError message={result?.failure?.message} />
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="request" />
        <label htmlFor="confirmSlug">{t("operator.leave.confirm", { slug })}</label>
        <input
          id="confirmSlug"
          name="confirmSlug"
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={result?.confirmSlug ?? ""}
          aria-invalid={fields.confirmSlug ? true : undefined}
          aria-describedby={fields.confirmSlug ? "confirmSlug-error" : undefined}
        />
        <FieldError id="confirmSlug-error" message={fields.confirmSlug} />
        <button type="submit" className="button danger">
          {t("operator.leave.submit")}
        </button>
      </Form>
    </section>
  );
}
