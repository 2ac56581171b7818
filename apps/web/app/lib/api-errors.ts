// API errors on form pages. The API answers in the reader's language from the same catalogue as the
// pages (decision 011), so its message is shown as it is; only a refusal after review is worded from the
// code here, because its reviewer's note is shown apart (failureNote).
import type { TFunction } from "../i18n/i18n.ts";

export interface FormFailure {
  code: string;
  message: string;
  details?: unknown;
}

/** Failures that may carry a note from whoever reviewed the person's request to join. */
const REVIEWED_CODES = new Set(["account_pending", "account_rejected"]);

export function failureText(t: TFunction, failure: FormFailure | null | undefined): string | null {
  if (!failure) return null;
  if (isReviewRefusal(failure)) return t(`errors.${failure.code}`, { defaultValue: failure.message });
  return failure.message;
}

/** The person is waiting for approval or was rejected: logging in again, or a new link, will not help. */
export function isReviewRefusal(failure: FormFailure | null | undefined): boolean {
  return Boolean(failure && REVIEWED_CODES.has(failure.code));
}

/**
 * The reviewer's note for a person who is waiting or was rejected (the API sends it only after the
 * right password, login link or recovery code), with its translated caption; shown as a quote.
 */
export function failureNote(t: TFunction, failure: FormFailure | null | undefined): { label: string; text: string } | null {
  if (!failure || !isReviewRefusal(failure)) return null;
  const note = (failure.details as { reviewNote?: unknown } | undefined)?.reviewNote;
  return typeof note === "string" && note.trim() ? { label: t("access.errors.reviewNote"), text: note } : null;
}

/** Field messages (422) from an API error's details. */
export function fieldErrors(details: unknown): Record<string, string> {
  const fields = (details as { fields?: Record<string, string> } | undefined)?.fields;
  return fields && typeof fields === "object" ? fields : {};
}
