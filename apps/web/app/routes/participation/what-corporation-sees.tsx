import type { MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";

// /wat-ziet-de-corporatie — explains to residents what the corporation sees of their answers (decision 028).

export const meta: MetaFunction = () => [{ title: "Wat ziet de corporatie? — Buurtplein" }];

export default function WhatCorporationSees() {
  const { t } = useTranslation();
  return (
    <article>
      <h1>{t("participation.sees.title")}</h1>
      <p>{t("participation.sees.intro")}</p>
      <ul>
        <li>{t("participation.sees.totals")}</li>
        <li>{t("participation.sees.five")}</li>
        <li>{t("participation.sees.comments")}</li>
        <li>{t("participation.sees.polls")}</li>
        <li>{t("participation.sees.once")}</li>
      </ul>
    </article>
  );
}
