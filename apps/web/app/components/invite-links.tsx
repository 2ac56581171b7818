import { useTranslation } from "../i18n/i18n.ts";
import { Link, useRouteLoaderData } from "react-router";
import type { RequestSite } from "../lib/site-context.ts";
import { viewerHelpsMembers, viewerIsNeighbour, viewerIsStaff } from "../lib/invite-pages.ts";

/** Discreet links to inviting and member pages, only those this person may use. */
export function InviteLinks() {
  const { t } = useTranslation();
  const viewer = (useRouteLoaderData("root") as RequestSite | undefined)?.viewer ?? null;
  const links: { to: string; label: string }[] = [];
  if (viewerIsNeighbour(viewer)) links.push({ to: "/uitnodigen", label: t("invites.links.personal") });
  if (viewerIsStaff(viewer)) links.push({ to: "/beheer/uitnodigingen", label: t("invites.links.adminInvites") });
  if (viewerIsStaff(viewer)) links.push({ to: "/beheer/leden", label: t("access.members.title") });
  if (viewer?.user.role === "admin") links.push({ to: "/beheer/medewerkers", label: t("staff.links.staff") }, { to: "/beheer/organisaties", label: t("staff.links.organisations") });
  if (viewerHelpsMembers(viewer)) {
    links.push({ to: "/beheer/aanmeldingen", label: t("invites.links.pending") });
    links.push({ to: "/beheer/aanmelden-namens", label: t("invites.links.register") });
  }
  if (viewer?.user.role === "admin") links.push({ to: "/beheer/buurten", label: t("neighbourhoodAdmin.linkLabel") });
  if (viewer?.user.role === "admin") links.push({ to: "/beheer/huisstijl", label: t("branding.nav") });
  if (viewerIsStaff(viewer)) links.push({ to: "/beheer/activiteiten", label: t("activities.review.title") });
  if (viewerIsStaff(viewer) || viewer?.user.role === "ambassador") links.push({ to: "/beheer/moderatie", label: t("moderation.queue.title") });
  if (viewer?.user.role === "admin") links.push({ to: "/beheer/woordenlijst", label: t("moderation.words.title") });
  if (viewerIsNeighbour(viewer)) links.push({ to: "/account/moderatie", label: t("moderation.mine.title") });
  if (links.length === 0) return null;
  return (
    <nav aria-label={t("invites.links.label")} className="quiet-links">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
