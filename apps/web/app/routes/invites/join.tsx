import { useTranslation } from "../../i18n/i18n.ts";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "react-router";
import { callApi, forwardCookies } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, fieldAria, secretField, readForm } from "../../lib/forms.ts";
import { requestSiteContext } from "../../lib/site-context.ts";
import { inviteProblemOf, requireTenantSite, viewerIsNeighbour, type InviteProblem } from "../../lib/invite-pages.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { InviteProblemPage } from "../../components/invite-problem.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

// /doe-mee/:token — joining through an invite link (QR code) or a typed code: what you join, the house
// rules, the form; then the neighbourhood feed, a "wait for approval" page, or (without e-mail) the
// login name to write down first. Invalid invites get a clear page with what to do next. Someone who is
// already logged in joins with one button instead (no new account), or reads that they are a member.

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [
  { title: loaderData && "lookup" in loaderData && loaderData.lookup ? `Doe mee in ${loaderData.lookup.neighbourhood.name} — Buurtplein` : "Doe mee — Buurtplein" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer } = requireTenantSite(context.get(requestSiteContext));
  const reference = params.token ?? "";
  const corporation = site.branding.displayName;
  const result = await callApi(request, (api) => api.join[":reference"].$get({ param: { reference: encodeURIComponent(reference) } }));
  if (!result.ok) {
    const problem = inviteProblemOf(result.error?.code);
    if (!problem) throw data({ code: result.error?.code }, { status: result.status });
    return data({ lookup: null, problem, reference, corporation, viewerName: null, viewerCanJoin: false, viewerIsMember: false, viewerIsWaiting: false }, { status: result.status });
  }
  const viewerIsMember = Boolean(viewer?.neighbourhoods.some((neighbourhood) => neighbourhood.slug === result.data.neighbourhood.slug));
  const viewerIsWaiting = Boolean(viewer?.pendingNeighbourhoods?.some((neighbourhood) => neighbourhood.slug === result.data.neighbourhood.slug));
  return {
    lookup: result.data,
    problem: null as InviteProblem | null,
    reference,
    corporation,
    viewerName: viewer?.user.displayName ?? null,
    viewerCanJoin: viewerIsNeighbour(viewer) && !viewerIsMember && !viewerIsWaiting,
    viewerIsMember,
    viewerIsWaiting,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireTenantSite(context.get(requestSiteContext));
  const form = await readForm(request);
  if (field(form, "intent") === "existing-account") {
    const joined = await callApi(request, (api) => api.join["existing-account"].$post(), { json: { invite: params.token ?? "" } });
    if (joined.ok && joined.data.status === "joined") throw redirect(`/buurt/${joined.data.neighbourhood.slug}`);
    if (joined.ok) {
      // The corporation checks who joins: the request waits for a moderator or ambassador.
      const status = joined.data.status === "already_member" ? ("already_member" as const) : ("request_pending" as const);
      return data({ done: { status, loginName: null, neighbourhood: joined.data.neighbourhood }, problem: null, values: null, failure: null, fields: {} });
    }
    return data(
      { done: null, problem: inviteProblemOf(joined.error?.code), values: null, failure: joined.error?.message ?? null, fields: {} as Record<string, string> },
      { status: joined.status },
    );
  }
  const values = {
    displayName: field(form, "displayName"),
    email: field(form, "email"),
    street: field(form, "street"),
  };
  const password = secretField(form, "password");
  const body = { invite: params.token ?? "", ...values, password, acceptHouseRules: form.get("acceptHouseRules") === "on" };
  const result = await callApi(request, (api) => api.join.$post(), { json: body });
  if (result.ok) {
    const joined = result.data;
    const loginName = "user" in joined ? joined.user.loginName : null;
    if (joined.status === "active" && !loginName) {
      throw redirect(`/buurt/${joined.neighbourhood.slug}`, { headers: forwardCookies(result) });
    }
    // Without e-mail the login name comes first (write it down); pending people wait for approval; with
    // e-mail the page says "look in your e-mail", whether the address was new or not.
    return data(
      {
        done: { status: joined.status as "active" | "pending" | "check_email" | "already_member" | "request_pending", loginName, neighbourhood: joined.neighbourhood },
        problem: null,
        values: null,
        failure: null,
        fields: {},
      },
      { headers: forwardCookies(result) },
    );
  }
  const problem = inviteProblemOf(result.error?.code);
  return data(
    { done: null, problem, values, failure: result.error?.message ?? null, fields: fieldErrors(result.error?.details) as Record<string, string> },
    { status: result.status },
  );
}

export default function Join() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const corporation = loaded.corporation;

  // After joining, the invite may be used up: what was done comes first.
  const done = result?.done;
  if (done) {
    const neighbourhood = done.neighbourhood.name;
    return (
      <section className="card join-done" aria-labelledby="join-done-title">
        {done.status === "already_member" ? (
          <>
            <h1 id="join-done-title">{t("invites.join.alreadyMemberTitle", { neighbourhood })}</h1>
            <p className="lead">{t("invites.join.alreadyMemberText", { neighbourhood })}</p>
          </>
        ) : done.status === "request_pending" ? (
          <>
            <h1 id="join-done-title">{t("invites.join.requestPendingTitle", { neighbourhood })}</h1>
            <p className="lead">{t("invites.join.requestPendingText", { corporation, neighbourhood })}</p>
            <Link to="/buurten" className="button secondary">
              {t("invites.join.toMyNeighbourhoods")}
            </Link>
          </>
        ) : done.status === "check_email" ? (
          <>
            <h1 id="join-done-title">{t("invites.join.checkEmailTitle")}</h1>
            <p className="lead">{t("invites.join.checkEmailText", { neighbourhood })}</p>
            <p>{t("invites.join.checkEmailSpam")}</p>
            <Link to="/inloggen" className="button secondary">
              {t("invites.join.toLogin")}
            </Link>
          </>
        ) : done.status === "pending" ? (
          <>
            <h1 id="join-done-title">{t("invites.join.pendingTitle")}</h1>
            <p className="lead">{t("invites.join.pendingText", { corporation, neighbourhood })}</p>
          </>
        ) : (
          <h1 id="join-done-title">{t("invites.join.welcomeTitle", { neighbourhood })}</h1>
        )}
        {done.loginName ? (
          <div className="handover">
            <h2>{t("invites.join.loginNameTitle")}</h2>
            <p>{t("invites.join.loginNameText")}</p>
            <p className="handover-label">{t("invites.join.loginNameLabel")}</p>
            <p className="big-code" data-testid="login-name">
              {done.loginName}
            </p>
            <p>{t("invites.join.loginNameKeep")}</p>
          </div>
        ) : null}
        {done.status === "active" || done.status === "already_member" ? (
          <Link to={`/buurt/${done.neighbourhood.slug}`} className="button">
            {t("invites.join.toNeighbourhood", { neighbourhood })}
          </Link>
        ) : null}
      </section>
    );
  }

  const problem = result?.problem ?? loaded.problem;
  if (problem || !loaded.lookup) return <InviteProblemPage problem={problem ?? "not_found"} corporation={corporation} />;

  const lookup = loaded.lookup;
  const rules = lookup.houseRules[i18n.language === "en" ? "en" : "nl"];
  const values = result?.values;
  const fields = result?.fields ?? {};
  const neighbourhood = lookup.neighbourhood.name;
  const input = (name: "displayName" | "email" | "street") => ({
    id: name,
    name,
    defaultValue: values?.[name] ?? "",
    ...fieldAria(fields, name, true),
  });

  return (
    <div className="join-page">
      <section className="card" aria-labelledby="join-title">
        <p className="kicker">{lookup.neighbourhood.city ? t("invites.join.place", { neighbourhood, city: lookup.neighbourhood.city }) : neighbourhood}</p>
        <h1 id="join-title">{t("invites.join.title", { neighbourhood })}</h1>
        <p className="lead">
          {lookup.invite.invitedBy
            ? t("invites.join.invitedByNeighbour", { name: lookup.invite.invitedBy, neighbourhood })
            : t("invites.join.invitedByCorporation", { corporation: lookup.corporation.name, neighbourhood })}
        </p>
        <p>{t("invites.join.whatIs")}</p>
        {lookup.neighbourhood.kind === "new_build" ? <p>{t("invites.join.newBuild", { neighbourhood })}</p> : null}
        {lookup.requiresApproval ? <p className="notice">{t("invites.join.approvalNotice")}</p> : null}
      </section>

      <section className="card house-rules" aria-labelledby="house-rules-title">
        <h2 id="house-rules-title">{rules.title}</h2>
        <ol>
          {rules.rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ol>
        {lookup.corporation.houseRules ? (
          <>
            <h3>{t("branding.join.ownRulesTitle", { corporation: lookup.corporation.name })}</h3>
            <ul className="own-house-rules">
              {lookup.corporation.houseRules
                .split("\n")
                .map((rule) => rule.trim())
                .filter(Boolean)
                .map((rule, index) => (
                  <li key={index}>{rule}</li>
                ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="join-form-title">
        <h2 id="join-form-title">{loaded.viewerName ? t("invites.join.existingAccountTitle") : t("invites.join.formTitle")}</h2>
        {loaded.viewerIsMember ? (
          <>
            <p className="notice">{t("invites.join.alreadyMemberText", { neighbourhood })}</p>
            <Link to={`/buurt/${lookup.neighbourhood.slug}`} className="button">
              {t("invites.join.toNeighbourhood", { neighbourhood })}
            </Link>
          </>
        ) : loaded.viewerIsWaiting ? (
          <p className="notice">{t("invites.join.requestPendingText", { corporation, neighbourhood })}</p>
        ) : loaded.viewerCanJoin ? (
          <>
            <p>{t("invites.join.existingAccountText", { name: loaded.viewerName, neighbourhood })}</p>
            <FormError message={result?.failure} />
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="existing-account" />
              <SubmitButton label={t("invites.join.existingAccountSubmit", { neighbourhood })} />
            </Form>
            <p className="hint">{t("invites.join.existingAccountOther", { name: loaded.viewerName })}</p>
          </>
        ) : loaded.viewerName ? (
          <p className="notice">{t("invites.join.alreadyLoggedIn", { name: loaded.viewerName })}</p>
        ) : (
          <>
            <FormError message={result?.failure} />
            <Form method="post" className="form">
              <label htmlFor="displayName">{t("invites.join.displayName")}</label>
              <p className="hint" id="displayName-hint">
                {t("invites.join.displayNameHint")}
              </p>
              <input {...input("displayName")} required minLength={2} maxLength={60} autoComplete="given-name" />
              <FieldError id="displayName-error" message={fields.displayName} />

              <label htmlFor="email">{t("invites.join.email")}</label>
              <p className="hint" id="email-hint">
                {t("invites.join.emailHint")}
              </p>
              <input {...input("email")} type="email" autoComplete="email" maxLength={254} />
              <FieldError id="email-error" message={fields.email} />

              <label htmlFor="street">{t("invites.join.street")}</label>
              <p className="hint" id="street-hint">
                {t("invites.join.streetHint")}
              </p>
              <input {...input("street")} maxLength={80} autoComplete="address-line1" />
              <FieldError id="street-error" message={fields.street} />

              <label htmlFor="password">{t("invites.join.password")}</label>
              <p className="hint" id="password-hint">
                {t("invites.join.passwordHint")}
              </p>
              <input
                id="password"
                name="password"
                type="password"
                minLength={10}
                maxLength={200}
                autoComplete="new-password"
                {...fieldAria(fields, "password", true)}
              />
              <FieldError id="password-error" message={fields.password} />

              <label className="checkbox">
                <input
                  type="checkbox"
                  name="acceptHouseRules"
                  required
                  aria-invalid={fields.acceptHouseRules ? true : undefined}
                  aria-describedby={fields.acceptHouseRules ? "acceptHouseRules-error" : undefined}
                />
                {t("invites.join.acceptHouseRules")}
              </label>
              <FieldError id="acceptHouseRules-error" message={fields.acceptHouseRules} />

              <SubmitButton label={t("invites.join.submit")} />
            </Form>
          </>
        )}
      </section>
    </div>
  );
}
