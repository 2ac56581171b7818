import { useTranslation } from "../../i18n/i18n.ts";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "react-router";
import { callApi, forwardCookies } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { failureText, fieldErrors } from "../../lib/api-errors.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";

// /account — my details (name, street; e-mail shown only here, to me), download my data, log out
// everywhere, and the way to delete my account.

export const meta: MetaFunction = () => [{ title: "Mijn account — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.me.$get());
  if (result.status === 401) throw redirect("/inloggen");
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { user: result.data.user, notifications: result.data.notifications };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  if (field(form, "intent") === "logout-everywhere") {
    const result = await callApi(request, (api) => api.auth["logout-everywhere"].$post());
    if (result.ok || result.status === 401) throw redirect("/", { headers: forwardCookies(result) });
    return data({ saved: false, values: null, failure: result.error, fields: {} as Record<string, string> }, { status: result.status });
  }
  if (field(form, "intent") === "notifications") {
    const preferences = { digest: field(form, "digest"), digestHour: field(form, "digestHour"), quietStart: field(form, "quietStart"), quietEnd: field(form, "quietEnd") };
    const result = await callApi(request, (api) => api.notifications.preferences.$patch(), { json: preferences });
    if (result.ok) return { saved: false, notificationsSaved: true, values: null, failure: null, fields: {} as Record<string, string> };
    return data({ saved: false, notificationsSaved: false, values: null, failure: result.error, fields: fieldErrors(result.error?.details) }, { status: result.status });
  }
  const values = { displayName: field(form, "displayName"), street: field(form, "street") };
  const result = await callApi(request, (api) => api.me.$patch(), { json: values });
  if (result.ok) return { saved: true, values: null, failure: null, fields: {} as Record<string, string> };
  return data({ saved: false, values, failure: result.error, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function Account() {
  const { user, notifications } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting";
  const fields = result?.fields ?? {};
  const values = result?.values ?? { displayName: user.displayName, street: user.street ?? "" };
  return (
    <div className="account">
      <h1>{t("access.account.title")}</h1>

      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t("access.account.profileTitle")}</h2>
        {result?.saved ? (
          <p className="success" role="status">
            {t("access.account.saved")}
          </p>
        ) : null}
        <FormError message={failureText(t, result?.failure)} />
        {user.email ? (
          <p>
            {t("access.account.emailLabel")}: <strong>{user.email}</strong> <span className="hint">({t("access.account.onlyYou")})</span>
          </p>
        ) : user.loginName ? (
          <p>
            {t("access.account.loginNameLabel")}: <strong>{user.loginName}</strong> <span className="hint">({t("access.account.onlyYou")})</span>
          </p>
        ) : null}
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="profile" />
          <label htmlFor="displayName">{t("access.account.displayName")}</label>
          <p className="hint" id="displayName-hint">
            {t("access.account.displayNameHint")}
          </p>
          <input
            id="displayName"
            name="displayName"
            required
            minLength={2}
            maxLength={80}
            autoComplete="name"
            defaultValue={values.displayName}
            aria-invalid={fields.displayName ? true : undefined}
            aria-describedby={fields.displayName ? "displayName-hint displayName-error" : "displayName-hint"}
          />
          <FieldError id="displayName-error" message={fields.displayName} />
          <label htmlFor="street">{t("access.account.street")}</label>
          <p className="hint" id="street-hint">
            {t("access.account.streetHint")}
          </p>
          <input
            id="street"
            name="street"
            maxLength={80}
            autoComplete="address-line1"
            defaultValue={values.street ?? ""}
            aria-invalid={fields.street ? true : undefined}
            aria-describedby={fields.street ? "street-hint street-error" : "street-hint"}
          />
          <FieldError id="street-error" message={fields.street} />
          <button type="submit" className="button" disabled={busy}>
            {t("access.account.save")}
          </button>
        </Form>
      </section>

      <NotificationSettings preferences={notifications} hasEmail={Boolean(user.email)} saved={Boolean(result && "notificationsSaved" in result && result.notificationsSaved)} fields={fields} busy={busy} />

      <section className="card" aria-labelledby="download-heading">
        <h2 id="download-heading">{t("access.account.downloadTitle")}</h2>
        <p>{t("access.account.downloadText")}</p>
        <a className="button secondary" href="/api/me/export" download="buurtplein-gegevens.json">
          {t("access.account.download")}
        </a>
      </section>

      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("access.account.sessionsTitle")}</h2>
        <p>{t("access.account.sessionsText")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="logout-everywhere" />
          <button type="submit" className="button secondary" disabled={busy}>
            {t("access.account.logoutEverywhere")}
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t("access.account.deleteTitle")}</h2>
        <p>{t("access.account.deleteText")}</p>
        <Link className="button danger" to="/account/verwijderen">
          {t("access.account.deleteLink")}
        </Link>
      </section>

      {user.role === "admin" || user.role === "moderator" ? (
        <section className="card" aria-labelledby="admin-heading">
          <h2 id="admin-heading">{t("access.account.adminTitle")}</h2>
          <Link to="/beheer/leden">{t("access.account.adminMembers")}</Link>
          {user.role === "admin" ? (
            <div className="quiet-links">
              <ul>
                <li>
                  <Link to="/beheer/domein">{t("adminLinks.domains")}</Link>
                </li>
                <li>
                  <Link to="/beheer/gegevens">{t("adminLinks.dataExport")}</Link>
                </li>
                <li>
                  <Link to="/beheer/opzeggen">{t("operator.leave.title")}</Link>
                </li>
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The digest and quiet hours (id "meldingen": the digest e-mail links here). */
function NotificationSettings({
  preferences,
  hasEmail,
  saved,
  fields,
  busy,
}: {
  preferences: { digest: string; digestHour: number; quietStart: number | null; quietEnd: number | null };
  hasEmail: boolean;
  saved: boolean;
  fields: Record<string, string>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;
  return (
    <section className="card" id="meldingen" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t("notifications.settings.title")}</h2>
      <p>{t("notifications.settings.intro")}</p>
      {hasEmail ? null : <p className="hint">{t("notifications.settings.noEmail")}</p>}
      {saved ? (
        <p className="success" role="status">
          {t("notifications.settings.saved")}
        </p>
      ) : null}
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="notifications" />
        <fieldset>
          <legend>{t("notifications.settings.frequency")}</legend>
          {(["daily", "weekly", "off"] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="digest" value={value} defaultChecked={preferences.digest === value} /> {t(`notifications.settings.${value}`)}
            </label>
          ))}
          <FieldError id="digest-error" message={fields.digest} />
        </fieldset>
        <label htmlFor="digestHour">{t("notifications.settings.hour")}</label>
        <select id="digestHour" name="digestHour" defaultValue={String(preferences.digestHour)}>
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {hourLabel(hour)}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t("notifications.settings.quietTitle")}</legend>
          <p className="hint">{t("notifications.settings.quietHint")}</p>
          <label htmlFor="quietStart">{t("notifications.settings.quietStart")}</label>
          <select id="quietStart" name="quietStart" defaultValue={preferences.quietStart === null ? "" : String(preferences.quietStart)}>
            <option value="">—</option>
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour)}
              </option>
            ))}
          </select>
          <label htmlFor="quietEnd">{t("notifications.settings.quietEnd")}</label>
          <select id="quietEnd" name="quietEnd" defaultValue={preferences.quietEnd === null ? "" : String(preferences.quietEnd)} aria-describedby={fields.quietEnd ? "quietEnd-error" : undefined}>
            <option value="">—</option>
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour)}
              </option>
            ))}
          </select>
          <FieldError id="quietEnd-error" message={fields.quietEnd} />
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {t("notifications.settings.save")}
        </button>
      </Form>
    </section>
  );
}
