import { useTranslation } from "../i18n/i18n.ts";
import { formatDay } from "../lib/invite-pages.ts";

/** What a resident without e-mail takes home on paper: login name, one-time recovery code, and how to use them. */
export function RecoverySlip({ loginName, recoveryCode, expiresAt, origin, locale }: { loginName: string; recoveryCode: string; expiresAt: number | null; origin: string; locale: string }) {
  const { t } = useTranslation();
  return (
    <div className="handover">
      <p>{t("invites.register.handOver")}</p>
      <p className="handover-label">{t("invites.register.loginName")}</p>
      <p className="big-code" data-testid="login-name">
        {loginName}
      </p>
      <p className="handover-label">{t("invites.register.recoveryCode")}</p>
      <p className="big-code" data-testid="recovery-code">
        {recoveryCode}
      </p>
      {expiresAt ? <p>{t("invites.register.recoveryUntil", { date: formatDay(expiresAt, locale) })}</p> : null}
      <p>{t("invites.register.recoveryHow", { url: `${origin}/herstel` })}</p>
    </div>
  );
}
