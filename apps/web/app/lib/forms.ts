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
