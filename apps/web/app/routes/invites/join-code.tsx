import { useTranslation } from "../../i18n/i18n.ts";
import { data, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { formatInviteCode, normalizeInviteCode } from "@buurtplein/core/invites/invite-code";
import { requestSiteContext } from "../../lib/site-context.ts";
import { requireTenantSite } from "../../lib/invite-pages.ts";
import { InviteCodeForm } from "../../components/invite-code-form.tsx";

// /doe-mee — type the neighbourhood code from a letter (or from a neighbour); /doe-mee?code=… goes on
// to /doe-mee/<CODE>, where the join form is.

export const meta: MetaFunction = () => [{ title: "Doe mee — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site } = requireTenantSite(context.get(requestSiteContext));
  const typed = new URL(request.url).searchParams.get("code");
  if (typed === null) return { typed: "", invalid: false, corporation: site.branding.displayName };
  const code = normalizeInviteCode(typed);
  if (code) throw redirect(`/doe-mee/${formatInviteCode(code)}`);
  return data({ typed: typed.slice(0, 20), invalid: true, corporation: site.branding.displayName }, { status: 422 });
}

export default function JoinWithCode() {
  const { typed, invalid, corporation } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section className="card narrow">
      <h1>{t("invites.enterCode.title")}</h1>
      <p>{t("invites.enterCode.intro")}</p>
      <InviteCodeForm defaultValue={typed} error={invalid ? t("invites.enterCode.invalid") : null} />
      <p className="hint">{t("invites.enterCode.noCode", { corporation })}</p>
    </section>
  );
}
