import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { readForm } from "../../lib/forms.ts";
import { requirePageViewer } from "../../lib/invite-pages.ts";
import { FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { originFor, viewerIsAdmin } from "../../lib/domain-pages.ts";

// /beheer/domein/:hostname/verwijderen — an admin confirms removing one of the corporation's own domains.

export const meta: MetaFunction = () => [{ title: "Domein verwijderen — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const result = await callApi(request, (api) => api.settings.domains.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  const hostname = (params.hostname ?? "").toLowerCase();
  const domain = result.data.domains.find((item) => item.hostname === hostname);
  if (!domain) throw data({ code: "not_found" }, { status: 404 });
  return { hostname: domain.hostname, defaultAddress: originFor(request, result.data.defaultHostname) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  await readForm(request);
  const result = await callApi(request, (api) => api.settings.domains[":hostname"].$delete({ param: { hostname: encodeURIComponent(params.hostname ?? "") } }));
  if (result.ok) throw redirect("/beheer/domein?verwijderd=1");
  return data({ failure: result.error?.message ?? null }, { status: result.status });
}

export default function RemoveDomain() {
  const { hostname, defaultAddress } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card narrow">
      <h1 className="domain-name">{t("domains.removeTitle", { hostname })}</h1>
      <p>{t("domains.removeIntro", { hostname, address: defaultAddress })}</p>
      <FormError message={result?.failure} />
      <Form method="post" className="form">
        <input type="hidden" name="confirm" value="1" />
        <SubmitButton label={t("domains.removeSubmit")} />
      </Form>
      <p>
        <Link to="/beheer/domein">{t("domains.cancel")}</Link>
      </p>
    </section>
  );
}
