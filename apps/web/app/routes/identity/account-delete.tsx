import { useTranslation } from "../../i18n/i18n.ts";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "react-router";
import { callApi, forwardCookies } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { failureText, fieldErrors } from "../../lib/api-errors.ts";
import { FormError } from "../../components/field-error.tsx";
import { DeleteModeFields } from "../../components/delete-mode-fields.tsx";

// /account/verwijderen — the confirmation step: choose what happens to my posts, type VERWIJDER.

export const meta: MetaFunction = () => [{ title: "Account verwijderen — Buurtplein" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const mode = field(form, "mode");
  const result = await callApi(request, (api) => api.me.delete.$post(), { json: { mode, confirm: field(form, "confirm") } });
  if (result.ok) throw redirect("/account/verwijderd", { headers: forwardCookies(result) });
  return data({ mode, failure: result.error, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function DeleteAccount() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <section className="card narrow">
      <h1>{t("access.delete.title")}</h1>
      <p>{t("access.delete.intro")}</p>
      <FormError message={failureText(t, result?.failure)} />
      <Form method="post" className="form">
        <DeleteModeFields
          legend={t("access.delete.modeLegend")}
          anonymiseLabel={t("access.delete.anonymise")}
          removeLabel={t("access.delete.remove")}
          fields={result?.fields ?? {}}
          mode={result?.mode}
        />
        <button type="submit" className="button danger" disabled={navigation.state === "submitting"}>
          {t("access.delete.submit")}
        </button>
      </Form>
      <p>
        <Link to="/account">{t("access.delete.cancel")}</Link>
      </p>
    </section>
  );
}
