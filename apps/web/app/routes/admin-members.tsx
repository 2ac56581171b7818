import { useTranslation } from "react-i18next";
import { data, Link, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../lib/api.server.ts";
import { assertTenantSite, requestSiteContext } from "../lib/site-context.ts";

// /beheer/leden — an admin's list of members, each with a way to remove them (with confirmation).

interface Member {
  id: string;
  displayName: string;
  role: string;
  status: string;
  neighbourhoods: string[];
}

export const meta: MetaFunction = () => [{ title: "Leden — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi<{ members: Member[] }>(request, "/api/members");
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { members: result.data.members, removed: new URL(request.url).searchParams.has("verwijderd"), me: viewer.user.id };
}

export default function AdminMembers() {
  const { members, removed, me } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("access.members.title")}</h1>
      <p>{t("access.members.intro")}</p>
      {removed ? (
        <p className="success" role="status">
          {t("access.members.removed")}
        </p>
      ) : null}
      {members.length === 0 ? (
        <p className="empty">{t("access.members.empty")}</p>
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
                  <th scope="row">{member.displayName}</th>
                  <td>{t(`access.members.roles.${member.role}`, { defaultValue: member.role })}</td>
                  <td>{member.neighbourhoods.join(", ")}</td>
                  <td>{t(`access.members.statuses.${member.status}`, { defaultValue: member.status })}</td>
                  <td>
                    {member.id === me ? null : (
                      <Link to={`/beheer/leden/${member.id}/verwijderen`} aria-label={t("access.members.removeLabel", { name: member.displayName })}>
                        {t("access.members.remove")}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
