// /zoeken — search posts and replies of my neighbourhoods (staff: what is shared with them). A plain GET
// form, no JavaScript; matches highlighted with <mark> from the API's snippet parts (rendered as text,
// so nothing a neighbour wrote can become markup).
import { data, Form, Link, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { isRole, isStaff } from "@buurtplein/core/identity/roles";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FormError } from "../../components/field-error.tsx";

export const meta: MetaFunction = () => [{ title: "Zoeken — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const url = new URL(request.url);
  const q = url.searchParams.get("q") ?? "";
  const cursor = url.searchParams.get("na") || undefined;
  const staff = isRole(viewer.user.role) && isStaff(viewer.user.role);
  if (!q.trim()) return { q, search: null, error: null, locale, staff };
  const result = await callApi(request, (api) => api.search.$get(), { query: { q, cursor } });
  if (result.ok) return { q, search: result.data, error: null, locale, staff };
  if (result.status === 422 || result.status === 400) return data({ q, search: null, error: result.error.message, locale, staff }, { status: result.status });
  throw data({ code: result.error?.code }, { status: result.status });
}

export default function Search() {
  const { q, search, error, locale, staff } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const results = search?.results ?? [];
  return (
    <div className="search-page">
      <h1>{t("search.title")}</h1>
      <Form method="get" className="form search-form" role="search">
        <label htmlFor="q">{t("search.label")}</label>
        <p id="q-hint" className="hint">
          {t("search.hint")} {staff ? t("search.hintStaff") : null}
        </p>
        <input id="q" name="q" type="search" defaultValue={q} maxLength={200} aria-describedby="q-hint" />
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </Form>
      <FormError message={error} />
      {search ? (
        <section aria-labelledby="search-results-heading">
          <h2 id="search-results-heading">
            {results.length === 0 ? t("search.none", { query: search.query }) : t("search.results", { count: results.length, query: search.query })}
          </h2>
          <ol className="search-results">
            {results.map((result) => (
              <li key={`${result.type}-${result.id}`} className="card">
                <p className="post-meta">
                  <span className="badge">{result.type === "reply" ? t("search.typeReply") : t("search.typePost")}</span> {result.neighbourhood.name} ·{" "}
                  <time dateTime={new Date(result.createdAt).toISOString()}>{formatDateTime(result.createdAt, locale, "medium", "short")}</time>
                </p>
                <h3>
                  <Link to={result.url}>
                    {result.type === "reply" ? t("search.replyTo", { title: result.title ?? t("search.untitled") }) : (result.title ?? t("search.untitled"))}
                  </Link>
                </h3>
                <p className="snippet">
                  {result.snippetParts.map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
                </p>
              </li>
            ))}
          </ol>
          {search.nextCursor ? (
            <Link className="button secondary" to={`?q=${encodeURIComponent(q)}&na=${encodeURIComponent(search.nextCursor)}`}>
              {t("search.more")}
            </Link>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
