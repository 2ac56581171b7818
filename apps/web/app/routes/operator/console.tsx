import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi, forwardCookies } from "../../lib/api.server.ts";
import { field, readForm, secretField } from "../../lib/forms.ts";
import { requestSiteContext } from "../../lib/site-context.ts";
import { fieldErrors, type FormFailure } from "../../lib/api-errors.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { assertApexSite, formatBytes, formatCount } from "./operator-pages.ts";
import { OperatorBar } from "../../components/operator-bar.tsx";

// /beheer on the apex — the platform operator's console: a login form, then every corporation (20 a
// page, by web address) with its status, setup and usage (counts and size only). On a corporation's
// host this address is not the operator's: 404.

export const meta: MetaFunction = () => [{ title: "Beheer — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site } = context.get(requestSiteContext);
  assertApexSite(site);
  const me = await callApi(request, (api) => api.operator.me.$get());
  if (!me.ok) {
    if (me.status === 401) return { mode: "login" as const };
    throw data({ code: me.error.code }, { status: me.status });
  }
  const after = new URL(request.url).searchParams.get("na") ?? undefined;
  const list = await callApi(request, (api) => api.operator.tenants.$get(), { query: { after } });
  if (!list.ok) throw data({ code: list.error.code }, { status: list.status });
  return { mode: "console" as const, operator: me.data.operator, tenants: list.data.tenants, nextCursor: list.data.nextCursor, paged: after !== undefined };
}

interface LoginResult {
  email: string;
  failure: FormFailure | null;
  fields: Record<string, string>;
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertApexSite(context.get(requestSiteContext).site);
  const form = await readForm(request);
  if (field(form, "intent") === "logout") {
    const result = await callApi(request, (api) => api.operator.logout.$post());
    throw redirect("/beheer", { headers: forwardCookies(result) });
  }
  const email = field(form, "email");
  const result = await callApi(request, (api) => api.operator.login.$post(), { json: { email, password: secretField(form, "password") } });
  if (result.ok) throw redirect("/beheer", { headers: forwardCookies(result) });
  return data({ email, failure: result.error, fields: fieldErrors(result.error.details) } satisfies LoginResult, { status: result.status });
}

export default function OperatorConsole() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  if (loaded.mode === "login") {
    const fields: Record<string, string> = result?.fields ?? {};
    return (
      <section className="card narrow">
        <h1>{t("operator.login.title")}</h1>
        <p>{t("operator.login.intro")}</p>
        <FormError message={result?.failure?.message} />
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="login" />
          <label htmlFor="email">{t("operator.login.email")}</label>
          <input
            id="email"
            name="email"
            type="email"
            required
            autoComplete="username"
            defaultValue={result?.email ?? ""}
            aria-invalid={fields.email ? true : undefined}
            aria-describedby={fields.email ? "email-error" : undefined}
          />
          <FieldError id="email-error" message={fields.email} />
          <label htmlFor="password">{t("operator.login.password")}</label>
          <input id="password" name="password" type="password" required autoComplete="current-password" />
          <SubmitButton label={t("operator.login.submit")} />
        </Form>
      </section>
    );
  }

  const { operator, tenants, nextCursor, paged } = loaded;
  return (
    <section>
      <OperatorBar name={operator.displayName} />
      <h1>{t("operator.console.title")}</h1>
      <p>{t("operator.console.intro")}</p>
      {tenants.length === 0 ? (
        <p className="empty">{t("operator.console.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="members">
            <caption className="visually-hidden">{t("operator.console.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("operator.console.corporation")}</th>
                <th scope="col">{t("operator.console.status")}</th>
                <th scope="col">{t("operator.console.step")}</th>
                <th scope="col">{t("operator.console.members")}</th>
                <th scope="col">{t("operator.console.posts")}</th>
                <th scope="col">{t("operator.console.size")}</th>
                <th scope="col">{t("operator.console.deletion")}</th>
              </tr>
            </thead>
            <tbody>
              {tenants.map((tenant) => (
                <tr key={tenant.slug}>
                  <th scope="row">
                    <Link to={`/beheer/corporaties/${encodeURIComponent(tenant.slug)}`} aria-label={t("operator.console.manageLabel", { name: tenant.name })}>
                      {tenant.name}
                    </Link>
                    <br />
                    <span className="hint">{tenant.slug}</span>
                  </th>
                  <td>{t(`operator.statuses.${tenant.status}`, { defaultValue: tenant.status })}</td>
                  <td>
                    {t(`operator.steps.${tenant.failedStep ?? tenant.provisioningStep}`, { defaultValue: tenant.failedStep ?? tenant.provisioningStep })}
                    {tenant.status === "failed" && tenant.failureReason ? <span className="hint"> — {tenant.failureReason}</span> : null}
                  </td>
                  <td>{tenant.usage ? formatCount(tenant.usage.members, language) : "–"}</td>
                  <td>{tenant.usage ? formatCount(tenant.usage.posts, language) : "–"}</td>
                  <td>{tenant.usage?.databaseBytes != null ? formatBytes(tenant.usage.databaseBytes, language) : "–"}</td>
                  <td>{tenant.deletionDueAt && tenant.status !== "deleted" ? t("operator.console.deletionDue", { date: formatDateTime(tenant.deletionDueAt, language, "medium") }) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="quiet-links" aria-label={t("operator.console.caption")}>
        <ul>
          {paged ? (
            <li>
              <Link to="/beheer">{t("operator.console.first")}</Link>
            </li>
          ) : null}
          {nextCursor ? (
            <li>
              <Link to={`/beheer?na=${encodeURIComponent(nextCursor)}`}>{t("operator.console.next")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </section>
  );
}
