import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { PULSE_THEMES, priorityAnswerFromForm } from "@buurtplein/core";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FormError } from "../../components/field-error.tsx";
import { formatMoment } from "../activities/activity-format.ts";

// /wat-eerst/:id — "What first?": put the themes in order (a number 1–7 each) or spread 100 points; the
// neighbourhood's result once the round closes. Plain form, no JavaScript.

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [{ title: `${loaderData?.neighbourhood.name ?? ""} — Buurtplein` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const id = encodeURIComponent(params.id ?? "");
  const result = await callApi(request, (api) => api.priorities[":id"].$get({ param: { id } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, locale };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const id = encodeURIComponent(params.id ?? "");
  const values = Object.fromEntries([...form.entries()].map(([key, value]) => [key, String(value)]));
  const mode = field(form, "mode") === "points" ? "points" : "rank";
  const result = await callApi(request, (api) => api.priorities[":id"].answers.$post({ param: { id } }), { json: priorityAnswerFromForm(mode, values) });
  if (result.ok) return { error: null };
  const fields = (result.error?.details as { fields?: Record<string, string> } | undefined)?.fields;
  return data({ error: (fields && Object.values(fields)[0]) || result.error?.message || null }, { status: result.status });
}

export default function PriorityPage() {
  const { round, neighbourhood, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <article className="priority">
      <p>
        <Link to={`/buurt/${neighbourhood.slug}/meedoen`}>← {t("participation.pulse.back")}</Link>
      </p>
      <h1>{t("participation.priority.title", { name: neighbourhood.name })}</h1>
      {round.result ? (
        <section aria-labelledby="result-title">
          <h2 id="result-title">{t("participation.priority.resultTitle")}</h2>
          <p>{t("participation.priority.resultIntro", { count: round.participants ?? 0 })}</p>
          <ol className="priority-result">
            {round.result.map((item) => (
              <li key={item.theme}>
                {t(`participation.themes.${item.theme}`)} ({item.points})
              </li>
            ))}
          </ol>
        </section>
      ) : round.answered ? (
        <p className="success" role="status">
          {t("participation.priority.answered", { date: formatMoment(round.closesAt, locale) })}
        </p>
      ) : round.canAnswer ? (
        <Form method="post" className="form">
          <input type="hidden" name="mode" value={round.mode} />
          <p>{round.mode === "rank" ? t("participation.priority.rankIntro") : t("participation.priority.pointsIntro")}</p>
          <FormError message={result?.error} />
          <table className="priority-form">
            <tbody>
              {PULSE_THEMES.map((theme, index) => (
                <tr key={theme}>
                  <th scope="row">
                    <label htmlFor={`${round.mode}_${theme}`}>{t(`participation.themes.${theme}`)}</label>
                  </th>
                  <td>
                    {round.mode === "rank" ? (
                      <select id={`rank_${theme}`} name={`rank_${theme}`} defaultValue={String(index + 1)} aria-label={`${t("participation.priority.place")}: ${t(`participation.themes.${theme}`)}`}>
                        {PULSE_THEMES.map((_, place) => (
                          <option key={place} value={place + 1}>
                            {place + 1}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input id={`points_${theme}`} name={`points_${theme}`} type="number" min={0} max={100} step={1} inputMode="numeric" defaultValue={0} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="button">
            {t("participation.priority.submit")}
          </button>
        </Form>
      ) : (
        <p className="notice">{t("participation.priority.none")}</p>
      )}
    </article>
  );
}
