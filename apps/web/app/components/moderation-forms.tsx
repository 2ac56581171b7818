import { Form, Link } from "react-router";
import { HOUSE_RULE_COUNT } from "@buurtplein/core/moderation/moderation-input";
import { useTranslation } from "../i18n/i18n.ts";
import { FormError } from "./field-error.tsx";

// Moderation pieces shown inside other pages: the folded report form under a post or reply, the notice
// an author sees on their hidden post or reply, and the kindness prompt with its "post anyway" button
// (all plain forms: they work without JavaScript).

export function ReportForm({ targetType, targetId, error }: { targetType: "post" | "reply"; targetId: string; error: string | null }) {
  const { t } = useTranslation();
  const id = `report-${targetType}-${targetId}`;
  return (
    <details className="fold report-fold" open={error !== null}>
      <summary className="link-button">{t(`moderation.report.${targetType}`)}</summary>
      <Form method="post" className="form report-form">
        <p className="hint">{t("moderation.report.intro")}</p>
        <input type="hidden" name="intent" value="report" />
        <input type="hidden" name="targetType" value={targetType} />
        <input type="hidden" name="targetId" value={targetId} />
        <FormError message={error} />
        <label htmlFor={`${id}-reason`}>{t("moderation.report.reason")}</label>
        <textarea id={`${id}-reason`} name="reason" rows={2} required minLength={3} maxLength={500} />
        <label htmlFor={`${id}-rule`}>{t("moderation.report.rule")}</label>
        <select id={`${id}-rule`} name="houseRule" defaultValue="">
          <option value="">{t("moderation.report.chooseRule")}</option>
          {Array.from({ length: HOUSE_RULE_COUNT }, (_, index) => (
            <option key={index} value={index + 1}>
              {index + 1}. {t(`invites.houseRules.rules.${index}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary">
          {t("moderation.report.submit")}
        </button>
      </Form>
    </details>
  );
}

export function HiddenNotice({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice hidden-notice" role="status">
      <p>{t("moderation.hiddenNotice", { reason })}</p>
      <p>
        <Link to="/account/moderatie">{t("moderation.hiddenLink")}</Link>
      </p>
    </div>
  );
}

/**
 * The server's answer to text with words from the list: the words, and the same text again with a
 * "post anyway" button (extra hidden fields, e.g. the post's kind and title, come along).
 */
export function KindnessPrompt({ words, intent, body, fields = {} }: { words: readonly string[]; intent: string; body: string; fields?: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <div className="kindness-prompt" role="alert">
      <h2>{t("moderation.kindness.title")}</h2>
      <p>{t("moderation.kindness.text", { words: words.join(", ") })}</p>
      <Form method="post">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="body" value={body} />
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="postAnyway" value="1" />
        <button type="submit" className="button secondary">
          {t("moderation.kindness.postAnyway")}
        </button>
      </Form>
    </div>
  );
}
