import { data } from "react-router";

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * Reads the posted form of a page action. What our pages send is a form; anything else is the
 * sender's mistake, never a 500: another content type (JSON, none at all) is 415
 * unsupported_media_type, a body that is no readable form (multipart without boundary, broken
 * encoding) is 400 bad_request. Both show the root error page.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(type)) throw data({ code: "unsupported_media_type" }, { status: 415 });
  try {
    return await request.formData();
  } catch {
    throw data({ code: "bad_request" }, { status: 400 });
  }
}

/** Reads a form field as trimmed text ("" when absent). */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** Only same-site relative paths may be used as a place to return to. */
export function safeReturnPath(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

/** Reads a password-like field exactly as typed (never trimmed; "" when absent). */
export function secretField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * The ARIA attributes that tie a form field to its hint (`<name>-hint`) and to its error message
 * (`<name>-error`, from FieldError), given the field errors of the last answer.
 */
export function fieldAria(fields: Record<string, string>, name: string, hint = false) {
  return {
    "aria-invalid": fields[name] ? true : undefined,
    "aria-describedby": [hint ? `${name}-hint` : null, fields[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined,
  };
}
