import { translate } from "@buurtplein/core/i18n/messages";
import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { requestSiteContext } from "../../lib/site-context.ts";
import { fieldErrors, type FormFailure } from "../../lib/api-errors.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { assertApexSite, formatBytes, formatCount } from "./operator-pages.ts";
import { OperatorBar } from "../../components/operator-bar.tsx";

// /beheer/corporaties/:slug on the apex — one corporation for the operator: its state, setup and usage,
// and what can be done now (suspend with a reason, resume, retry a failed setup, delete after the
// grace period). Plain forms; every action ends up in the operator audit log.

export const meta: MetaFunction = () => [{ title: "Corporatie — Beheer — Buurtplein" }];

const INTENTS = ["suspend", "resume", "retry", "delete"] as const;
type Intent = (typeof INTENTS)[number];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  assertApexSite(context.get(requestSiteContext).site);
  const slug = encodeURIComponent(params.slug ?? "");
  const me = await callApi(request, (api) => api.operator.me.$get());
  if (!me.ok) {
    if (me.status === 401) throw redirect("/beheer");
    throw data({ code: me.error.code }, { status: me.status });
  }
  const result = await callApi(request, (api) => api.operator.tenants[":slug"].$get({ param: { slug } }));
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  const done = new URL(request.url).searchParams.get("gedaan");
  return { operator: me.data.operator, tenant: result.data.tenant, done: INTENTS.find((intent) => intent === done) ?? null };
}

interface ActionResult {
  intent: Intent;
  reason: string;
  failure: FormFailure | null;
  fields: Record<string, string>;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { site, locale } = context.get(requestSiteContext);
  assertApexSite(site);
  const slug = encodeURIComponent(params.slug ?? "");
  const form = await readForm(request);
  const intent = INTENTS.find((candidate) => candidate === field(form, "intent"));
  if (!intent) throw data({ code: "bad_request" }, { status: 400 });
  const reason = field(form, "reason");
  if (intent === "suspend" && !reason) {
    // The API takes a suspension without a reason; the console always asks for one.
    return data({ intent, reason, failure: null, fields: { reason: translate(locale, "operator.tenant.reasonMissing") } } satisfies ActionResult, { status: 422 });
  }
  const param = { param: { slug } };
  const result =
    intent === "suspend"
      ? await callApi(request, (api) => api.operator.tenants[":slug"].suspend.$post(param), { json: { reason } })
      : intent === "resume"
        ? await callApi(request, (api) => api.operator.tenants[":slug"].resume.$post(param))
        : intent === "retry"
          ? await callApi(request, (api) => api.operator.tenants[":slug"].retry.$post(param))
          : await callApi(request, (api) => api.operator.tenants[":slug"].delete.$post(param));
  if (result.ok) throw redirect(`/beheer/corporaties/${slug}?gedaan=${intent}`);
  if (result.status === 401) throw redirect("/beheer");
  return data({ intent, reason, failure: result.error, fields: fieldErrors(result.error.details) } satisfies ActionResult, { status: result.status });
}

