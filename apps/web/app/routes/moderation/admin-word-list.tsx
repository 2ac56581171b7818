import { data, Form, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

// /beheer/woordenlijst — admin: the words that make the kindness prompt ask the writer to rephrase
// (one a line), or back to the Dutch and English defaults.

export const meta: MetaFunction = () => [{ title: "Woordenlijst — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.moderation.words.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, saved: new URL(request.url).searchParams.get("gedaan") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const words = field(form, "intent") === "reset" ? null : String(form.get("words") ?? "");
  const result = await callApi(request, (api) => api.moderation.words.$put(), { json: { words } });
  if (result.ok) throw redirect("/beheer/woordenlijst?gedaan=1");
  return data({ error: result.error?.message ?? null, words: words ?? "" }, { status: result.status });
}

export default function AdminWordList() {
  const { words, isDefault, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="admin-word-list">
      <h1>{t("moderation.words.title")}</h1>
      <p>{t("moderation.words.intro")}</p>
      {saved ? (
        <p className="success" role="status">
          {t("moderation.words.saved")}
        </p>
      ) : null}
      {isDefault ? <p className="notice">{t("moderation.words.isDefault")}</p> : null}
      <Form method="post" className="form">
        <FormError message={result?.error} />
        <label htmlFor="words">{t("moderation.words.label")}</label>
        <textarea id="words" name="words" rows={14} defaultValue={result?.words ?? words.join("\n")} />
        <SubmitButton label={t("moderation.words.save")} />
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="reset" />
        <button type="submit" className="button secondary">
          {t("moderation.words.reset")}
        </button>
      </Form>
    </div>
  );
}
