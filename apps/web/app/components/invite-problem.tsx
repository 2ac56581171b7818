import { useTranslation } from "../i18n/i18n.ts";
import { Link } from "react-router";
import type { InviteProblem } from "../lib/invite-pages.ts";

/** A clear page for an invite that does not let anyone in: what happened, and what to do next. */
export function InviteProblemPage({ problem, corporation }: { problem: InviteProblem; corporation: string }) {
  const { t } = useTranslation();
  return (
    <section className="card invite-problem" aria-labelledby="invite-problem-title">
      <h1 id="invite-problem-title">{t(`invites.problem.${problem}.title`)}</h1>
      <p className="lead">{t(`invites.problem.${problem}.text`)}</p>
      {problem === "rate_limited" ? null : (
        <>
          <h2>{t("invites.problem.nextTitle")}</h2>
          <ul className="next-steps">
            <li>{t("invites.problem.askNeighbour")}</li>
            <li>{t("invites.problem.askCorporation", { corporation })}</li>
          </ul>
        </>
      )}
      <Link to="/doe-mee" className="button">
        {t("invites.problem.tryAgain")}
      </Link>
    </section>
  );
}
