import { Link } from "react-router";
import { useTranslation } from "../i18n/i18n.ts";
import type { ApiAnswer, ApiClient } from "../lib/api-types.ts";

type Checklist = ApiAnswer<ApiClient["setup"]["checklist"]["$get"]>["checklist"];

/** Where each step is done. The branding page belongs to the branding work (issue 9). */
export const FIRST_RUN_LINKS = {
  neighbourhood: "/beheer/buurten/nieuw",
  branding: "/beheer/huisstijl",
  invite: "/beheer/uitnodigingen",
} as const;

/** The admin's first-run checklist: three steps, each a link, ticked from real state; gone once all are done. */
export function FirstRunChecklist({ checklist }: { checklist: Checklist }) {
  const { t } = useTranslation();
  if (checklist.complete) return null;
  return (
    <section className="card first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t("firstRun.title")}</h2>
      <p>{t("firstRun.intro")}</p>
      <ol className="checklist">
        {checklist.steps.map(({ step, done }) => (
          <li key={step} className={done ? "done" : undefined} data-step={step}>
            <span className="check" aria-hidden="true">
              {done ? "✓" : ""}
            </span>
            <Link to={FIRST_RUN_LINKS[step]}>{t(`firstRun.steps.${step}`)}</Link>
            <span className={`badge ${done ? "state-valid" : "state-expired"}`}>{done ? t("firstRun.done") : t("firstRun.todo")}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
