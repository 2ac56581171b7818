// The e-mail to a person a reviewer approved or rejected (only when they gave an e-mail address).
// A failing mailer never undoes the decision: the failure is logged, the reviewer gets their answer.
import { eq } from "drizzle-orm";
import { renderReviewDecisionMail, type MailLocale, type ReviewDecision } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { Context } from "hono";
import type { AppEnv, Site } from "../env.ts";
import { createMailer } from "../mail/create-mailer.ts";

const { neighbourhoods, tenantSettings } = tenantSchema;

function mailLocale(value: string | null | undefined): MailLocale | null {
  return value === "nl" || value === "en" ? value : null;
}

export async function sendReviewDecisionMail(
  c: Context<AppEnv>,
  site: Extract<Site, { kind: "tenant" }>,
  person: { email: string | null; displayName: string; locale: string | null },
  neighbourhoodId: string,
  decision: ReviewDecision,
  reviewerMessage: string | null,
): Promise<boolean> {
  if (!person.email) return false;
  try {
    const [settings] = await site.db.select().from(tenantSettings).where(eq(tenantSettings.id, 1)).limit(1);
    const [neighbourhood] = await site.db.select({ name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.id, neighbourhoodId)).limit(1);
    const mail = renderReviewDecisionMail({
      locale: mailLocale(person.locale) ?? mailLocale(settings?.defaultLocale) ?? "nl",
      decision,
      corporationName: settings?.displayName ?? site.tenant.name,
      neighbourhoodName: neighbourhood?.name ?? "",
      displayName: person.displayName,
      loginLink: `${new URL(c.req.url).origin}/inloggen`,
      reviewerMessage,
    });
    await createMailer(c.env, c.get("control")).send({ to: person.email, ...mail, tenantSlug: site.tenant.slug });
    return true;
  } catch (error) {
    c.get("logger").log("error", "review decision e-mail not sent", { decision, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
