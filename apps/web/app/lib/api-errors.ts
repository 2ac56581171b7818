// API errors on form pages: a translated text for the codes people meet while logging in or managing
// their account; otherwise the API's own (Dutch) message.
import type { TFunction } from "i18next";

export interface FormFailure {
  code: string;
  message: string;
}

export function failureText(t: TFunction, failure: FormFailure | null | undefined): string | null {
  if (!failure) return null;
  return t(`access.errors.${failure.code}`, { defaultValue: failure.message });
}

/** Field messages (422) from an API error's details. */
export function fieldErrors(details: unknown): Record<string, string> {
  const fields = (details as { fields?: Record<string, string> } | undefined)?.fields;
  return fields && typeof fields === "object" ? fields : {};
}