export default function OperatorTenant() {
  const { operator, tenant, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const date = (timestamp: number) => formatDateTime(timestamp, language, "long");
  const failureFor = (intent: Intent) => (result?.intent === intent ? result.failure?.message : undefined);
  const now = Date.now();
  const deletionDue = tenant.deletionDueAt !== null && tenant.deletionDueAt <= now;
  return (
    <section>
      <OperatorBar name={operator.displayName} />
      <p>
        <Link to="/beheer">{t("operator.tenant.back")}</Link>
      </p>
      <h1>{tenant.name}</h1>
      {done ? (
        <p className="success" role="status">
          {t(`operator.tenant.done.${done}`)}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("operator.tenant.address")}</dt>
        <dd>{tenant.slug}</dd>
        <dt>{t("operator.console.status")}</dt>
        <dd>{t(`operator.statuses.${tenant.status}`, { defaultValue: tenant.status })}</dd>
        <dt>{t("operator.console.step")}</dt>
        <dd>{t(`operator.steps.${tenant.provisioningStep}`, { defaultValue: tenant.provisioningStep })}</dd>
        {tenant.failedStep ? (
          <>
            <dt>{t("operator.tenant.failedStep")}</dt>
            <dd>{t(`operator.steps.${tenant.failedStep}`, { defaultValue: tenant.failedStep })}</dd>
            <dt>{t("operator.tenant.failureReason")}</dt>
            <dd>{tenant.failureReason ?? "–"}</dd>
          </>
        ) : null}
        {tenant.suspendedReason ? (
          <>
            <dt>{t("operator.tenant.suspendedReason")}</dt>
            <dd>{tenant.suspendedReason}</dd>
          </>
        ) : null}
        <dt>{t("operator.tenant.created")}</dt>
        <dd>{date(tenant.createdAt)}</dd>
        {tenant.deletionRequestedAt !== null ? (
          <>
            <dt>{t("operator.tenant.deletionRequested")}</dt>
            <dd>{date(tenant.deletionRequestedAt)}</dd>
            <dt>{t("operator.tenant.deletionDue")}</dt>
            <dd>{date(tenant.deletionDueAt ?? tenant.deletionRequestedAt)}</dd>
          </>
        ) : null}
        {tenant.deletedAt !== null ? (
          <>
            <dt>{t("operator.tenant.deletedAt")}</dt>
            <dd>{date(tenant.deletedAt)}</dd>
          </>
        ) : null}
      </dl>

      {tenant.status === "active" || tenant.status === "suspended" ? (
        <>
          <h2>{t("operator.tenant.usage")}</h2>
          {tenant.usage ? (
            <dl className="facts">
              <dt>{t("operator.console.members")}</dt>
              <dd>{formatCount(tenant.usage.members, language)}</dd>
              <dt>{t("operator.console.posts")}</dt>
              <dd>{formatCount(tenant.usage.posts, language)}</dd>
              <dt>{t("operator.console.size")}</dt>
              <dd>{tenant.usage.databaseBytes !== null ? formatBytes(tenant.usage.databaseBytes, language) : t("operator.console.unknownUsage")}</dd>
            </dl>
          ) : (
            <p>{t("operator.tenant.usageUnavailable")}</p>
          )}
        </>
      ) : null}

      {tenant.status === "active" ? (
        <div className="card">
          <h2>{t("operator.tenant.suspendTitle")}</h2>
          <p>{t("operator.tenant.suspendIntro")}</p>
          <FormError message={failureFor("suspend")} />
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="suspend" />
            <label htmlFor="reason">{t("operator.tenant.reason")}</label>
            <p className="hint" id="reason-hint">
              {t("operator.tenant.reasonHint")}
            </p>
            <textarea
              id="reason"
              name="reason"
              required
              maxLength={500}
              rows={3}
              defaultValue={result?.intent === "suspend" ? result.reason : ""}
              aria-invalid={result?.intent === "suspend" && result.fields.reason ? true : undefined}
              aria-describedby={result?.intent === "suspend" && result.fields.reason ? "reason-hint reason-error" : "reason-hint"}
            />
            <FieldError id="reason-error" message={result?.intent === "suspend" ? result.fields.reason : undefined} />
            <SubmitButton label={t("operator.tenant.suspend")} />
          </Form>
        </div>
      ) : null}

      {tenant.status === "suspended" ? (
        <div className="card">
          <h2>{t("operator.tenant.resumeTitle")}</h2>
          <p>{t("operator.tenant.resumeIntro")}</p>
          <FormError message={failureFor("resume")} />
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="resume" />
            <SubmitButton label={t("operator.tenant.resume")} />
          </Form>
        </div>
      ) : null}

      {tenant.status === "failed" ? (
        <div className="card">
          <h2>{t("operator.tenant.retryTitle")}</h2>
          <p>{t("operator.tenant.retryIntro")}</p>
          <FormError message={failureFor("retry")} />
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="retry" />
            <SubmitButton label={t("operator.tenant.retry")} />
          </Form>
        </div>
      ) : null}

      {tenant.deletionRequestedAt !== null && tenant.status !== "deleted" ? (
        <div className="card">
          <h2>{t("operator.tenant.deleteTitle")}</h2>
          <p>{t("operator.tenant.deleteIntro", { requested: date(tenant.deletionRequestedAt) })}</p>
          <FormError message={failureFor("delete")} />
          {deletionDue ? (
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="delete" />
              <button type="submit" className="button danger">
                {t("operator.tenant.delete")}
              </button>
            </Form>
          ) : (
            <p className="notice">{t("operator.tenant.deleteNotYet", { date: date(tenant.deletionDueAt ?? tenant.deletionRequestedAt) })}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
