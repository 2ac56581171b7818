import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { HOUSE_RULE_COUNT, SUSPENSION_DAYS_MAX } from "@buurtplein/core/moderation/moderation-input";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FormError } from "../../components/field-error.tsx";

// /beheer/moderatie — the one moderation queue: reports per item (ambassadors: their own neighbourhood;
// moderators and admins: all), with hide / restore (posts, replies) and warn / suspend (members), each
// with a reason the writer reads; below, the appeals waiting for staff. Plain forms, no JavaScript.

export const meta: MetaFunction = () => [{ title: "Moderatie — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.moderation.queue.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  const done = new URL(request.url).searchParams.get("gedaan") === "1";
  return { ...result.data, locale, staff: viewer.user.role === "moderator" || viewer.user.role === "admin", done };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const intent = field(form, "intent");
  const targetType = field(form, "targetType");
  const targetId = field(form, "targetId");
  const reason = field(form, "reason");
  const houseRule = field(form, "houseRule");
  const rule = houseRule === "" ? {} : { houseRule: Number(houseRule) };
  const result = await (async () => {
    switch (intent) {
      case "hide":
        return callApi(request, (api) => api.moderation.hide.$post(), { json: { targetType, targetId, reason, ...rule } });
      case "restore":
        return callApi(request, (api) => api.moderation.restore.$post(), { json: { targetType, targetId, reason, ...rule } });
      case "warn":
        return callApi(request, (api) => api.moderation.warn.$post(), { json: { userId: targetId, reason, ...rule } });
      case "suspend":
        return callApi(request, (api) => api.moderation.suspend.$post(), { json: { userId: targetId, reason, days: Number(field(form, "days")), ...rule } });
      case "uphold":
      case "overturn":
        return callApi(request, (api) => api.moderation.decisions[":id"].appeal.decide.$post({ param: { id: encodeURIComponent(targetId) } }), {
          json: { outcome: intent === "uphold" ? "upheld" : "overturned", reason },
        });
      default:
        throw data({ code: "bad_request" }, { status: 400 });
    }
  })();
  if (result.ok) throw redirect("/beheer/moderatie?gedaan=1");
  return data({ targetId, error: result.error?.message ?? null }, { status: result.status });
}

function RuleSelect({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id}>{t("moderation.queue.rule")}</label>
      <select id={id} name="houseRule" defaultValue="">
        <option value="">{t("moderation.noHouseRule")}</option>
        {Array.from({ length: HOUSE_RULE_COUNT }, (_, index) => (
          <option key={index} value={index + 1}>
            {index + 1}. {t(`invites.houseRules.rules.${index}`)}
          </option>
        ))}
      </select>
    </>
  );
}

