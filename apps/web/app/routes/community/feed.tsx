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
import { KindnessPrompt } from "../../components/moderation-forms.tsx";
import { OWN_FORM_POST_KINDS, POST_KINDS, SKILLS, STAFF_ONLY_POST_KINDS } from "@buurtplein/core/community/post-kinds";
import { isRole, isStaff } from "@buurtplein/core/identity/roles";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { InviteLinks } from "../../components/invite-links.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { FeedPost } from "../../components/post-card.tsx";
import { ActivityItem } from "../activities/activity-item.tsx";

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [{ title: `${loaderData?.feed.neighbourhood.name ?? "Buurt"} — Buurtplein` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const url = new URL(request.url);
  const cursor = url.searchParams.get("na");
  const slug = encodeURIComponent(params.slug ?? "");
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].posts.$get({ param: { slug } }), { query: { cursor: cursor || undefined } });
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { feed: result.data, role: viewer.user.role, locale, deleted: url.searchParams.has("verwijderd"), cursor: cursor || null };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer } = context.get(requestSiteContext);
  if (!viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  // A photo from the plain file field (works without JavaScript): uploaded first, then posted with its id.
  const photo = form.get("photo");
  let photoIds: string[] | undefined;
  if (photo && typeof photo !== "string" && photo.size > 0) {
    const upload = new FormData();
    upload.set("file", photo);
    upload.set("alt", field(form, "photoAlt"));
    const uploaded = await callApi(request, (api) => api.uploads.$post(), { form: upload });
    if (!uploaded.ok) {
      const values = { kind: field(form, "kind"), title: field(form, "title"), body: field(form, "body"), visibleToCorporation: form.get("visibleToCorporation") === "on", skills: undefined as string[] | undefined, photoAlt: field(form, "photoAlt") };
      const fields = { photo: fieldErrors(uploaded.error?.details).alt ?? uploaded.error?.message ?? "" } as Record<string, string>;
      return data({ posted: false as const, values, error: null, fields, waitMinutes: null, kindness: null }, { status: uploaded.status });
    }
    photoIds = [uploaded.data.upload.id];
  }
  const values = {
    kind: field(form, "kind"),
    title: field(form, "title"),
    body: field(form, "body"),
    visibleToCorporation: form.get("visibleToCorporation") === "on",
    // Skills only mean something for help offered; the fieldset is there for every kind without JavaScript.
    skills: field(form, "kind") === "offer" ? form.getAll("skills").filter((value): value is string => typeof value === "string") : undefined,
    photoAlt: field(form, "photoAlt"),
    // The author saw the kindness prompt and chose to post as written.
    postAnyway: field(form, "postAnyway") === "1",
  };
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].posts.$post({ param: { slug: encodeURIComponent(params.slug ?? "") } }), { json: { ...values, photoIds } });
  if (result.ok) return { posted: true as const, values: null, error: null, fields: {} as Record<string, string>, waitMinutes: null, kindness: null };
  const fields = fieldErrors(result.error?.details);
  // Too many posts in a short time: a calm message in the reader's language with how long to wait;
  // what was typed stays in the form.
  const retryAfter = (result.error?.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  const waitMinutes = result.status === 429 ? Math.max(1, Math.ceil((retryAfter ?? 60) / 60)) : null;
  const kindness = result.error?.code === "kindness_prompt" ? ((result.error.details as { words?: string[] } | undefined)?.words ?? []) : null;
  return data({ posted: false as const, values, error: kindness ? null : (result.error?.message ?? null), fields, waitMinutes, kindness }, { status: result.status });
}

