import { useTranslation } from "../../i18n/i18n.ts";
import { useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { loadPrintableInvite } from "./printable-invite.server.ts";
import { PrintToolbar } from "../../components/print-toolbar.tsx";
import type { RouteHandle } from "../../root.tsx";

// /beheer/uitnodigingen/:id/poster — an A4 poster for the hall or the notice board: a big QR code and
// the code in huge type; Dutch, with an English line.

// The print button needs JavaScript (without it, the hint says to use the browser's Print); the page
// shows Dutch and English whatever its reader's language.
export const handle: RouteHandle = { hydrate: true, languages: ["nl", "en"] };

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [
  { title: loaderData ? `Uitnodiging ${loaderData.detail.neighbourhood.name} (poster) — Buurtplein` : "Poster — Buurtplein" },
];

export async function loader(args: LoaderFunctionArgs) {
  return loadPrintableInvite(args);
}

export default function InvitePoster() {
  const { detail, qrSvg } = useLoaderData<typeof loader>();
  const { i18n } = useTranslation();
  const nl = i18n.getFixedT("nl");
  const en = i18n.getFixedT("en");
  const neighbourhood = detail.neighbourhood.name;
  const joinPage = detail.invite.joinPage;
  return (
    <>
      <PrintToolbar />
      <article className="paper invite-poster" lang="nl" aria-labelledby="poster-title">
        <header className="letter-head">
          {detail.branding.logoUrl ? <img src={detail.branding.logoUrl} alt="" className="letter-logo" /> : null}
          <span className="letter-corporation">{detail.branding.displayName}</span>
        </header>
        <h1 id="poster-title">{nl("invites.poster.title", { neighbourhood })}</h1>
        <p className="poster-subtitle">{nl("invites.poster.subtitle")}</p>
        <p className="poster-scan">{nl("invites.poster.scan")}</p>
        <div className="qr poster-qr" role="img" aria-label={nl("invites.letter.qrLabel", { neighbourhood })} dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <p className="poster-or">{nl("invites.poster.orGo", { joinPage })}</p>
        <p className="big-code poster-code">{detail.invite.code}</p>
        <p className="poster-english" lang="en">
          <strong>{en("invites.poster.title", { neighbourhood })}</strong> {en("invites.poster.scan")} {en("invites.poster.orGo", { joinPage })}{" "}
          <strong>{detail.invite.code}</strong>
        </p>
        {detail.branding.sponsorStatement ? <footer className="letter-foot">{detail.branding.sponsorStatement}</footer> : null}
      </article>
    </>
  );
}
