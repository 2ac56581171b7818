import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { requirePageViewer, viewerIsStaff } from "../../lib/invite-pages.ts";

// /beheer/leden — staff look people up: moderators give a resident without e-mail a new recovery code,
// admins also remove members (each with a confirmation page). Searchable, 50 a page.

export const meta: MetaFunction = () => [{ title: "Leden — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer } = requirePageViewer(context, viewerIsStaff);
  const url = new URL(request.url);
  const query = (url.searchParams.get("zoek") ?? "").trim();
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("pagina") ?? "1", 10) || 1));
  const result = await callApi(request, (api) => api.members.$get(), { query: { q: query, page: String(page) } });
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { list: result.data, removed: url.searchParams.has("verwijderd"), me: viewer.user.id };
}

function pageLink(query: string, page: number): string {
  const params = new URLSearchParams();
  if (query) params.set("zoek", query);
  if (page > 1) params.set("pagina", String(page));
  const search = params.toString();
  return search ? `?${search}` : "/beheer/leden";
}

export default function AdminMembers() {
  const { list, removed, me } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { members, query, page, pageSize, total } = list;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  return (
    <section>
      <h1>{t("access.members.title")}</h1>
      <p>{t(list.canRemove ? "access.members.intro" : "access.members.introModerator")}</p>
      {removed ? (
        <p className="success" role="status">
          {t("access.members.removed")}
        </p>
      ) : null}
      <Form method="get" className="form inline-search" role="search">
        <label htmlFor="zoek">{t("access.members.search")}</label>
        <div className="search-row">
          <input id="zoek" name="zoek" type="search" defaultValue={query} maxLength={80} autoComplete="off" />
          <button type="submit" className="button secondary">
            {t("access.members.searchButton")}
          </button>
        </div>
      </Form>
      <p role="status">{query ? t("access.members.foundFor", { count: total, query }) : t("access.members.count", { count: total })}</p>
      {members.length === 0 ? (
        <p className="empty">{query ? t("access.members.noneFound") : t("access.members.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="members">
            <thead>
              <tr>
                <th scope="col">{t("access.members.name")}</th>
                <th scope="col">{t("access.members.role")}</th>
                <th scope="col">{t("access.members.neighbourhoods")}</th>
                <th scope="col">{t("access.members.status")}</th>
                <th scope="col">{t("access.members.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <th scope="row">
                    {member.displayName}
                    {member.loginName ? <span className="post-meta"> · {member.loginName}</span> : null}
                  </th>
                  <td>{t(`access.members.roles.${member.role}`, { defaultValue: member.role })}</td>
                  <td>{member.neighbourhoods.join(", ")}</td>
                  <td>{t(`access.members.statuses.${member.status}`, { defaultValue: member.status })}</td>
                  <td className="action-links">
                    {list.canResetAccess && member.canGetRecoveryCode ? (
                      <Link to={`/beheer/leden/${member.id}/herstelcode`} aria-label={t("access.members.recoveryLabel", { name: member.displayName })}>
                        {t("access.members.recovery")}
                      </Link>
                    ) : null}
                    {member.role === "resident" && member.status === "active" && member.neighbourhoods.length > 0 ? (
                      <Link to={`/beheer/leden/${member.id}/ambassadeur`} aria-label={t("staff.ambassador.makeLabel", { name: member.displayName })}>
                        {t("staff.ambassador.make")}
                      </Link>
                    ) : null}
                    {member.role === "ambassador" ? (
                      <Link to={`/beheer/leden/${member.id}/ambassadeur`} aria-label={t("staff.ambassador.endLabel", { name: member.displayName })}>
                        {t("staff.ambassador.end")}
                      </Link>
                    ) : null}
                    {list.canRemove && member.id !== me ? (
                      <Link to={`/beheer/leden/${member.id}/verwijderen`} aria-label={t("access.members.removeLabel", { name: member.displayName })}>
                        {t("access.members.remove")}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {lastPage > 1 ? (
        <nav aria-label={t("access.members.pages")} className="action-links">
          {page > 1 ? <Link to={pageLink(query, page - 1)}>{t("access.members.previous")}</Link> : null}
          <span>{t("access.members.pageOf", { page, lastPage })}</span>
          {page < lastPage ? <Link to={pageLink(query, page + 1)}>{t("access.members.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
