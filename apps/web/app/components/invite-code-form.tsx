import { useTranslation } from "../i18n/i18n.ts";

/**
 * "Do you have a neighbourhood code?": a plain GET form to /doe-mee, so it works without JavaScript
 * and the code never needs a session. With `withHeading`, it brings its own h2 (home page).
 */
export function InviteCodeForm({ defaultValue = "", error, withHeading = false }: { defaultValue?: string; error?: string | null; withHeading?: boolean }) {
  const { t } = useTranslation();
  return (
    <form method="get" action="/doe-mee" className="form invite-code-form" aria-labelledby={withHeading ? "invite-code-title" : undefined}>
      {withHeading ? <h2 id="invite-code-title">{t("invites.codeForm.title")}</h2> : null}
      <label htmlFor="invite-code">{t("invites.codeForm.label")}</label>
      <p className="hint" id="invite-code-hint">
        {t("invites.codeForm.hint")}
      </p>
      <input
        id="invite-code"
        name="code"
        required
        maxLength={20}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="code-input"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "invite-code-hint invite-code-error" : "invite-code-hint"}
      />
      {error ? (
        <p id="invite-code-error" className="field-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button">
        {t("invites.codeForm.submit")}
      </button>
    </form>
  );
}
