import { useTranslation } from "../../i18n/i18n.ts";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "react-router";
import { callApi, forwardCookies } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { failureNote, failureText, isReviewRefusal, type FormFailure } from "../../lib/api-errors.ts";
import { FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

// /inloggen/link?token=… — the page a login e-mail links to. Opening it (GET) uses nothing up: e-mail
// scanners that follow links cannot log anyone in. The person presses the button, which POSTs the token.
// Referrer policy "same-origin": the token never leaves in a Referer header to another site, while our
// own form posts keep their Origin header (with "no-referrer" browsers send "Origin: null", which the
// CSRF check refuses).

export const meta: MetaFunction = () => [{ title: "Inloggen — Buurtplein" }, { name: "referrer", content: "same-origin" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { site } = context.get(requestSiteContext);
  assertTenantSite(site);
  const token = new URL(request.url).searchParams.get("token")?.trim() ?? "";
  return { token, name: site.kind === "tenant" ? site.branding.displayName : "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertTenantSite(context.get(requestSiteContext).site);
  const form = await readForm(request);
  const result = await callApi(request, (api) => api.auth["magic-link"].verify.$post(), { json: { token: field(form, "token") } });
  if (result.ok) throw redirect("/", { headers: forwardCookies(result) });
  const failure: FormFailure = result.error?.code === "invalid_input" ? { code: "login_link_invalid", message: result.error.message } : (result.error ?? { code: "internal_error", message: "" });
  return data({ failure }, { status: result.status });
}

export default function LoginLink() {
  const { token, name } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const failure = failureText(t, result?.failure);
  return (
    <section className="card narrow">
      <h1>{t("access.link.title")}</h1>
      {failure ? (
        <>
          <FormError message={failure} note={failureNote(t, result?.failure)} />
          {/* A new link does not help someone who is waiting for approval or was rejected. */}
          {isReviewRefusal(result?.failure) ? null : (
            <Link className="button" to="/inloggen">
              {t("access.link.newLink")}
            </Link>
          )}
        </>
      ) : token ? (
        <>
          <p>{t("access.link.text", { name })}</p>
          <Form method="post" className="form" action={`/inloggen/link?token=${encodeURIComponent(token)}`}>
            <input type="hidden" name="token" value={token} />
            <SubmitButton label={t("access.link.submit")} />
          </Form>
        </>
      ) : (
        <>
          <FormError message={t("access.link.missing")} />
          <Link className="button" to="/inloggen">
            {t("access.link.newLink")}
          </Link>
        </>
      )}
    </section>
  );
}
