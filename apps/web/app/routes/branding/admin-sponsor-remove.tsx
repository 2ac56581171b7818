import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { readForm } from "../../lib/forms.ts";
import { requirePageViewer } from "../../lib/invite-pages.ts";
import { FormError } from "../../components/field-error.tsx";
import { viewerIsAdmin } from "./branding-pages.server.ts";

// /beheer/sponsors/:id/verwijderen — an admin confirms removing a sponsor (and its logo).

export const meta: MetaFunction = () => [{ title: "Sponsor verwijderen — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const result = await callApi(request, (api) => api.sponsors[":id"].$get({ param: { id: encodeURIComponent(params.id ?? "") } }));
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  return { sponsor: result.data.sponsor };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  await readForm(request);
  const removed = await callApi(request, (api) => api.sponsors[":id"].$delete({ param: { id: encodeURIComponent(params.id ?? "") } }));
  if (removed.ok) throw redirect("/beheer/sponsors?verwijderd=1");
  return data({ failure: removed.error.message }, { status: removed.status });
}

export default function RemoveSponsor() {
  const { sponsor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card narrow">
      <h1>{t("branding.sponsors.removeTitle", { name: sponsor.name })}</h1>
      <p>{t("branding.sponsors.removeText", { name: sponsor.name })}</p>
      <FormError message={result?.failure} />
      <Form method="post" className="form">
        <button type="submit" className="button danger">
          {t("branding.sponsors.removeConfirm", { name: sponsor.name })}
        </button>
      </Form>
      <p>
        <Link to="/beheer/sponsors">{t("branding.sponsors.cancel")}</Link>
      </p>
    </section>
  );
}
