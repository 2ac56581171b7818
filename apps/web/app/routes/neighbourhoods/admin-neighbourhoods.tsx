import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { FormError } from "../../components/field-error.tsx";
import { param, requireAdminPage } from "./admin-pages.ts";

// /beheer/buurten — an admin's neighbourhoods (archived ones too, marked) with their complexes, links to
// create, edit, complexes and the CSV import; archiving asks for confirmation first (?archiveren=<slug>),
// bringing one back does not. Works without JavaScript.

export const meta: MetaFunction = () => [{ title: "Buurten — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireAdminPage(context);
  const url = new URL(request.url);
  const [list, complexes] = await Promise.all([
    callApi(request, (api) => api.neighbourhoods.$get(), { query: { include: "archived" } }),
    callApi(request, (api) => api.complexes.$get()),
  ]);
  if (!list.ok) throw data({ code: list.error.code }, { status: list.status });
  if (!complexes.ok) throw data({ code: complexes.error.code }, { status: complexes.status });
  const counts = new Map<string, number>();
  for (const complex of complexes.data.complexes) counts.set(complex.neighbourhood.slug, (counts.get(complex.neighbourhood.slug) ?? 0) + 1);
  const neighbourhoods = list.data.neighbourhoods.map((neighbourhood) => ({ ...neighbourhood, complexCount: counts.get(neighbourhood.slug) ?? 0 }));
  const named = (key: string) => neighbourhoods.find((neighbourhood) => neighbourhood.slug === url.searchParams.get(key)) ?? null;
  const imported = url.searchParams.has("geimporteerd")
    ? { create: Number(url.searchParams.get("nieuw") ?? 0) || 0, update: Number(url.searchParams.get("bijgewerkt") ?? 0) || 0 }
    : null;
  return {
    neighbourhoods,
    created: named("aangemaakt"),
    archived: named("gearchiveerd"),
    unarchived: named("terug"),
    confirmArchive: neighbourhoods.find((neighbourhood) => neighbourhood.slug === url.searchParams.get("archiveren") && !neighbourhood.archived) ?? null,
    imported,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireAdminPage(context);
  const form = await readForm(request);
  const slug = field(form, "slug");
  const intent = field(form, "intent");
  const result =
    intent === "unarchive"
      ? await callApi(request, (api) => api.neighbourhoods[":slug"].unarchive.$post({ param: { slug: param(slug) } }))
      : await callApi(request, (api) => api.neighbourhoods[":slug"].archive.$post({ param: { slug: param(slug) } }));
  if (result.ok) throw redirect(`/beheer/buurten?${intent === "unarchive" ? "terug" : "gearchiveerd"}=${encodeURIComponent(result.data.neighbourhood.slug)}`);
  return data({ failure: result.error.message }, { status: result.status });
}

export default function AdminNeighbourhoods() {
  const { neighbourhoods, created, archived, unarchived, confirmArchive, imported } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="admin-neighbourhoods">
      <h1>{t("neighbourhoodAdmin.title")}</h1>
      <p>{t("neighbourhoodAdmin.intro")}</p>
      {created ? (
        <p className="success" role="status">
          {t("neighbourhoodAdmin.created", { name: created.name })}
        </p>
      ) : null}
      {archived ? (
        <p className="success" role="status">
          {t("neighbourhoodAdmin.archivedDone", { name: archived.name })}
        </p>
      ) : null}
      {unarchived ? (
        <p className="success" role="status">
          {t("neighbourhoodAdmin.unarchivedDone", { name: unarchived.name })}
        </p>
      ) : null}
      {imported ? (
        <p className="success" role="status">
          {t("neighbourhoodAdmin.imported", { create: imported.create, update: imported.update })}
        </p>
      ) : null}
      <FormError message={result?.failure} />

      {confirmArchive ? (
        <section className="card confirm" aria-labelledby="archive-title">
          <h2 id="archive-title">{t("neighbourhoodAdmin.archiveConfirm.title", { name: confirmArchive.name })}</h2>
          <p>{t("neighbourhoodAdmin.archiveConfirm.text", { name: confirmArchive.name })}</p>
          <Form method="post" className="button-row">
            <input type="hidden" name="intent" value="archive" />
            <input type="hidden" name="slug" value={confirmArchive.slug} />
            <button type="submit" className="button danger">
              {t("neighbourhoodAdmin.archiveConfirm.confirm", { name: confirmArchive.name })}
            </button>
            <Link to="/beheer/buurten" className="button secondary">
              {t("neighbourhoodAdmin.archiveConfirm.cancel")}
            </Link>
          </Form>
        </section>
      ) : null}

      <p className="button-row">
        <Link to="/beheer/buurten/nieuw" className="button">
          {t("neighbourhoodAdmin.create")}
        </Link>
        <Link to="/beheer/complexen/importeren" className="button secondary">
          {t("neighbourhoodAdmin.import")}
        </Link>
      </p>

      {neighbourhoods.length === 0 ? (
        <p className="empty">{t("neighbourhoodAdmin.empty")}</p>
      ) : (
        <ul className="admin-list">
          {neighbourhoods.map((neighbourhood) => (
            <li key={neighbourhood.slug} className="card admin-row">
              <h2>
                {neighbourhood.name} {neighbourhood.archived ? <span className="badge state-revoked">{t("neighbourhoodAdmin.archivedBadge")}</span> : null}
              </h2>
              <p className="post-meta">
                {neighbourhood.kind === "new_build" ? t("neighbourhoodAdmin.newBuild") : t("neighbourhoodAdmin.existing")}
                {neighbourhood.city ? ` · ${neighbourhood.city}` : ""}
                {" · "}
                {t("neighbourhoodAdmin.complexCount", { count: neighbourhood.complexCount })}
              </p>
              {neighbourhood.description ? <p>{neighbourhood.description}</p> : null}
              <div className="action-links">
                <Link to={`/beheer/buurten/${neighbourhood.slug}/bewerken`} aria-label={t("neighbourhoodAdmin.editLabel", { name: neighbourhood.name })}>
                  {t("neighbourhoodAdmin.edit")}
                </Link>
                <Link to={`/beheer/buurten/${neighbourhood.slug}/complexen`} aria-label={t("neighbourhoodAdmin.complexes.title", { name: neighbourhood.name })}>
                  {t("neighbourhoodAdmin.complexesLink")}
                </Link>
                <Link to={`/buurt/${neighbourhood.slug}`}>{t("neighbourhoodAdmin.feed")}</Link>
                {neighbourhood.archived ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="unarchive" />
                    <input type="hidden" name="slug" value={neighbourhood.slug} />
                    <button type="submit" className="link-button">
                      {t("neighbourhoodAdmin.unarchive")}
                    </button>
                  </Form>
                ) : (
                  <Link to={`?archiveren=${neighbourhood.slug}`} aria-label={t("neighbourhoodAdmin.archiveLabel", { name: neighbourhood.name })}>
                    {t("neighbourhoodAdmin.archive")}
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
