import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import type { ApiAnswer, ApiClient } from "../../lib/api-types.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { field, fieldAria, readForm } from "../../lib/forms.ts";
import { requirePageViewer } from "../../lib/invite-pages.ts";
import { originFor, viewerIsAdmin } from "../../lib/domain-pages.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

// /beheer/domein — admins: the corporation's own domains. Add one, see the DNS record to create and its
// status, check it now, remove it (with a confirmation page). Plain forms: works without JavaScript.

export const meta: MetaFunction = () => [{ title: "Eigen domein — Buurtplein" }];

type Domain = ApiAnswer<ApiClient["settings"]["domains"]["$get"]>["domains"][number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale, site } = requirePageViewer(context, viewerIsAdmin);
  const result = await callApi(request, (api) => api.settings.domains.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  const url = new URL(request.url);
  const domains = result.data.domains.map((domain) => ({ ...domain, origin: originFor(request, domain.hostname) }));
  const checked = domains.find((domain) => domain.hostname === url.searchParams.get("gecontroleerd")) ?? null;
  return {
    ...result.data,
    domains,
    slug: site.tenant.slug,
    defaultAddress: originFor(request, result.data.defaultHostname),
    added: domains.find((domain) => domain.hostname === url.searchParams.get("toegevoegd"))?.hostname ?? null,
    checked: checked ? { hostname: checked.hostname, active: checked.status === "active" } : null,
    removed: url.searchParams.get("verwijderd") === "1",
    locale,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const form = await readForm(request);
  const hostname = field(form, "hostname");
  if (field(form, "intent") === "check") {
    const result = await callApi(request, (api) => api.settings.domains[":hostname"].check.$post({ param: { hostname: encodeURIComponent(hostname) } }));
    if (result.ok) throw redirect(`/beheer/domein?gecontroleerd=${encodeURIComponent(result.data.domain.hostname)}`);
    return data({ values: null, failure: result.error?.message ?? null, fields: {} as Record<string, string> }, { status: result.status });
  }
  const result = await callApi(request, (api) => api.settings.domains.$post(), { json: { hostname } });
  if (result.ok) throw redirect(`/beheer/domein?toegevoegd=${encodeURIComponent(result.data.domain.hostname)}`);
  const fields = fieldErrors(result.error?.details);
  return data({ values: { hostname }, failure: fields.hostname ? null : (result.error?.message ?? null), fields }, { status: result.status });
}

function DomainCard({ domain, locale }: { domain: Domain & { origin: string }; locale: string }) {
  const { t } = useTranslation();
  const headingId = `domain-${domain.hostname.replace(/[^a-z0-9-]/g, "-")}`;
  return (
    <article className="card domain" aria-labelledby={headingId}>
      <h3 id={headingId} className="domain-name">
        {domain.hostname}
      </h3>
      <p>
        {t("domains.statusLabel")}: <strong className={`domain-status ${domain.status}`}>{t(`domains.statuses.${domain.status}`)}</strong>
      </p>
      {domain.status === "active" && domain.verifiedAt !== null ? (
        <p>
          {t("domains.activeSince", { when: formatDateTime(domain.verifiedAt, locale, "long") })}{" "}
          <a href={domain.origin}>{t("domains.visit", { hostname: domain.hostname })}</a>
        </p>
      ) : null}
      {domain.checkedAt !== null ? <p className="hint">{t("domains.lastChecked", { when: formatDateTime(domain.checkedAt, locale, "medium", "short") })}</p> : null}
      {domain.problems.length > 0 && domain.status !== "active" ? (
        <div>
          <p>{t("domains.problems")}</p>
          <ul>
            {domain.problems.map((problem) => (
              <li key={problem} lang="en">
                {problem}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {domain.status !== "active" ? <p>{t("domains.dnsIntro")}</p> : null}
      <div className="table-scroll">
        <table className="members dns-records">
          <caption className="visually-hidden">{t("domains.recordsCaption", { hostname: domain.hostname })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("domains.recordType")}</th>
              <th scope="col">{t("domains.recordName")}</th>
              <th scope="col">{t("domains.recordValue")}</th>
              <th scope="col">{t("domains.recordPurpose")}</th>
            </tr>
          </thead>
          <tbody>
            {domain.records.map((record) => (
              <tr key={`${record.type} ${record.name} ${record.value}`}>
                <td>{record.type}</td>
                <td>
                  <code>{record.name}</code>
                </td>
                <td>
                  <code>{record.value}</code>
                </td>
                <td>{t(`domains.purposes.${record.purpose}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="action-links domain-actions">
        <Form method="post">
          <input type="hidden" name="intent" value="check" />
          <input type="hidden" name="hostname" value={domain.hostname} />
          <button type="submit" className="button secondary" aria-label={t("domains.checkLabel", { hostname: domain.hostname })}>
            {t("domains.check")}
          </button>
        </Form>
        <Link to={`/beheer/domein/${encodeURIComponent(domain.hostname)}/verwijderen`} aria-label={t("domains.removeLabel", { hostname: domain.hostname })}>
          {t("domains.remove")}
        </Link>
      </div>
    </article>
  );
}

export default function AdminDomains() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields = result?.fields ?? {};
  return (
    <section className="domains">
      <h1>{t("domains.title")}</h1>
      <p>{t("domains.intro", { address: loaded.defaultAddress })}</p>
      {loaded.servesLocalhost ? <p className="hint">{t("domains.localNote", { slug: loaded.slug })}</p> : null}
      {loaded.added ? (
        <p className="success" role="status">
          {t("domains.added", { hostname: loaded.added })}
        </p>
      ) : null}
      {loaded.checked ? (
        <p className="success" role="status">
          {t(loaded.checked.active ? "domains.checkedActive" : "domains.checkedPending", { hostname: loaded.checked.hostname })}
        </p>
      ) : null}
      {loaded.removed ? (
        <p className="success" role="status">
          {t("domains.removed")}
        </p>
      ) : null}
      <FormError message={result?.failure} />

      <section className="card" aria-labelledby="add-domain-heading">
        <h2 id="add-domain-heading">{t("domains.addTitle")}</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="add" />
          <label htmlFor="hostname">{t("domains.hostname")}</label>
          <p className="hint" id="hostname-hint">
            {t("domains.hostnameHint")}
          </p>
          <input
            id="hostname"
            name="hostname"
            required
            maxLength={300}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            inputMode="url"
            defaultValue={result?.values?.hostname ?? ""}
            {...fieldAria(fields, "hostname", true)}
          />
          <FieldError id="hostname-error" message={fields.hostname} />
          <SubmitButton label={t("domains.add")} />
        </Form>
      </section>

      <h2>{t("domains.listTitle")}</h2>
      {loaded.domains.length === 0 ? <p className="empty">{t("domains.none")}</p> : loaded.domains.map((domain) => <DomainCard key={domain.hostname} domain={domain} locale={loaded.locale} />)}
    </section>
  );
}
