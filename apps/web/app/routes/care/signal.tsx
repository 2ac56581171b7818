import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { field, readForm } from "../../lib/forms.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

// /zorg/signalen/:id — one signal for the organisation that handles it: what was noticed, the state
// with the next steps, internal notes (only inside this organisation) and the history. Every opening
// is written to the access log by the API. The reporter is sent to their own list (broad status only).

export const meta: MetaFunction = () => [{ title: "Zorgmelding — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const id = encodeURIComponent(params.id ?? "");
  const result = await callApi(request, (api) => api.signals[":id"].$get({ param: { id } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  if (result.data.access !== "handler") throw redirect("/mijn-zorgen");
  return { signal: result.data.signal, notes: result.data.notes, events: result.data.events, locale };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const id = encodeURIComponent(params.id ?? "");
  const intent = field(form, "intent");
  const result =
    intent === "note"
      ? await callApi(request, (api) => api.signals[":id"].notes.$post({ param: { id } }), { json: { body: field(form, "body") } })
      : await callApi(request, (api) => api.signals[":id"].status.$post({ param: { id } }), { json: { status: field(form, "status"), note: field(form, "note") } });
  if (result.ok) {
    // After "not ours" the signal has left this organisation: back to the inbox.
    if (intent !== "note" && field(form, "status") === "not_ours") throw redirect("/zorg");
    throw redirect(`/zorg/signalen/${id}`);
  }
  return data({ intent, error: result.error?.message ?? null, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function CareSignal() {
  const { signal, notes, events, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields = result?.fields ?? {};
  const details = signal.details as { description?: string; noticed?: string[]; address?: string; complex?: string; contact?: string } | null;
  return (
    <section className="care-signal">
      <p>
        <Link to="/zorg">{t("care.signal.back")}</Link>
      </p>
      <h1>
        {t("care.signal.title")}: {t(`care.categories.${signal.category}`)}
      </h1>
      <p className="post-meta">
        <span className={`badge status-${signal.status}`} data-testid="signal-status">
          {t(`care.statuses.${signal.status}`)}
        </span>{" "}
        · {t("care.signal.reporterSees", { status: t(`care.broad.${signal.broadStatus}`) })} · {signal.routedBy === "rule" ? t("care.signal.routedByRule") : t("care.signal.routedToCoordinator")}
      </p>
      <dl className="card">
        <dt>{t("care.signal.neighbourhood")}</dt>
        <dd>{signal.neighbourhood?.name ?? "—"}</dd>
        <dt>{t("care.inbox.aboutNeighbour")}</dt>
        <dd>{t(signal.about === "myself" ? "care.inbox.aboutMyself" : "care.inbox.aboutNeighbour")}</dd>
        <dt>{t("care.signal.consent")}</dt>
        <dd>{signal.consent ? t("care.signal.yes") : t("care.signal.no")}</dd>
        {details ? (
          <>
            {details.noticed?.length ? (
              <>
                <dt>{t("care.signal.noticed")}</dt>
                <dd>
                  <ul>
                    {details.noticed.map((item) => (
                      <li key={item}>{t(`care.noticed.${item as "smell"}`)}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            <dt>{t("care.signal.description")}</dt>
            <dd className="signal-description">{details.description}</dd>
            {details.address ? (
              <>
                <dt>{t("care.signal.address")}</dt>
                <dd>{details.address}</dd>
              </>
            ) : null}
            {details.complex ? (
              <>
                <dt>{t("care.signal.complex")}</dt>
                <dd>{details.complex}</dd>
              </>
            ) : null}
            {details.contact ? (
              <>
                <dt>{t("care.signal.contact")}</dt>
                <dd>{details.contact}</dd>
              </>
            ) : null}
          </>
        ) : (
          <dd>{t("care.signal.detailsRemoved")}</dd>
        )}
      </dl>

      {signal.actions.length > 0 ? (
        <section className="card">
          <h2>{t("care.signal.changeStatus")}</h2>
          <FormError message={result?.intent !== "note" ? result?.error : null} />
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="status" />
            <label htmlFor="note">{t("care.signal.noteOptional")}</label>
            <textarea id="note" name="note" rows={2} maxLength={1000} aria-invalid={fields.note ? true : undefined} aria-describedby={fields.note ? "note-error" : undefined} />
            <FieldError id="note-error" message={fields.note} />
            <div className="button-row">
              {signal.actions.map((action) => (
                <button key={action} type="submit" name="status" value={action} className={action === signal.actions[0] ? "button" : "button secondary"}>
                  {t(`care.actions.${action}`)}
                </button>
              ))}
            </div>
          </Form>
        </section>
      ) : null}

      <section className="card">
        <h2>{t("care.signal.notes")}</h2>
        <p className="hint">{t("care.signal.notesHint")}</p>
        {notes.length === 0 ? (
          <p className="empty">{t("care.signal.noNotes")}</p>
        ) : (
          <ul className="signal-notes">
            {notes.map((note) => (
              <li key={note.id}>
                <p>{note.body}</p>
                <p className="post-meta">
                  {note.author ?? "—"} · {formatDateTime(note.createdAt, locale, "medium", "short")}
                </p>
              </li>
            ))}
          </ul>
        )}
        <FormError message={result?.intent === "note" ? result?.error : null} />
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="note" />
          <label htmlFor="body">{t("care.signal.addNote")}</label>
          <textarea id="body" name="body" rows={2} required maxLength={2000} />
          <SubmitButton label={t("care.signal.addNote")} />
        </Form>
      </section>

      <section>
        <h2>{t("care.signal.history")}</h2>
        <ol className="signal-history">
          {events.map((event, index) => (
            <li key={index}>
              {formatDateTime(event.createdAt, locale, "medium", "short")}: {t(`care.signal.events.${event.event as "routed"}`)}
              {event.reason ? ` — ${event.reason}` : null}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
