import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { field, fieldAria, readForm } from "../../lib/forms.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { postPath } from "../../components/post-card.tsx";

// /buurt/:slug/veiligheid — a safety report with its own form: what happened, where, when and what
// someone did. It asks about behaviour, never appearance or origin, and says why.

export const meta: MetaFunction = () => [{ title: "Veiligheid — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  // The feed's first page tells whether this person may write here and whether the neighbourhood is archived.
  const slug = encodeURIComponent(params.slug ?? "");
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].posts.$get({ param: { slug } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  if (result.data.access !== "full" || result.data.neighbourhood.archived) throw data({ code: "forbidden" }, { status: 403 });
  return { neighbourhood: result.data.neighbourhood };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const values = {
    kind: "safety",
    title: field(form, "title"),
    body: field(form, "body"),
    safety: { where: field(form, "where"), when: field(form, "when"), behaviour: field(form, "behaviour") },
    visibleToCorporation: form.get("visibleToCorporation") === "on",
  };
  const slug = params.slug ?? "";
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].posts.$post({ param: { slug: encodeURIComponent(slug) } }), { json: values });
  if (result.ok) throw redirect(postPath(slug, result.data.post.id));
  const retryAfter = (result.error?.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  return data(
    { values, error: result.error?.message ?? null, fields: fieldErrors(result.error?.details), waitMinutes: result.status === 429 ? Math.max(1, Math.ceil((retryAfter ?? 60) / 60)) : null },
    { status: result.status },
  );
}

/** Where, when and what someone did; shared with the edit page. */
export function SafetyFields({ values, fields }: { values: { where: string; when: string; behaviour: string } | undefined; fields: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor="where">{t("posts.safety.where")}</label>
      <p className="hint" id="where-hint">
        {t("posts.safety.whereHint")}
      </p>
      <input id="where" name="where" required maxLength={120} defaultValue={values?.where ?? ""} aria-invalid={fields["safety.where"] ? true : undefined} aria-describedby={describedBy(fields, "safety.where", "where")} />
      <FieldError id="where-error" message={fields["safety.where"]} />
      <label htmlFor="when">{t("posts.safety.when")}</label>
      <input id="when" name="when" type="datetime-local" required defaultValue={values?.when ?? ""} aria-invalid={fields["safety.when"] ? true : undefined} aria-describedby={fields["safety.when"] ? "when-error" : undefined} />
      <FieldError id="when-error" message={fields["safety.when"]} />
      <label htmlFor="behaviour">{t("posts.safety.behaviour")}</label>
      <p className="hint" id="behaviour-hint">
        {t("posts.safety.behaviourHint")}
      </p>
      <textarea
        id="behaviour"
        name="behaviour"
        rows={4}
        required
        maxLength={1000}
        defaultValue={values?.behaviour ?? ""}
        aria-invalid={fields["safety.behaviour"] ? true : undefined}
        aria-describedby={describedBy(fields, "safety.behaviour", "behaviour")}
      />
      <FieldError id="behaviour-error" message={fields["safety.behaviour"]} />
    </>
  );
}

function describedBy(fields: Record<string, string>, key: string, id: string): string {
  return [`${id}-hint`, fields[key] ? `${id}-error` : null].filter(Boolean).join(" ");
}

export default function SafetyPost() {
  const { neighbourhood } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields = result?.fields ?? {};
  const values = result?.values;
  return (
    <section className="card safety-form">
      <h1>{t("posts.safety.title")}</h1>
      <p>{t("posts.safety.intro")}</p>
      <p className="notice">{t("posts.safety.emergency")}</p>
      <aside className="why" aria-labelledby="why-heading">
        <h2 id="why-heading">{t("posts.safety.whyTitle")}</h2>
        <p>{t("posts.safety.why")}</p>
      </aside>
      <FormError message={result?.waitMinutes ? t("feed.rateLimited", { count: result.waitMinutes }) : result?.error} />
      <Form method="post" className="form">
        <label htmlFor="title">{t("feed.postTitle")}</label>
        <input id="title" name="title" maxLength={120} defaultValue={values?.title ?? ""} />
        <label htmlFor="body">{t("posts.safety.what")}</label>
        <p className="hint" id="body-hint">
          {t("posts.safety.whatHint")}
        </p>
        <textarea id="body" name="body" rows={4} required maxLength={5000} defaultValue={values?.body ?? ""} {...fieldAria(fields, "body", true)} />
        <FieldError id="body-error" message={fields.body} />
        <SafetyFields values={values?.safety} fields={fields} />
        <label className="checkbox">
          <input type="checkbox" name="visibleToCorporation" defaultChecked={values?.visibleToCorporation ?? false} />
          {t("feed.shareWithCorporation")}
        </label>
        <SubmitButton label={t("posts.safety.submit")} />
      </Form>
      <p>
        <Link to={`/buurt/${encodeURIComponent(neighbourhood.slug)}`}>{t("posts.cancel")}</Link>
      </p>
    </section>
  );
}