export default function NeighbourhoodFeed() {
  const { feed, role, locale, deleted, cursor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const staff = isRole(role) && isStaff(role);
  const kinds = POST_KINDS.filter(
    (kind) => !OWN_FORM_POST_KINDS.includes(kind) && (staff ? STAFF_ONLY_POST_KINDS.includes(kind) : !STAFF_ONLY_POST_KINDS.includes(kind)),
  );
  const slug = feed.neighbourhood.slug;
  const fields = result?.fields ?? {};
  // Open after a refused post (what was typed comes back in the fields); closed and empty after a
  // post. The page sends no JavaScript (root.tsx, RouteHandle): the form posts as plain HTML.
  const formOpen = result !== undefined && !result.posted;

  return (
    <div className="feed-layout">
      <header className="feed-header">
        <h1>{feed.neighbourhood.name}</h1>
        {feed.neighbourhood.description ? <p>{feed.neighbourhood.description}</p> : null}
        {feed.access === "shared_only" ? <p className="notice">{t("feed.sharedOnly")}</p> : null}
        {feed.neighbourhood.archived ? <p className="notice">{t("posts.archived")}</p> : null}
        <InviteLinks />
      </header>

      {/* The form waits behind one button, so on a phone the neighbourhood comes first. A native
          <details> opens without JavaScript and by keyboard; it comes back open after an error, so
          nothing typed is lost. */}
      {deleted ? (
        <p className="success" role="status">
          {t("posts.deleted")}
        </p>
      ) : null}
      {feed.neighbourhood.archived ? null : (
        <section className="new-post" aria-labelledby="new-post-heading">
          <h2 id="new-post-heading" className="visually-hidden">
            {t("feed.newPost")}
          </h2>
          {result?.posted ? (
            <p className="success" role="status">
              {t("feed.posted")}
            </p>
          ) : null}
          <details className="new-post-toggle" open={formOpen}>
            <summary className="button">
              {t("feed.writePost")}
            </summary>
            <div className="card">
              <FormError message={result?.waitMinutes ? t("feed.rateLimited", { count: result.waitMinutes }) : result?.error} />
              {result?.kindness && result.values ? (
                <KindnessPrompt
                  words={result.kindness}
                  intent="post"
                  body={result.values.body}
                  fields={{ kind: result.values.kind, title: result.values.title, ...(result.values.visibleToCorporation ? { visibleToCorporation: "on" } : {}) }}
                />
              ) : null}
              <Form method="post" className="form" encType="multipart/form-data">
                <label htmlFor="kind">{t("feed.kind")}</label>
                <select id="kind" name="kind" defaultValue={result?.values?.kind ?? kinds[0]}>
                  {kinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`feed.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
                <label htmlFor="title">{t("feed.postTitle")}</label>
                <input id="title" name="title" maxLength={120} defaultValue={result?.values?.title ?? ""} />
                <label htmlFor="body">{t("feed.body")}</label>
                <textarea
                  id="body"
                  name="body"
                  rows={4}
                  required
                  maxLength={5000}
                  defaultValue={result?.values?.body ?? ""}
                  aria-invalid={fields.body ? true : undefined}
                  aria-describedby={fields.body ? "body-error" : undefined}
                />
                <FieldError id="body-error" message={fields.body} />
                <label htmlFor="photo">{t("media.photo.label")}</label>
                <p id="photo-hint" className="hint">
                  {t("media.photo.hint")}
                </p>
                <input
                  id="photo"
                  name="photo"
                  type="file"
                  accept="image/png,image/jpeg,image/webp"
                  aria-describedby={fields.photo ? "photo-hint photo-error" : "photo-hint"}
                  aria-invalid={fields.photo ? true : undefined}
                />
                <FieldError id="photo-error" message={fields.photo} />
                <label htmlFor="photoAlt">{t("media.photo.altLabel")}</label>
                <p id="photoAlt-hint" className="hint">
                  {t("media.photo.altHint")}
                </p>
                <input id="photoAlt" name="photoAlt" maxLength={300} aria-describedby="photoAlt-hint" defaultValue={result?.values?.photoAlt ?? ""} />
                {staff ? null : (
                  <fieldset className="choices skills-choice">
                    <legend>{t("posts.skillsLegend")}</legend>
                    {SKILLS.map((skill) => (
                      <label key={skill} className="choice">
                        <input type="checkbox" name="skills" value={skill} defaultChecked={result?.values?.skills?.includes(skill) ?? false} />
                        {t(`posts.skills.${skill}`)}
                      </label>
                    ))}
                  </fieldset>
                )}
                {staff ? null : (
                  <label className="checkbox">
                    <input type="checkbox" name="visibleToCorporation" defaultChecked={result?.values?.visibleToCorporation ?? false} />
                    {t("feed.shareWithCorporation")}
                  </label>
                )}
                <SubmitButton label={t("feed.submit")} />
              </Form>
            </div>
          </details>
          {staff ? null : (
            <p className="safety-link">
              <Link to={`/buurt/${encodeURIComponent(slug)}/veiligheid`}>{t("posts.safety.link")}</Link>
            </p>
          )}
        </section>
      )}

      {feed.pinned.length > 0 ? (
        <section className="pinned" aria-labelledby="pinned-heading">
          <h2 id="pinned-heading">{t("posts.pinnedHeading")}</h2>
          <ol className="posts-pinned">
            {feed.pinned.map((post) => (
              <li key={post.id}>
                <FeedPost post={post} slug={slug} locale={locale} canReact={!staff && !feed.neighbourhood.archived} cursor={cursor} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section className="feed-activities" aria-labelledby="feed-activities-title">
        <h2 id="feed-activities-title">{t("activities.upcoming")}</h2>
        {feed.activities.length > 0 ? (
          <ol className="activity-list">
            {feed.activities.map((activity) => (
              <li key={activity.id}>
                <ActivityItem activity={activity} locale={locale} />
              </li>
            ))}
          </ol>
        ) : null}
        <Link to={`/buurt/${feed.neighbourhood.slug}/activiteiten`}>{t("activities.allActivities")}</Link>
        <p>
          <Link to={`/buurt/${feed.neighbourhood.slug}/meedoen`}>{t("participation.hub.feedLink")}</Link>
        </p>
      </section>

      <section aria-label={feed.neighbourhood.name}>
        {feed.posts.length === 0 ? (
          <p className="empty">{t("feed.empty")}</p>
        ) : (
          <ol className="posts">
            {feed.posts.map((post) => (
              <li key={post.id}>
                <FeedPost post={post} slug={slug} locale={locale} canReact={!staff && !feed.neighbourhood.archived} cursor={cursor} />
              </li>
            ))}
          </ol>
        )}
        {feed.nextCursor ? (
          <Link className="button secondary" to={`?na=${encodeURIComponent(feed.nextCursor)}`}>
            {t("feed.older")}
          </Link>
        ) : null}
      </section>
      <p className="moderation-record-link">
        <Link to={`/buurt/${encodeURIComponent(slug)}/moderatie`}>{t("moderation.record.title")}</Link>
      </p>
    </div>
  );
}
