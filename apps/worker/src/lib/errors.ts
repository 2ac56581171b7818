import { AppError, isMessageKey, type MessageKey } from "@buurtplein/core";
import { isDatabaseUnreachable } from "@buurtplein/db";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env.ts";
import { requestLanguage } from "./language.ts";

/**
 * The catalogue key for one zod issue: the schema's own message is a key (validation.*); checks
 * without one get a general text by issue code.
 */
function issueKey(issue: z.core.$ZodIssue): MessageKey {
  if (isMessageKey(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
    case "too_small":
    case "too_big":
    case "invalid_format":
    case "invalid_value":
      return `validation.generic.${issue.code}`;
    default:
      return "validation.generic.other";
  }
}

/** Turns a zod failure into a 422 with a message per field (in the request's language when answered). */
export function invalidInput(error: z.ZodError): AppError {
  const fields: Record<string, MessageKey> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issueKey(issue);
  }
  return new AppError("invalid_input", { fields });
}

/** Parses input with a zod schema or throws a 422 AppError. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

/** Reads a JSON body; malformed or missing JSON is the caller's mistake (400), never a 500. */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw new AppError("unsupported_media_type");
  }
  try {
    return await c.req.json();
  } catch {
    throw new AppError("bad_request", { message: "apiErrors.unreadableJson" });
  }
}

/** The JSON body if the request has one; {} when it sends none (for routes whose body is optional). */
export async function readOptionalJson(c: Context<AppEnv>): Promise<unknown> {
  if (!(c.req.header("content-type") ?? "").includes("application/json")) return {};
  return (await readJson(c)) ?? {};
}

/** How long a visitor is asked to wait while a database is unreachable (Retry-After, seconds). */
export const OUTAGE_RETRY_AFTER_SECONDS = 30;

/**
 * A database outage (the libSQL server unreachable or answering 5xx) as the 503 every visitor gets
 * meanwhile; null for any other error. Used by app.onError.
 */
function outageError(error: unknown): AppError | null {
  if (error instanceof AppError || !isDatabaseUnreachable(error)) return null;
  return new AppError("service_unavailable", { message: "apiErrors.databaseOutage", details: { retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS } });
}

/**
 * app.onError: AppError → its status, its message in the request's language; a database outage → 503;
 * anything else → logged, generic 500.
 */
export async function handleError(error: Error, c: Context<AppEnv>): Promise<Response> {
  const outage = outageError(error);
  if (outage) {
    c.get("logger")?.log("error", "database unreachable", { error: error.message, cause: String((error as { cause?: unknown }).cause ?? "") });
    return handleError(outage, c);
  }
  const language = await requestLanguage(c);
  if (error instanceof AppError) {
    const retryAfter = (error.extraDetails as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if ((error.code === "rate_limited" || error.code === "service_unavailable") && retryAfter) c.header("Retry-After", String(retryAfter));
    return c.json(error.toBody(language), error.status as 400);
  }
  if (error instanceof z.ZodError) {
    return c.json(invalidInput(error).toBody(language), 422);
  }
  const logger = c.get("logger");
  logger?.log("error", "unhandled error", { error: error.message, stack: error.stack });
  return c.json(new AppError("internal_error").toBody(language), 500);
}
