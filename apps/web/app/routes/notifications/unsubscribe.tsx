import { data, Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";

// /overzicht/afmelden?token=… — the digest's unsubscribe link, without logging in. GET shows a
// confirmation with a button and changes nothing (mail scanners open links); a POST to this same URL
// turns the digest off: our button, or a mail client's one-click unsubscribe (RFC 8058: the body is
// "List-Unsubscribe=One-Click", the token is in the URL).

export const meta: MetaFunction = () => [{ title: "Afmelden — Buurtplein" }];

function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  assertTenantSite(context.get(requestSiteContext).site);
  const result = await callApi(request, (api) => api.digest.unsubscribe.$get(), { query: { token: tokenOf(request) } });
  if (!result.ok) return data({ valid: false as const, error: result.error.message, token: "" }, { status: result.status });
  return { valid: true as const, error: null, token: tokenOf(request) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertTenantSite(context.get(requestSiteContext).site);
  // The token is in the URL; a form (ours, or RFC 8058's "List-Unsubscribe=One-Click") may carry it
  // too. Any other body, or none, is fine: one-click senders differ, and the body says nothing more.
  const isForm = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(request.headers.get("content-type") ?? "");
  const token = tokenOf(request) || (isForm ? field(await readForm(request), "token") : "");
  const result = await callApi(request, (api) => api.digest.unsubscribe.$post(), { json: { token } });
  if (!result.ok) return data({ done: false as const, error: result.error.message }, { status: result.status });
  return { done: true as const, error: null };
}

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { t } = useTranslation();
  const error = posted?.error ?? (loaded.valid ? null : loaded.error);
  return (
    <section className="card" aria-labelledby="unsubscribe-heading">
      {error ? (
        <>
          <h1 id="unsubscribe-heading">{t("notifications.unsubscribe.invalidTitle")}</h1>
          <p role="alert">{error}</p>
        </>
      ) : posted?.done ? (
        <>
          <h1 id="unsubscribe-heading">{t("notifications.unsubscribe.title")}</h1>
          <p role="status">{t("notifications.unsubscribe.done")}</p>
        </>
      ) : (
        <>
          <h1 id="unsubscribe-heading">{t("notifications.unsubscribe.title")}</h1>
          <p>{t("notifications.unsubscribe.confirm")}</p>
          <Form method="post">
            <input type="hidden" name="token" value={loaded.token} />
            <button type="submit" className="button">
              {t("notifications.unsubscribe.button")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
