import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { formatMoment } from "../activities/activity-format.ts";

// /buurt/:slug/meedoen — taking part in a neighbourhood: the open liveability pulse, the "What first?"
// round and the polls (vote with a plain form; results after voting or closing). Neighbours and staff
// ask a new poll here. Works without JavaScript.

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [{ title: `${loaderData?.neighbourhood.name ?? ""} — Buurtplein` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const slug = encodeURIComponent(params.slug ?? "");
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].participation.$get({ param: { slug } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, locale };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const slug = encodeURIComponent(params.slug ?? "");
  if (field(form, "intent") === "vote") {
    const id = encodeURIComponent(field(form, "pollId"));
    const options = form.getAll("option").map((value) => Number(value));
    const result = await callApi(request, (api) => api.polls[":id"].votes.$post({ param: { id } }), { json: { options } });
    if (result.ok) return { pollId: field(form, "pollId"), error: null, fields: {} as Record<string, string>, created: false };
    return data({ pollId: field(form, "pollId"), error: result.error?.message ?? null, fields: {} as Record<string, string>, created: false }, { status: result.status });
  }
  const options = field(form, "options")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const closesAt = field(form, "closesAt") || null;
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].polls.$post({ param: { slug } }), {
    json: { question: field(form, "question"), options, multiple: form.get("multiple") === "on", closesAt },
  });
  if (result.ok) return { pollId: null, error: null, fields: {} as Record<string, string>, created: true };
  return data({ pollId: null, error: result.error?.message ?? null, fields: fieldErrors(result.error?.details), created: false }, { status: result.status });
}

export default function NeighbourhoodParticipation() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const { neighbourhood, pulse, priority, locale } = page;
  const fields = result?.fields ?? {};
  return (
    <article className="participation">
      <p>
        <Link to={`/buurt/${neighbourhood.slug}`}>← {neighbourhood.name}</Link>
      </p>
      <h1>{t("participation.hub.title", { name: neighbourhood.name })}</h1>
      <p>{t("participation.hub.intro")}</p>

      <section className="card" aria-labelledby="pulse-title">
        <h2 id="pulse-title">{t("participation.pulse.title", { name: neighbourhood.name })}</h2>
        {pulse ? (
          pulse.answered ? (
            <p className="success">{t("participation.hub.pulseAnswered")}</p>
          ) : (
            <>
              <p>{t("participation.hub.pulseOpen", { date: formatMoment(pulse.closesAt, locale) })}</p>
              {page.canAnswer ? (
                <p>
                  <Link className="button" to={`/buurtmeter/${pulse.id}`}>
                    {t("participation.hub.pulseLink")}
                  </Link>
                </p>
              ) : null}
            </>
          )
        ) : (
          <p>{t("participation.hub.pulseNone")}</p>
        )}
        {priority ? (
          <p>
            <Link to={`/wat-eerst/${priority.id}`}>{priority.closed ? t("participation.hub.priorityResultLink") : t("participation.hub.priorityLink")}</Link>
          </p>
        ) : null}
        <p className="hint">
            {t("participation.hub.whatCorporationSees")} <Link to="/wat-ziet-de-corporatie">{t("participation.sees.title")}</Link>
          </p>
        {page.canManage ? (
          <p>
            <Link to={`/beheer/inzicht/${neighbourhood.slug}`}>{t("participation.hub.dashboardLink")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="polls-title">
        <h2 id="polls-title">{t("participation.hub.pollsTitle")}</h2>
        {page.polls.length === 0 ? <p className="empty">{t("participation.hub.noPolls")}</p> : null}
        <ul className="poll-list">
          {page.polls.map((poll) => (
            <li key={poll.id} className="card poll">
              <h3 id={`poll-${poll.id}`}>{poll.question}</h3>
              <p className="post-meta">
                {poll.closed ? t("participation.hub.closed") : poll.closesAt !== null ? t("participation.hub.closesAt", { date: formatMoment(poll.closesAt, locale) }) : null}
              </p>
              {result?.pollId === poll.id ? <FormError message={result.error} /> : null}
              {poll.results ? (
                <>
                  {poll.myVote ? <p className="success">{t("participation.hub.youVoted")}</p> : null}
                  <table className="poll-results">
                    <tbody>
                      {poll.options.map((option, index) => (
                        <tr key={index}>
                          <th scope="row">{option}</th>
                          <td>{t("participation.hub.votes", { count: poll.results![index] ?? 0 })}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              ) : poll.canVote ? (
                <Form method="post" className="form">
                  <input type="hidden" name="intent" value="vote" />
                  <input type="hidden" name="pollId" value={poll.id} />
                  <fieldset className="choices">
                    <legend>{poll.multiple ? t("participation.hub.chooseMore") : poll.question}</legend>
                    {poll.options.map((option, index) => (
                      <label key={index} className="choice">
                        <input type={poll.multiple ? "checkbox" : "radio"} name="option" value={index} required={!poll.multiple} /> {option}
                      </label>
                    ))}
                  </fieldset>
                  <button type="submit" className="button">
                    {t("participation.hub.vote")}
                  </button>
                </Form>
              ) : (
                <p className="hint">{t("participation.hub.resultsAfterVote")}</p>
              )}
            </li>
          ))}
        </ul>
      </section>

      {page.canCreatePoll ? (
        <section className="card" aria-labelledby="new-poll">
          <h2 id="new-poll">{t("participation.hub.newPoll")}</h2>
          {result?.pollId === null ? <FormError message={result.error} /> : null}
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="create" />
            <label htmlFor="question">{t("participation.hub.question")}</label>
            <input id="question" name="question" required maxLength={200} aria-invalid={fields.question ? true : undefined} />
            <FieldError id="question-error" message={fields.question} />
            <label htmlFor="options">{t("participation.hub.options")}</label>
            <textarea id="options" name="options" rows={4} required />
            <FieldError id="options-error" message={fields.options} />
            <label className="choice">
              <input type="checkbox" name="multiple" /> {t("participation.hub.multiple")}
            </label>
            <label htmlFor="closesAt">{t("participation.hub.closesAtLabel")}</label>
            <input id="closesAt" name="closesAt" type="datetime-local" />
            <FieldError id="closesAt-error" message={fields.closesAt} />
            <button type="submit" className="button">
              {t("participation.hub.create")}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
