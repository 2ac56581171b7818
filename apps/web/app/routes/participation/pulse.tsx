import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { PULSE_THEMES } from "@buurtplein/core";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FormError } from "../../components/field-error.tsx";

// /buurtmeter/:id — the liveability pulse on one screen: seven themes, each five radio buttons (1–5),
// an optional comment and whether the corporation may read it. A plain form: under a minute on a phone, no JavaScript.

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [{ title: `${loaderData?.neighbourhood.name ?? ""} — Buurtplein` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const id = encodeURIComponent(params.id ?? "");
  const result = await callApi(request, (api) => api.pulses[":id"].$get({ param: { id } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return result.data;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const id = encodeURIComponent(params.id ?? "");
  const scores = Object.fromEntries(PULSE_THEMES.map((theme) => [theme, Number(field(form, theme)) || null]));
  const result = await callApi(request, (api) => api.pulses[":id"].responses.$post({ param: { id } }), {
    json: { scores, comment: field(form, "comment") || null, shareComment: form.get("shareComment") === "on" },
  });
  if (result.ok) return { saved: true as const, error: null };
  return data({ saved: false as const, error: result.error?.message ?? null }, { status: result.status });
}

export default function PulsePage() {
  const { pulse, neighbourhood, answered, canAnswer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const back = (
    <p>
      <Link to={`/buurt/${neighbourhood.slug}/meedoen`}>← {t("participation.pulse.back")}</Link>
    </p>
  );
  if (result?.saved || answered) {
    return (
      <article>
        <h1>{t("participation.pulse.title", { name: neighbourhood.name })}</h1>
        <p className="success" role="status">
          {result?.saved ? t("participation.pulse.thanks") : t("participation.hub.pulseAnswered")}
        </p>
        {back}
      </article>
    );
  }
  return (
    <article className="pulse">
      {back}
      <h1>{t("participation.pulse.title", { name: neighbourhood.name })}</h1>
      {pulse.state !== "open" || !canAnswer ? (
        <p className="notice">{t("participation.pulse.closed")}</p>
      ) : (
        <Form method="post" className="form">
          <p>{t("participation.pulse.intro")}</p>
          <FormError message={result?.error} />
          {PULSE_THEMES.map((theme) => (
            <fieldset key={theme} className="choices pulse-theme">
              <legend>{t(`participation.themes.${theme}`)}</legend>
              <div className="scale">
                {[1, 2, 3, 4, 5].map((score) => (
                  <label key={score} className="scale-choice">
                    <input type="radio" name={theme} value={score} required />
                    <span>{score === 1 ? t("participation.pulse.score1") : score === 5 ? t("participation.pulse.score5") : score}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <label htmlFor="comment">{t("participation.pulse.comment")}</label>
          <textarea id="comment" name="comment" rows={3} maxLength={1000} />
          <label className="choice">
            <input type="checkbox" name="shareComment" /> {t("participation.pulse.shareComment")}
          </label>
          <p className="hint">
            {t("participation.hub.whatCorporationSees")} <Link to="/wat-ziet-de-corporatie">{t("participation.sees.title")}</Link>
          </p>
          <button type="submit" className="button">
            {t("participation.pulse.submit")}
          </button>
        </Form>
      )}
    </article>
  );
}
