import { useTranslation } from "../../i18n/i18n.ts";
import { useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { loadPrintableInvite, type InviteDetail } from "./printable-invite.server.ts";
import { formatLastDay } from "../../lib/invite-pages.ts";
import { PrintToolbar } from "../../components/print-toolbar.tsx";
import type { RouteHandle } from "../../root.tsx";

// /beheer/uitnodigingen/:id/brief — the printable A4 invite letter: the corporation's name and colours,
// the QR code of the link (inline SVG, made here on the server), the code in large type, three simple
// steps and the sponsor statement; Dutch, with English below. Print CSS hides the site around it.

// The print button needs JavaScript (without it, the hint says to use the browser's Print); the page
// shows Dutch and English whatever its reader's language.
export const handle: RouteHandle = { hydrate: true, languages: ["nl", "en"] };

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [
  { title: loaderData ? `Uitnodiging ${loaderData.detail.neighbourhood.name} (brief) — Buurtplein` : "Uitnodiging — Buurtplein" },
];

export async function loader(args: LoaderFunctionArgs) {
  return loadPrintableInvite(args);
}

function LetterText({ language, detail, stepsHeading: StepsHeading }: { language: "nl" | "en"; detail: InviteDetail; stepsHeading: "h2" | "h3" }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language);
  const corporation = detail.branding.displayName;
  const neighbourhood = detail.neighbourhood.name;
  const { code, joinPage, expiresAt } = detail.invite;
  return (
    <>
      <p>{t("invites.letter.greeting")}</p>
      <p>{t("invites.letter.intro", { corporation, neighbourhood })}</p>
      <StepsHeading>{t("invites.letter.stepsTitle")}</StepsHeading>
      <ol className="steps">
        <li>{t("invites.letter.step1", { joinPage })}</li>
        <li>{t("invites.letter.step2", { code })}</li>
        <li>{t("invites.letter.step3")}</li>
      </ol>
      {expiresAt ? <p>{t("invites.letter.validUntil", { date: formatLastDay(expiresAt, language) })}</p> : null}
      <p>{t("invites.letter.help", { corporation })}</p>
    </>
  );
}

export default function InviteLetter() {
  const { detail, qrSvg } = useLoaderData<typeof loader>();
  const { i18n } = useTranslation();
  const nl = i18n.getFixedT("nl");
  const en = i18n.getFixedT("en");
  const corporation = detail.branding.displayName;
  const neighbourhood = detail.neighbourhood.name;
  return (
    <>
      <PrintToolbar />
      <article className="paper invite-letter" lang="nl" aria-labelledby="letter-title">
        <header className="letter-head">
          {detail.branding.logoUrl ? <img src={detail.branding.logoUrl} alt="" className="letter-logo" /> : null}
          <span className="letter-corporation">{corporation}</span>
          <span className="letter-kicker">
            {nl("invites.letter.kicker")} · <span lang="en">{en("invites.letter.kicker")}</span>
          </span>
        </header>
        <h1 id="letter-title">{nl("invites.letter.title", { neighbourhood })}</h1>
        {detail.complex ? <p className="letter-complex">{detail.complex.name}</p> : null}

        <div className="letter-join">
          <div className="qr" role="img" aria-label={nl("invites.letter.qrLabel", { neighbourhood })} dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <div>
            <p className="handover-label">
              {nl("invites.letter.codeLabel")} · <span lang="en">{en("invites.letter.codeLabel")}</span>
            </p>
            <p className="big-code">{detail.invite.code}</p>
            <p className="letter-url">{detail.invite.joinPage}</p>
          </div>
        </div>

        <LetterText language="nl" detail={detail} stepsHeading="h2" />
        <p>
          {nl("invites.letter.signature")}
          <br />
          {corporation}
        </p>

        <section className="letter-english" lang="en" aria-labelledby="letter-english-title">
          <h2 id="letter-english-title">{en("invites.letter.englishTitle")}</h2>
          <p className="letter-english-heading">{en("invites.letter.title", { neighbourhood })}</p>
          <LetterText language="en" detail={detail} stepsHeading="h3" />
        </section>

        {detail.branding.sponsorStatement ? <footer className="letter-foot">{detail.branding.sponsorStatement}</footer> : null}
      </article>
    </>
  );
}
