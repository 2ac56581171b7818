// One error model for the whole product. Domain code throws AppError with a stable snake_case code;
// the API answers { error: { code, message, details? } } with the status from ERROR_STATUS, the message
// in the request's language from the catalogue (packages/core/src/i18n).
import { translate, type Language, type MessageKey, type MessageParams } from "../i18n/messages.ts";

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_input: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  tenant_not_found: 404,
  tenant_suspended: 423,
  tenant_not_ready: 503,
  slug_taken: 409,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal_error: 500,
  service_unavailable: 503,
  invite_not_found: 404,
  invite_expired: 410,
  invite_revoked: 410,
  invite_used_up: 410,
  email_taken: 409,
  limit_reached: 409,
  login_link_invalid: 400,
  recovery_code_invalid: 400,
  account_pending: 403,
  account_rejected: 403,
  csrf_failed: 403,
  neighbourhood_archived: 409,
  last_admin: 409,
  organisation_in_use: 409,
  organisation_name_taken: 409,
  ambassador_not_eligible: 409,
  contrast_too_low: 422,
  unsupported_image_type: 415,
  tenant_wrong_status: 409,
  deletion_not_due: 409,
  unsubscribe_link_invalid: 400,
  domain_taken: 409,
  already_reported: 409,
  already_appealed: 409,
  member_suspended: 403,
  content_hidden: 409,
  kindness_prompt: 422,
  already_answered: 409,
  participation_closed: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export interface AppErrorOptions {
  /** The catalogue key of the text to show, when this code has more than one; default `errors.<code>`. */
  message?: MessageKey;
  /** Values for the text's {{placeholders}}. */
  params?: MessageParams;
  /** Field → catalogue key, answered as details.fields (field → text). With no `message`, the text is the fields' texts together. */
  fields?: Record<string, MessageKey>;
  /** More for the caller, answered as is (e.g. retryAfterSeconds, reviewNote). */
  details?: unknown;
}

/**
 * An error with a stable code. Its texts are catalogue keys, put into words per request: `toBody(language)`.
 * `message` (for logs) is the Dutch text.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: MessageKey | null;
  readonly params: MessageParams;
  readonly fields: Record<string, MessageKey> | null;
  readonly extraDetails: unknown;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(code);
    this.name = "AppError";
    this.code = code;
    this.messageKey = options.message ?? null;
    this.params = options.params ?? {};
    this.fields = options.fields ?? null;
    this.extraDetails = options.details;
    this.message = this.messageIn("nl");
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The answer's details: what the caller gave, plus the field texts in `language`. */
  detailsIn(language: Language): unknown {
    if (!this.fields) return this.extraDetails;
    const fields = Object.fromEntries(Object.entries(this.fields).map(([field, key]) => [field, translate(language, key, this.params)]));
    return { ...(this.extraDetails as object | undefined), fields };
  }

  /** The text in `language`. */
  messageIn(language: Language): string {
    if (this.messageKey) return translate(language, this.messageKey, this.params);
    if (this.fields && Object.keys(this.fields).length > 0) {
      return [...new Set(Object.values(this.fields).map((key) => translate(language, key, this.params)))].join(" ");
    }
    return translate(language, `errors.${this.code}`);
  }

  /** Kept for callers that only know the details. */
  get details(): unknown {
    return this.detailsIn("nl");
  }

  toBody(language: Language = "nl"): ErrorBody {
    const details = this.detailsIn(language);
    return { error: { code: this.code, message: this.messageIn(language), ...(details === undefined ? {} : { details }) } };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}
