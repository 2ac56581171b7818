// The e-mail to a person a reviewer approved or rejected (only when they gave an e-mail address).
// A failing mailer never undoes the decision: the failure is logged, the reviewer gets their answer.
import { eq } from "drizzle-orm";
import { renderReviewDecisionMail, type ReviewDecision } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { Context } from "hono";
import type { AppEnv, Site } from "../env.ts";
import { sendTenantMail, tenantMailSetup } from "../lib/tenant-mail.ts";

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
    const { corporationName, locale } = tenantMailSetup(c, site, person.locale);
    const [neighbourhood] = await site.db
      .select({ name: tenantSchema.neighbourhoods.name })
      .from(tenantSchema.neighbourhoods)
      .where(eq(tenantSchema.neighbourhoods.id, neighbourhoodId))
      .limit(1);
    const mail = renderReviewDecisionMail({
      locale,
      decision,
      corporationName,
      neighbourhoodName: neighbourhood?.name ?? "",
      displayName: person.displayName,
      loginLink: `${new URL(c.req.url).origin}/inloggen`,
      reviewerMessage,
    });
    await sendTenantMail(c, site, person.email, mail);
    return true;
  } catch (error) {
    c.get("logger").log("error", "review decision e-mail not sent", { decision, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
