import { AppError } from "@buurtplein/core";
import type { ControlDb } from "@buurtplein/db";
import type { Bindings } from "../env.ts";
import { DevMailer } from "./dev-mailer.ts";
import { HttpApiMailer } from "./http-api-mailer.ts";
import type { Mailer } from "./mailer.ts";

/** The one place that picks a mailer from the bindings: MAILER = "dev" (default) or "postmark". */
export function createMailer(env: Bindings, control: ControlDb, fetchImpl?: typeof fetch): Mailer {
  const kind = env.MAILER ?? "dev";
  if (kind === "postmark") {
    if (!env.POSTMARK_SERVER_TOKEN || !env.MAIL_FROM) {
      throw new AppError("service_unavailable", { message: "apiErrors.mailerMissing" });
    }
    return new HttpApiMailer({ serverToken: env.POSTMARK_SERVER_TOKEN, from: env.MAIL_FROM, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  }
  if (kind === "dev") {
    // Never let a production deployment "send" into a table nobody reads.
    if (env.ENVIRONMENT === "production") {
      throw new AppError("service_unavailable", { message: "apiErrors.mailerMissing" });
    }
    return new DevMailer(control);
  }
  throw new AppError("service_unavailable", { message: "apiErrors.mailerUnknown" });
}
