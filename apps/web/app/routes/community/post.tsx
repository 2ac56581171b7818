import { useTranslation } from "../../i18n/i18n.ts";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "react-router";
import { PINNABLE_POST_KINDS, SOLVABLE_POST_KINDS, type PostKind } from "@buurtplein/core/community/post-kinds";
import { isRole, isStaff } from "@buurtplein/core/identity/roles";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm, safeReturnPath } from "../../lib/forms.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { PostDetails, PostMeta, postPath, Reactions } from "../../components/post-card.tsx";
import { HiddenNotice, KindnessPrompt, ReportForm } from "../../components/moderation-forms.tsx";

// /buurt/:slug/berichten/:id — one post with its replies: reply, react, and for its author edit, mark
// solved, share or stop sharing, delete (confirmed in a folded panel); staff pin announcements. Every
// button is a plain form that posts here; after a change the page redirects back (no resubmits).

/** The messages a redirect back may ask this page to show (?gedaan=…). */
const DONE = { reply: "posts.replyPosted", saved: "posts.saved", replyDeleted: "posts.replyDeleted", reported: "moderation.report.received" } as const;

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [
  { title: `${loaderData?.post.title ?? loaderData?.post.body.slice(0, 60) ?? "Bericht"} — Buurtplein` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.posts[":id"].$get({ param: { id: encodeURIComponent(params.id ?? "") } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  const { post, access } = result.data;
  // The post's own neighbourhood in the address, whatever was typed.
  if (post.neighbourhood.slug !== params.slug) throw redirect(postPath(post.neighbourhood.slug, post.id));
  const done = new URL(request.url).searchParams.get("gedaan");
  return { post, access, locale, role: viewer.user.role, done: done && done in DONE ? DONE[done as keyof typeof DONE] : null };
}

type Intent = "reply" | "react" | "editReply" | "deleteReply" | "solved" | "share" | "pin" | "delete" | "report";

export async function action({ request, context, params }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const intent = field(form, "intent") as Intent;
  const id = encodeURIComponent(params.id ?? "");
  const here = postPath(params.slug ?? "", params.id ?? "");
  const on = field(form, "value") === "1";
  const replyId = encodeURIComponent(field(form, "replyId"));
  const param = { param: { id } };
  const result = await (async () => {
    switch (intent) {
      case "reply":
        return callApi(request, (api) => api.posts[":id"].replies.$post(param), { json: { body: field(form, "body"), postAnyway: field(form, "postAnyway") === "1" } });
      case "report": {
        const houseRule = field(form, "houseRule");
        return callApi(request, (api) => api.reports.$post(), {
          json: { targetType: field(form, "targetType"), targetId: field(form, "targetId"), reason: field(form, "reason"), ...(houseRule ? { houseRule: Number(houseRule) } : {}) },
        });
      }
      case "react":
        return callApi(request, (api) => api.posts[":id"].reactions.$post(param), { json: { kind: field(form, "kind") } });
      case "editReply":
        return callApi(request, (api) => api.posts[":id"].replies[":replyId"].$patch({ param: { id, replyId } }), { json: { body: field(form, "body") } });
      case "deleteReply":
        return callApi(request, (api) => api.posts[":id"].replies[":replyId"].$delete({ param: { id, replyId } }));
      case "solved":
        return callApi(request, (api) => api.posts[":id"].$patch(param), { json: { solved: on } });
      case "share":
        return callApi(request, (api) => api.posts[":id"].$patch(param), { json: { visibleToCorporation: on } });
      case "pin":
        return callApi(request, (api) => api.posts[":id"].$patch(param), { json: { pinned: on } });
      case "delete":
        return callApi(request, (api) => api.posts[":id"].$delete(param));
      default:
        throw data({ code: "bad_request" }, { status: 400 });
    }
  })();
  if (result.ok) {
    if (intent === "delete") throw redirect(`/buurt/${encodeURIComponent(params.slug ?? "")}?verwijderd=1`);
    if (intent === "react") throw redirect(safeReturnPath(field(form, "returnTo") || null, `${here}#reacties`));
    if (intent === "reply") throw redirect(`${here}?gedaan=reply#reacties-einde`);
    if (intent === "report") throw redirect(`${here}?gedaan=reported`);
    if (intent === "deleteReply") throw redirect(`${here}?gedaan=replyDeleted#reacties`);
    if (intent === "editReply") throw redirect(`${here}?gedaan=saved#reactie-${field(form, "replyId")}`);
    throw redirect(`${here}?gedaan=saved`);
  }
  const retryAfter = (result.error?.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  return data(
    {
      intent,
      replyId: field(form, "replyId"),
      targetId: field(form, "targetId"),
      body: field(form, "body"),
      code: result.error?.code ?? null,
      details: result.error?.details ?? null,
      error: result.error?.message ?? null,
      fields: fieldErrors(result.error?.details),
      rateLimited: result.status === 429 && retryAfter !== undefined,
    },
    { status: result.status },
  );
}

export default function PostPage() {
  const { post, access, locale, role, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const staff = isRole(role) && isStaff(role);
  const slug = post.neighbourhood.slug;
  const archived = post.neighbourhood.archived;
  const solvable = SOLVABLE_POST_KINDS.includes(post.kind as PostKind);
  const pinnable = staff && PINNABLE_POST_KINDS.includes(post.kind as PostKind);
  const here = postPath(slug, post.id);
  const replyError = result?.intent === "reply" ? (result.rateLimited ? t("posts.replyRateLimited") : result.error) : null;
  const otherError = result && result.intent !== "reply" && result.intent !== "editReply" && result.intent !== "report" ? result.error : null;
  const kindness = result?.intent === "reply" && result.code === "kindness_prompt" ? ((result.details as { words?: string[] } | null)?.words ?? []) : null;
  const reportFailure = (targetId: string) => (result?.intent === "report" && result.targetId === targetId ? result.error : null);
  // Neighbours are told when the corporation will read their reply (staff are the corporation).
  const replyShared = !staff && (post.visibleToCorporation || post.kind === "announcement");

  return (
    <div className="post-page">
      <p>
        <Link to={`/buurt/${encodeURIComponent(slug)}#bericht-${post.id}`}>← {t("posts.backToFeed", { neighbourhood: post.neighbourhood.name })}</Link>
      </p>
      {done ? (
        <p className="success" role="status">
          {t(done)}
        </p>
      ) : null}
      {archived ? <p className="notice">{t("posts.archived")}</p> : null}
      <FormError message={otherError} />
      {post.moderation ? <HiddenNotice reason={post.moderation.reason} /> : null}

      <article className={`post post-${post.kind}${post.solvedAt ? " post-solved" : ""}`}>
        <PostMeta post={post} locale={locale} />
        <h1>{post.title ?? t(`feed.kinds.${post.kind}`, { defaultValue: post.kind })}</h1>
        <p className="post-body">{post.body}</p>
        <PostDetails post={post} locale={locale} />
        {post.kind !== "announcement" ? <p className="shared">{post.visibleToCorporation ? t("posts.sharedState") : t("posts.notSharedState")}</p> : null}
        <div className="post-footer">
          <Reactions post={post} slug={slug} canReact={!staff && !archived && !post.moderation} returnTo={`${here}#reacties`} />
        </div>
        {!post.mine && !staff ? <ReportForm targetType="post" targetId={post.id} error={reportFailure(post.id)} /> : null}
      </article>

      {post.mine || pinnable || (staff && solvable) ? (
        <section className="post-actions" aria-labelledby="actions-heading">
          <h2 id="actions-heading" className="visually-hidden">
            {t("posts.actions")}
          </h2>
          {post.mine && !archived ? (
            <Link className="button secondary" to={`${here}/bewerken`}>
              {t("posts.edit")}
            </Link>
          ) : null}
          {solvable && !archived ? <Toggle intent="solved" on={!post.solvedAt} label={post.solvedAt ? t("posts.markUnsolved") : t("posts.markSolved")} /> : null}
          {post.mine && post.kind !== "announcement" && (!archived || post.visibleToCorporation) ? (
            <Toggle intent="share" on={!post.visibleToCorporation} label={post.visibleToCorporation ? t("posts.unshare") : t("posts.share")} />
          ) : null}
          {pinnable && !archived ? <Toggle intent="pin" on={!post.pinnedAt} label={post.pinnedAt ? t("posts.unpin") : t("posts.pin")} /> : null}
          {post.mine ? (
            <details className="fold">
              <summary className="button secondary danger-outline">{t("posts.delete")}</summary>
              <Form method="post" className="confirm-panel">
                <p>{t("posts.deleteConfirm")}</p>
                <input type="hidden" name="intent" value="delete" />
                <button type="submit" className="button danger">
                  {t("posts.deleteYes")}
                </button>
              </Form>
            </details>
          ) : null}
        </section>
      ) : null}

      <section className="replies" id="reacties" aria-labelledby="replies-heading">
        <h2 id="replies-heading">{t("posts.repliesHeading")}</h2>
        {access === "shared_only" ? <p className="notice">{t("posts.staffReplies")}</p> : null}
        {post.replies.length === 0 ? (
          <p className="empty">{t("posts.noReplies")}</p>
        ) : (
          <ol className="reply-list">
            {post.replies.map((reply) => {
              const failed = result?.intent === "editReply" && result.replyId === reply.id ? result : null;
              return (
                <li key={reply.id} id={`reactie-${reply.id}`} className="reply">
                  <p className="post-meta">
                    <span className="author">{reply.authorName ?? t("posts.formerMember")}</span>
                    {reply.authorStreet ? <span className="street"> · {reply.authorStreet}</span> : null} ·{" "}
                    <time dateTime={new Date(reply.createdAt).toISOString()}>{formatDateTime(reply.createdAt, locale, "medium", "short")}</time>
                    {reply.editedAt ? <span className="edited"> · {t("posts.edited")}</span> : null}
                  </p>
                  <p className="post-body">{reply.body}</p>
                  {reply.moderation ? <HiddenNotice reason={reply.moderation.reason} /> : null}
                  {!reply.mine && !staff ? <ReportForm targetType="reply" targetId={reply.id} error={reportFailure(reply.id)} /> : null}
                  {reply.mine ? (
                    <div className="reply-actions">
                      {!archived ? (
                        <details className="fold" open={failed !== null}>
                          <summary className="link-button">{t("posts.editReply")}</summary>
                          <Form method="post" className="form">
                            <input type="hidden" name="intent" value="editReply" />
                            <input type="hidden" name="replyId" value={reply.id} />
                            <FormError message={failed?.error} />
                            <label htmlFor={`reply-body-${reply.id}`}>{t("posts.replyLabel")}</label>
                            <textarea id={`reply-body-${reply.id}`} name="body" rows={3} required maxLength={2000} defaultValue={failed?.body ?? reply.body} />
                            <SubmitButton label={t("posts.save")} />
                          </Form>
                        </details>
                      ) : null}
                      <details className="fold">
                        <summary className="link-button">{t("posts.deleteReply")}</summary>
                        <Form method="post" className="confirm-panel">
                          <p>{t("posts.deleteReplyConfirm")}</p>
                          <input type="hidden" name="intent" value="deleteReply" />
                          <input type="hidden" name="replyId" value={reply.id} />
                          <button type="submit" className="button danger">
                            {t("posts.deleteReplyYes")}
                          </button>
                        </Form>
                      </details>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        <div id="reacties-einde" />
        {kindness ? <KindnessPrompt words={kindness} intent="reply" body={result?.body ?? ""} /> : null}
        {archived || post.moderation ? null : (
          <Form method="post" className="form reply-form">
            <input type="hidden" name="intent" value="reply" />
            <FormError message={kindness ? null : replyError} />
            <label htmlFor="reply-body">{t("posts.replyLabel")}</label>
            {replyShared ? (
              <p className="hint" id="reply-body-hint">
                {t("posts.replyShared")}
              </p>
            ) : null}
            <textarea
              id="reply-body"
              name="body"
              rows={3}
              required
              maxLength={2000}
              defaultValue={result?.intent === "reply" ? result.body : ""}
              aria-invalid={result?.intent === "reply" && result.fields.body ? true : undefined}
              aria-describedby={
                [replyShared ? "reply-body-hint" : null, result?.intent === "reply" && result.fields.body ? "reply-body-error" : null]
                  .filter(Boolean)
                  .join(" ") || undefined
              }
            />
            <FieldError id="reply-body-error" message={result?.intent === "reply" ? result.fields.body : undefined} />
            <SubmitButton label={t("posts.replySubmit")} />
          </Form>
        )}
      </section>
    </div>
  );
}

/** A one-button form that switches something on (value 1) or off (value 0). */
function Toggle({ intent, on, label }: { intent: string; on: boolean; label: string }) {
  return (
    <Form method="post" className="toggle">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="value" value={on ? "1" : "0"} />
      <button type="submit" className="button secondary">
        {label}
      </button>
    </Form>
  );
}
