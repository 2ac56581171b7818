import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, readForm } from "../../lib/forms.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

// /account/moderatie — what moderators decided about my posts, replies or account, why (in plain
// words), and a form to appeal each decision once.

export const meta: MetaFunction = () => [{ title: "Besluiten over mij — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.moderation.mine.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, locale, sent: new URL(request.url).searchParams.get("gedaan") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const id = field(form, "decisionId");
  const body = field(form, "body");
  const result = await callApi(request, (api) => api.moderation.decisions[":id"].appeal.$post({ param: { id: encodeURIComponent(id) } }), { json: { body } });
  if (result.ok) throw redirect(`/account/moderatie?gedaan=1#besluit-${encodeURIComponent(id)}`);
  return data({ id, body, error: result.error?.message ?? null, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function MyDecisions() {
  const { decisions, locale, sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="my-decisions">
      <h1>{t("moderation.mine.title")}</h1>
      <p>{t("moderation.mine.intro")}</p>
      {sent ? (
        <p className="success" role="status">
          {t("moderation.mine.appealSent")}
        </p>
      ) : null}
      {decisions.length === 0 ? <p className="empty">{t("moderation.mine.empty")}</p> : null}
      <ul className="decision-list">
        {decisions.map((decision) => {
          const failed = result?.id === decision.id ? result : null;
          const what =
            decision.action === "hide"
              ? t(decision.targetType === "reply" ? "moderation.mine.hiddenReply" : "moderation.mine.hidden")
              : decision.action === "warn"
                ? t("moderation.mine.warned")
                : t("moderation.mine.suspended", { until: formatDateTime(decision.until ?? 0, locale, "long") });
          return (
            <li key={decision.id} id={`besluit-${decision.id}`} className="decision">
              <p className="post-meta">
                <time dateTime={new Date(decision.createdAt).toISOString()}>{formatDateTime(decision.createdAt, locale, "medium", "short")}</time>
              </p>
              <p>
                <strong>{what}</strong>
              </p>
              <p>
                {t("moderation.mine.reason", { reason: decision.reason })}
                {decision.houseRule ? ` (${t("moderation.houseRule", { number: decision.houseRule })})` : ""}
              </p>
              {decision.postId && decision.action === "hide" ? <PostLink postId={decision.postId} /> : null}
              {decision.appealOutcome ? (
                <p className="notice">{t(decision.appealOutcome === "overturned" ? "moderation.mine.overturned" : "moderation.mine.upheld", { reason: decision.appealDecisionReason ?? "" })}</p>
              ) : decision.appealedAt ? (
                <p className="notice">{t("moderation.mine.appealed")}</p>
              ) : (
                <Form method="post" className="form appeal-form">
                  <h2>{t("moderation.mine.appealTitle")}</h2>
                  <input type="hidden" name="decisionId" value={decision.id} />
                  <FormError message={failed && !failed.fields.body ? failed.error : null} />
                  <label htmlFor={`appeal-${decision.id}`}>{t("moderation.mine.appealLabel")}</label>
                  <textarea id={`appeal-${decision.id}`} name="body" rows={3} required minLength={3} maxLength={1000} defaultValue={failed?.body ?? ""} />
                  <FieldError id={`appeal-${decision.id}-error`} message={failed?.fields.body} />
                  <SubmitButton label={t("moderation.mine.appealSubmit")} />
                </Form>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The hidden post's own page (its author still sees it there, with the reason); the slug is corrected there. */
function PostLink({ postId }: { postId: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link to={`/buurt/-/berichten/${encodeURIComponent(postId)}`}>{t("moderation.mine.view")}</Link>
    </p>
  );
}
