import { AppError } from "@buurtplein/core";
import { isDatabaseUnreachable } from "@buurtplein/db";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env.ts";

/** Turns a zod failure into a 422 with readable field messages. */
export function invalidInput(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  const message = Object.values(fields).join(" ") || "De invoer klopt niet.";
  return new AppError("invalid_input", message, { fields });
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
    throw new AppError("unsupported_media_type", "Stuur de gegevens als JSON (Content-Type: application/json).");
  }
  try {
    return await c.req.json();
  } catch {
    throw new AppError("bad_request", "De JSON in dit verzoek is niet leesbaar.");
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
 * meanwhile; null for any other error. Used by app.onError and the tenant middleware.
 */
export function outageError(error: unknown): AppError | null {
  if (error instanceof AppError || !isDatabaseUnreachable(error)) return null;
  return new AppError("service_unavailable", "Buurtplein is even niet bereikbaar. Even geduld: probeer het over een halve minuut opnieuw.", {
    retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
  });
}

/** app.onError: AppError → its status; a database outage → 503; anything else → logged, generic 500. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  const outage = outageError(error);
  if (outage) {
    c.get("logger")?.log("error", "database unreachable", { error: error.message, cause: String((error as { cause?: unknown }).cause ?? "") });
    return handleError(outage, c);
  }
  if (error instanceof AppError) {
    const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if ((error.code === "rate_limited" || error.code === "service_unavailable") && retryAfter) c.header("Retry-After", String(retryAfter));
    return c.json(error.toBody(), error.status as 400);
  }
  if (error instanceof z.ZodError) {
    const appError = invalidInput(error);
    return c.json(appError.toBody(), 422);
  }
  const logger = c.get("logger");
  logger?.log("error", "unhandled error", { error: error.message, stack: error.stack });
  return c.json(
    { error: { code: "internal_error", message: "Er ging iets mis aan onze kant. Probeer het later opnieuw." } },
    500,
  );
}