export default function ModerationQueue() {
  const { items, appeals, locale, staff, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="moderation-queue">
      <h1>{t("moderation.queue.title")}</h1>
      <p>{t("moderation.queue.intro")}</p>
      {done ? (
        <p className="success" role="status">
          {t("moderation.queue.done")}
        </p>
      ) : null}
      {items.length === 0 ? <p className="empty">{t("moderation.queue.empty")}</p> : null}
      <ul className="queue-list">
        {items.map((item) => {
          const key = `${item.targetType}-${item.targetId}`;
          const failed = result?.targetId === item.targetId ? result.error : null;
          const content = item.targetType !== "member";
          return (
            <li key={key} className="queue-item" id={`melding-${key}`}>
              <h2>
                {t(`moderation.queue.kinds.${item.targetType}`, { defaultValue: item.targetType })} · {t("moderation.queue.reported", { count: item.reportCount })}
              </h2>
              <p className="post-meta">
                {item.authorName ? t("moderation.queue.by", { name: item.authorName }) : null} {item.neighbourhoodName ? t("moderation.queue.in", { neighbourhood: item.neighbourhoodName }) : null} ·{" "}
                <time dateTime={new Date(item.firstReportedAt).toISOString()}>{formatDateTime(item.firstReportedAt, locale, "medium", "short")}</time>
              </p>
              {item.title ? <p><strong>{item.title}</strong></p> : null}
              <blockquote className="post-body">{item.text}</blockquote>
              <ul className="report-reasons">
                {item.reasons.map((entry, index) => (
                  <li key={index}>
                    {entry.reason}
                    {entry.houseRule ? ` (${t("moderation.houseRule", { number: entry.houseRule })})` : ""}
                  </li>
                ))}
              </ul>
              {item.status === "hidden" ? <p className="notice">{t("moderation.queue.statusHidden")}</p> : null}
              <FormError message={failed} />
              <Form method="post" className="form moderation-form">
                <input type="hidden" name="targetType" value={item.targetType} />
                <input type="hidden" name="targetId" value={content ? item.targetId : (item.authorId ?? item.targetId)} />
                <label htmlFor={`reason-${key}`}>{t("moderation.queue.reason")}</label>
                <textarea id={`reason-${key}`} name="reason" rows={2} required minLength={3} maxLength={500} />
                <RuleSelect id={`rule-${key}`} />
                {content ? null : (
                  <>
                    <label htmlFor={`days-${key}`}>{t("moderation.queue.days")}</label>
                    <input id={`days-${key}`} name="days" type="number" min={1} max={SUSPENSION_DAYS_MAX} defaultValue={7} />
                  </>
                )}
                <div className="button-row">
                  {content ? (
                    item.status === "hidden" ? (
                      <button type="submit" name="intent" value="restore" className="button secondary">
                        {t("moderation.queue.restore")}
                      </button>
                    ) : (
                      <button type="submit" name="intent" value="hide" className="button">
                        {t("moderation.queue.hide")}
                      </button>
                    )
                  ) : (
                    <>
                      <button type="submit" name="intent" value="warn" className="button secondary">
                        {t("moderation.queue.warn")}
                      </button>
                      <button type="submit" name="intent" value="suspend" className="button danger">
                        {t("moderation.queue.suspend")}
                      </button>
                    </>
                  )}
                </div>
              </Form>
              {content && item.postId && item.neighbourhoodSlug && item.status !== "hidden" ? (
                <p>
                  <Link to={`/buurt/${encodeURIComponent(item.neighbourhoodSlug)}/berichten/${encodeURIComponent(item.postId)}`}>{t("moderation.queue.open")}</Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {staff ? (
        <section aria-labelledby="appeals-heading">
          <h2 id="appeals-heading">{t("moderation.queue.appealsTitle")}</h2>
          {appeals.length === 0 ? <p className="empty">{t("moderation.queue.appealsEmpty")}</p> : null}
          <ul className="queue-list">
            {appeals.map((appeal) => (
              <li key={appeal.id} className="queue-item" id={`bezwaar-${appeal.id}`}>
                {appeal.assignedToMe ? <p className="badge">{t("moderation.queue.assignedToMe")}</p> : null}
                <p>{t("moderation.queue.decision", { action: t(`moderation.actions.${appeal.action}`, { defaultValue: appeal.action }), reason: appeal.reason })}</p>
                <blockquote>{t("moderation.queue.appealText", { body: appeal.appealBody ?? "" })}</blockquote>
                {appeal.actedByMe ? <p className="notice">{t("moderation.queue.actedByMe")}</p> : null}
                <FormError message={result?.targetId === appeal.id ? result.error : null} />
                <Form method="post" className="form moderation-form">
                  <input type="hidden" name="targetId" value={appeal.id} />
                  <label htmlFor={`appeal-reason-${appeal.id}`}>{t("moderation.queue.appealReason")}</label>
                  <textarea id={`appeal-reason-${appeal.id}`} name="reason" rows={2} required minLength={3} maxLength={1000} />
                  <div className="button-row">
                    <button type="submit" name="intent" value="uphold" className="button secondary">
                      {t("moderation.queue.uphold")}
                    </button>
                    <button type="submit" name="intent" value="overturn" className="button">
                      {t("moderation.queue.overturn")}
                    </button>
                  </div>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
