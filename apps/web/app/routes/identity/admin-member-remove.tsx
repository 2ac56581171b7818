import { useTranslation } from "../../i18n/i18n.ts";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { MEMBER_ID } from "../../lib/api-types.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { failureText, fieldErrors } from "../../lib/api-errors.ts";
import { FormError } from "../../components/field-error.tsx";
import { DeleteModeFields } from "../../components/delete-mode-fields.tsx";

// /beheer/leden/:id/verwijderen — an admin confirms removing a member (posts removed or anonymised).

export const meta: MetaFunction = () => [{ title: "Lid verwijderen — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.members[MEMBER_ID].$get({ param: { id: encodeURIComponent(params.id ?? "") } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status === 422 ? 404 : result.status });
  return { member: result.data.member };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const mode = field(form, "mode");
  const result = await callApi(request, (api) => api.members[MEMBER_ID].remove.$post({ param: { id: encodeURIComponent(params.id ?? "") } }), {
    json: { mode, confirm: field(form, "confirm") },
  });
  if (result.ok) throw redirect("/beheer/leden?verwijderd=1");
  return data({ mode, failure: result.error, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function RemoveMember() {
  const { member } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <section className="card narrow">
      <h1>{t("access.members.removeTitle", { name: member.displayName })}</h1>
      <p>
        {t(`access.members.roles.${member.role}`, { defaultValue: member.role })}
        {member.neighbourhoods.length ? ` · ${member.neighbourhoods.join(", ")}` : ""}
      </p>
      <p>{t("access.members.removeIntro")}</p>
      <FormError message={failureText(t, result?.failure)} />
      <Form method="post" className="form">
        <DeleteModeFields
          legend={t("access.members.modeLegend")}
          anonymiseLabel={t("access.members.anonymise")}
          removeLabel={t("access.members.remove_posts")}
          fields={result?.fields ?? {}}
          mode={result?.mode}
        />
        <button type="submit" className="button danger" disabled={navigation.state === "submitting"}>
          {t("access.members.submit")}
        </button>
      </Form>
      <p>
        <Link to="/beheer/leden">{t("access.members.cancel")}</Link>
      </p>
    </section>
  );
}
