import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { LEEFBAAROMETER_DIMENSIONS, PULSE_PERIODS, PULSE_THEMES, pulsePeriodAround, type PulsePeriod } from "@buurtplein/core";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FormError } from "../../components/field-error.tsx";
import { formatMoment } from "../activities/activity-format.ts";
import { TrendChart } from "./trend-chart.tsx";

// /beheer/inzicht/:slug — the corporation's dashboard for one neighbourhood: members and reach, the pulse
// per theme per period (a table, readable by screen readers), participation, "What first?" and polls.
// Every figure from fewer than 5 people shows "< 5" (the API decides). Staff start the next pulse for
// the chosen period and a "What first?" round here; the CSV is the API's own answer.

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [{ title: `${loaderData?.neighbourhood.name ?? ""} — Buurtplein` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const slug = encodeURIComponent(params.slug ?? "");
  const result = await callApi(request, (api) => api.insight.neighbourhoods[":slug"].$get({ param: { slug } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, locale };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const slug = encodeURIComponent(params.slug ?? "");
  if (field(form, "intent") === "pulse") {
    const kind = field(form, "period");
    const period = pulsePeriodAround(Date.now(), ((PULSE_PERIODS as readonly string[]).includes(kind) ? kind : "quarter") as PulsePeriod);
    const result = await callApi(request, (api) => api.neighbourhoods[":slug"].pulses.$post({ param: { slug } }), {
      json: { opensAt: new Date(period.opensAt).toISOString(), closesAt: new Date(period.closesAt).toISOString() },
    });
    if (result.ok) return { error: null, done: "pulse" as const };
    return data({ error: result.error?.message ?? null, done: null }, { status: result.status });
  }
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].priorities.$post({ param: { slug } }), {
    json: { mode: field(form, "mode"), closesAt: field(form, "closesAt") },
  });
  if (result.ok) return { error: null, done: "priority" as const };
  const fields = (result.error?.details as { fields?: Record<string, string> } | undefined)?.fields;
  return data({ error: (fields && Object.values(fields)[0]) || result.error?.message || null, done: null }, { status: result.status });
}

export default function InsightPage() {
  const insight = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const { neighbourhood, locale } = insight;
  const show = (value: number | string | null, suffix = "") => (value === null ? "—" : typeof value === "number" ? `${value}${suffix}` : value);
  return (
    <article className="insight">
      <p>
        <Link to={`/buurt/${neighbourhood.slug}/meedoen`}>← {neighbourhood.name}</Link>
      </p>
      <h1>{t("participation.insight.title", { name: neighbourhood.name })}</h1>
      <p>{t("participation.insight.intro")}</p>
      <p>
        <a href={`/api/insight/neighbourhoods/${neighbourhood.slug}?format=csv`} download>
          {t("participation.insight.csv")}
        </a>
      </p>
      <dl className="insight-figures">
        <dt>{t("participation.insight.members")}</dt>
        <dd data-figure="members">{show(insight.members)}</dd>
        <dt>{t("participation.insight.homes")}</dt>
        <dd>{show(insight.homes)}</dd>
        <dt>{t("participation.insight.reach")}</dt>
        <dd data-figure="reach">{show(insight.reach, "%")}</dd>
        <dt>{t("participation.insight.participation")}</dt>
        <dd data-figure="participation">{show(insight.participation, "%")}</dd>
      </dl>

      <section aria-labelledby="pulse-title">
        <h2 id="pulse-title">{t("participation.insight.pulseTitle")}</h2>
        {insight.trend.length === 0 ? (
          <p className="empty">{t("participation.insight.noPulse")}</p>
        ) : (
          <>
          <TrendChart periods={insight.trend} labels={Object.fromEntries(PULSE_THEMES.map((theme) => [theme, t(`participation.themes.${theme}`)])) as Record<(typeof PULSE_THEMES)[number], string>} />
          <div className="table-scroll" role="region" aria-labelledby="pulse-title" tabIndex={0}>
            <table className="insight-table">
              <thead>
                <tr>
                  <th scope="col">{t("participation.insight.period")}</th>
                  <th scope="col">{t("participation.insight.respondents")}</th>
                  {PULSE_THEMES.map((theme) => (
                    <th scope="col" key={theme}>
                      {t(`participation.themes.${theme}`)}
                      <br />
                      <small>
                        {t("participation.insight.dimension")}: {t(`participation.dimensions.${insight.dimensions[theme]}`)}
                      </small>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {insight.trend.map((period) => (
                  <tr key={period.id}>
                    <th scope="row">
                      {formatMoment(period.opensAt, locale)} – {formatMoment(period.closesAt, locale)}
                    </th>
                    <td>{show(period.respondents)}</td>
                    {PULSE_THEMES.map((theme) => (
                      <td key={theme}>{show(period.themes[theme])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          </>
        )}
        {insight.comments.length > 0 ? (
          <>
            <h3>{t("participation.insight.comments")}</h3>
            <ul>
              {insight.comments.map((comment, index) => (
                <li key={index}>{comment}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="priority-title">
        <h2 id="priority-title">{t("participation.insight.prioritiesTitle")}</h2>
        {insight.priorities === null ? (
          <p className="empty">{t("participation.insight.noPriorities")}</p>
        ) : (
          <>
            <p>
              {t("participation.insight.respondents")}: {show(insight.priorities.participants)} · {t("participation.insight.closesAt")} {formatMoment(insight.priorities.closesAt, locale)}
            </p>
            {typeof insight.priorities.ranking === "string" ? (
              <p>{insight.priorities.ranking}</p>
            ) : (
              <ol>
                {insight.priorities.ranking.map((item) => (
                  <li key={item.theme}>
                    {t(`participation.themes.${item.theme}`)} ({item.points})
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </section>

      {insight.polls.length > 0 ? (
        <section aria-labelledby="polls-title">
          <h2 id="polls-title">{t("participation.insight.pollsTitle")}</h2>
          {insight.polls.map((poll) => (
            <table key={poll.id} className="insight-table">
              <caption>
                {poll.question} ({t("participation.insight.respondents")}: {show(poll.voters)})
              </caption>
              <tbody>
                {poll.options.map((option, index) => (
                  <tr key={index}>
                    <th scope="row">{option.text}</th>
                    <td>{show(option.votes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>
      ) : null}

      <section className="card" aria-labelledby="start-title">
        <h2 id="start-title">{t("participation.insight.startPulse")}</h2>
        <FormError message={result?.error} />
        {result?.done ? <p className="success" role="status">✓</p> : null}
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="pulse" />
          <label htmlFor="period">{t("participation.insight.periodKind")}</label>
          <select id="period" name="period" defaultValue="quarter">
            {PULSE_PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(`participation.insight.periods.${period}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            {t("participation.insight.start")}
          </button>
        </Form>
        <h2 id="start-priority">{t("participation.insight.startPriority")}</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="priority" />
          <label htmlFor="mode">{t("participation.insight.mode")}</label>
          <select id="mode" name="mode" defaultValue="rank">
            {(["rank", "points"] as const).map((mode) => (
              <option key={mode} value={mode}>
                {t(`participation.insight.modes.${mode}`)}
              </option>
            ))}
          </select>
          <label htmlFor="priority-closes">{t("participation.insight.closesAt")}</label>
          <input id="priority-closes" name="closesAt" type="datetime-local" required />
          <button type="submit" className="button">
            {t("participation.insight.start")}
          </button>
        </Form>
      </section>
      <p className="hint">{LEEFBAAROMETER_DIMENSIONS.map((dimension) => t(`participation.dimensions.${dimension}`)).join(" · ")}</p>
    </article>
  );
}
