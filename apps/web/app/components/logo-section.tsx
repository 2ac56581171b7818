import { Form } from "react-router";
import { useTranslation } from "../i18n/i18n.ts";
import { fieldAria } from "../lib/forms.ts";
import { FieldError } from "./field-error.tsx";
import { SubmitButton } from "./submit-button.tsx";

/**
 * A logo's section on an admin page (the corporation, a sponsor, an organisation): the current logo
 * with a remove button, and a plain file field (works without JavaScript). The page's action answers
 * the intents "logo" (the file in field `logo`) and "remove-logo".
 */
export function LogoSection(props: { id: string; title: string; logoUrl: string | null; name: string; error: string | null | undefined; current?: string }) {
  const { t } = useTranslation();
  const { error } = props;
  return (
    <section className="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.logoUrl ? (
        <>
          {props.current ? <p>{props.current}</p> : null}
          <p className="logo-preview">
            <img src={props.logoUrl} alt={t("branding.logo.alt", { name: props.name })} />
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="remove-logo" />
            <button type="submit" className="button secondary">
              {t("branding.logo.remove")}
            </button>
          </Form>
        </>
      ) : (
        <p>{t("branding.logo.none")}</p>
      )}
      <Form method="post" encType="multipart/form-data" className="form">
        <input type="hidden" name="intent" value="logo" />
        <label htmlFor="logo">{t("branding.logo.file")}</label>
        <p className="hint" id="logo-hint">
          {t("branding.logo.fileHint")}
        </p>
        <input id="logo" name="logo" type="file" accept="image/png,image/jpeg,image/webp" {...fieldAria(error ? { logo: error } : {}, "logo", true)} />
        <FieldError id="logo-error" message={error ?? undefined} />
        <SubmitButton label={t("branding.logo.upload")} />
      </Form>
    </section>
  );
}
