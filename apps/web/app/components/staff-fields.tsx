import { useTranslation } from "../i18n/i18n.ts";
import { fieldAria } from "../lib/forms.ts";
import { FieldError } from "./field-error.tsx";

export const STAFF_ROLES = ["admin", "moderator", "partner", "care_partner"] as const;

interface OrganisationChoice {
  id: string;
  name: string;
  kind: string;
}

/** The role (radio buttons, each with what it may do) and, for partners and care partners, their organisation. */
export function StaffRoleFields({
  role,
  organisationId,
  organisations,
  fields,
}: {
  role: string | undefined;
  organisationId: string | null | undefined;
  organisations: readonly OrganisationChoice[];
  fields: Record<string, string>;
}) {
  const { t } = useTranslation();
  const local = organisations.filter((organisation) => organisation.kind === "local");
  const care = organisations.filter((organisation) => organisation.kind === "care");
  return (
    <>
      <fieldset className="choices" aria-describedby={fields.role ? "role-error" : undefined}>
        <legend>{t("staff.invite.roleLegend")}</legend>
        {STAFF_ROLES.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="role" value={value} required defaultChecked={role === value} />
            {t(`staff.invite.roles.${value}`)}
          </label>
        ))}
      </fieldset>
      <FieldError id="role-error" message={fields.role} />

      <label htmlFor="organisationId">{t("staff.invite.organisation")}</label>
      <p className="hint" id="organisationId-hint">
        {organisations.length === 0 ? t("staff.invite.noOrganisations") : t("staff.invite.organisationHint")}
      </p>
      <select id="organisationId" name="organisationId" defaultValue={organisationId ?? ""} {...fieldAria(fields, "organisationId", true)}>
        <option value="">{t("staff.invite.organisationNone")}</option>
        {local.length > 0 ? (
          <optgroup label={t("staff.invite.partnerOrganisations")}>
            {local.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {care.length > 0 ? (
          <optgroup label={t("staff.invite.careOrganisations")}>
            {care.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      <FieldError id="organisationId-error" message={fields.organisationId} />
    </>
  );
}

/** What a staff form posts as the API's role and organisation: an organisation only goes along for partners and care partners. */
export function staffRoleInput(role: string, organisationId: string): { role: string; organisationId?: string } {
  return role === "partner" || role === "care_partner" ? { role, organisationId } : { role };
}

export interface OrganisationValues {
  name: string;
  kind: string;
  description: string;
  website: string;
  neighbourhoods: string[];
}

/** Name, kind, description, website and the neighbourhoods served: the organisation form. */
export function OrganisationFields({
  values,
  neighbourhoods,
  fields,
  kindLocked,
}: {
  values: Partial<OrganisationValues> | undefined;
  neighbourhoods: readonly { slug: string; name: string }[];
  fields: Record<string, string>;
  kindLocked?: boolean;
}) {
  const { t } = useTranslation();
  const served = new Set(values?.neighbourhoods ?? []);
  return (
    <>
      <label htmlFor="name">{t("staff.organisations.name")}</label>
      <input id="name" name="name" required minLength={2} maxLength={100} defaultValue={values?.name ?? ""} {...fieldAria(fields, "name")} />
      <FieldError id="name-error" message={fields.name} />

      <fieldset className="choices" aria-describedby={[kindLocked ? "kind-hint" : null, fields.kind ? "kind-error" : null].filter(Boolean).join(" ") || undefined}>
        <legend>{t("staff.organisations.kindLegend")}</legend>
        {kindLocked ? (
          <p className="hint" id="kind-hint">
            {t("staff.organisations.kindLocked")}
          </p>
        ) : null}
        {(["local", "care"] as const).map((kind) => (
          <label key={kind} className="choice">
            <input type="radio" name="kind" value={kind} required defaultChecked={values?.kind === kind} disabled={kindLocked && values?.kind !== kind} />
            {t(`staff.organisations.kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      <FieldError id="kind-error" message={fields.kind} />

      <label htmlFor="description">{t("staff.organisations.description")}</label>
      <p className="hint" id="description-hint">
        {t("staff.organisations.descriptionHint")}
      </p>
      <textarea id="description" name="description" rows={3} maxLength={1000} defaultValue={values?.description ?? ""} {...fieldAria(fields, "description", true)} />
      <FieldError id="description-error" message={fields.description} />

      <label htmlFor="website">{t("staff.organisations.website")}</label>
      <p className="hint" id="website-hint">
        {t("staff.organisations.websiteHint")}
      </p>
      <input id="website" name="website" type="url" inputMode="url" maxLength={200} defaultValue={values?.website ?? ""} {...fieldAria(fields, "website", true)} />
      <FieldError id="website-error" message={fields.website} />

      <fieldset className="choices" aria-describedby={fields.neighbourhoods ? "neighbourhoods-error" : undefined}>
        <legend>{t("staff.organisations.neighbourhoodsLegend")}</legend>
        {neighbourhoods.length === 0 ? <p className="hint">{t("staff.organisations.noNeighbourhoods")}</p> : null}
        {neighbourhoods.map((neighbourhood) => (
          <label key={neighbourhood.slug} className="choice">
            <input type="checkbox" name="neighbourhoods" value={neighbourhood.slug} defaultChecked={served.has(neighbourhood.slug)} />
            {neighbourhood.name}
          </label>
        ))}
      </fieldset>
      <FieldError id="neighbourhoods-error" message={fields.neighbourhoods} />
    </>
  );
}

/** The organisation form as the API takes it. */
export function organisationInput(form: FormData): OrganisationValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  return {
    name: text("name"),
    kind: text("kind"),
    description: text("description"),
    website: text("website"),
    neighbourhoods: form.getAll("neighbourhoods").filter((value): value is string => typeof value === "string"),
  };
}
