import { useTranslation } from "../../i18n/i18n.ts";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { formatDay, formatLastDay, requirePageViewer, viewerIsNeighbour } from "../../lib/invite-pages.ts";
import { FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

// /uitnodigen — a member makes a personal code for a neighbour (one use, 30 days; 3 per month) and
// sees how many are left this month.

export const meta: MetaFunction = () => [{ title: "Een buur uitnodigen — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = requirePageViewer(context, viewerIsNeighbour);
  const result = await callApi(request, (api) => api.invites.personal.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, locale, origin: new URL(request.url).origin };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsNeighbour);
  const form = await readForm(request);
  const result = await callApi(request, (api) => api.invites.personal.$post(), { json: { neighbourhood: field(form, "neighbourhood") || undefined } });
  if (result.ok) return { created: result.data.invite, failure: null };
  return data({ created: null, failure: result.error?.message ?? null }, { status: result.status });
}

export default function PersonalInvitePage() {
  const { neighbourhoods, allowance, invites, locale, origin } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const created = result?.created;
  const joinPage = `${origin}/doe-mee`;

  return (
    <div className="personal-invite">
      <h1>{t("invites.personal.title")}</h1>
      <p>{t("invites.personal.intro")}</p>

      {created ? (
        <section className="card handover" aria-labelledby="created-code-title">
          <div role="status">
            <h2 id="created-code-title">{t("invites.personal.created")}</h2>
          </div>
          <p className="big-code" data-testid="personal-code">
            {created.code}
          </p>
          <p>{t("invites.personal.howTo", { url: joinPage })}</p>
          <p>
            {t("invites.personal.link")} <span className="break-anywhere">{created.link}</span>
          </p>
        </section>
      ) : null}

      <section className="card" aria-labelledby="make-code-title">
        <h2 id="make-code-title">
          {allowance.remaining > 0
            ? t("invites.personal.remaining", { count: allowance.remaining })
            : t("invites.personal.noneLeft", { limit: allowance.limit, date: formatDay(allowance.resetsAt, locale) })}
        </h2>
        <FormError message={result?.failure} />
        {allowance.remaining > 0 ? (
          <Form method="post" className="form">
            {neighbourhoods.length > 1 ? (
              <>
                <label htmlFor="neighbourhood">{t("invites.personal.neighbourhood")}</label>
                <select id="neighbourhood" name="neighbourhood">
                  {neighbourhoods.map((neighbourhood) => (
                    <option key={neighbourhood.slug} value={neighbourhood.slug}>
                      {neighbourhood.name}
                    </option>
                  ))}
                </select>
              </>
            ) : (
              <input type="hidden" name="neighbourhood" value={neighbourhoods[0]?.slug ?? ""} />
            )}
            <SubmitButton label={t("invites.personal.submit")} />
          </Form>
        ) : null}
      </section>

      {invites.length > 0 ? (
        <section aria-labelledby="my-codes-title">
          <h2 id="my-codes-title">{t("invites.personal.yourCodes")}</h2>
          <ul className="invite-list">
            {invites.map((invite) => (
              <li key={invite.id} className="invite-row">
                <div className="invite-row-main">
                  <p>
                    <code className="invite-code">{invite.code}</code> <span className={`badge state-${invite.state}`}>{t(`invites.states.${invite.state}`)}</span>
                  </p>
                  <p className="post-meta">
                    {invite.neighbourhood.name}
                    {invite.expiresAt ? <> · {t("invites.personal.validUntil", { date: formatLastDay(invite.expiresAt, locale) })}</> : null}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
