import { useTranslation } from "../../i18n/i18n.ts";
import {
  data,
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { MEMBER_ID } from "../../lib/api-types.ts";
import { readForm } from "../../lib/forms.ts";
import { requirePageViewer, viewerIsStaff } from "../../lib/invite-pages.ts";
import { FormError } from "../../components/field-error.tsx";

// /beheer/leden/:id/ambassadeur — a moderator or admin confirms making a resident an ambassador of
// their neighbourhood, or an ambassador a resident again. Reached from the member list and the staff page.

export const meta: MetaFunction = () => [{ title: "Buurtambassadeur — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePageViewer(context, viewerIsStaff);
  const result = await callApi(request, (api) => api.members[MEMBER_ID].$get({ param: { id: encodeURIComponent(params.id ?? "") } }));
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status === 422 ? 404 : result.status });
  return { member: result.data.member };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsStaff);
  const form = await readForm(request);
  const param = { id: encodeURIComponent(params.id ?? "") };
  const end = form.get("intent") === "end";
  const result = end
    ? await callApi(request, (api) => api.ambassadors[MEMBER_ID].$delete({ param }))
    : await callApi(request, (api) => api.ambassadors[MEMBER_ID].$put({ param }));
  if (result.ok) return { done: end ? ("ended" as const) : ("made" as const), name: result.data.member.displayName, neighbourhoods: result.data.member.neighbourhoods.map((item) => item.name), failure: null };
  return data({ done: null, name: null, neighbourhoods: null, failure: result.error.message }, { status: result.status });
}

export default function Ambassador() {
  const { member } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (result?.done) {
    return (
      <section className="card narrow">
        <h1>{t(result.done === "made" ? "staff.ambassador.made" : "staff.ambassador.ended", { name: result.name })}</h1>
        {result.done === "made" ? <p>{t("staff.ambassador.of", { names: result.neighbourhoods.join(", ") })}</p> : null}
        <p className="action-links">
          <Link to="/beheer/leden">{t("access.members.backToList")}</Link>
        </p>
      </section>
    );
  }
  const ending = member.role === "ambassador";
  return (
    <section className="card narrow">
      <h1>{t(ending ? "staff.ambassador.endTitle" : "staff.ambassador.makeTitle", { name: member.displayName })}</h1>
      <p>{t(ending ? "staff.ambassador.endIntro" : "staff.ambassador.makeIntro")}</p>
      {member.neighbourhoods.length > 0 ? <p>{t("staff.ambassador.of", { names: member.neighbourhoods.join(", ") })}</p> : null}
      <FormError message={result?.failure} />
      <Form method="post" className="button-row">
        <input type="hidden" name="intent" value={ending ? "end" : "make"} />
        <button type="submit" className="button">
          {t(ending ? "staff.ambassador.endSubmit" : "staff.ambassador.makeSubmit")}
        </button>
        <Link to="/beheer/leden" className="button secondary">
          {t("staff.ambassador.cancel")}
        </Link>
      </Form>
    </section>
  );
}
