// What every e-mail of a corporation shares: the name it goes out under, the language it is written in,
// and the mailer it goes through (tagged with the tenant, so the dev mailbox keeps corporations apart).
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { MailLocale } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv, Site } from "../env.ts";
import { createMailer } from "../mail/create-mailer.ts";

type TenantSite = Extract<Site, { kind: "tenant" }>;

function mailLocale(value: string | null | undefined): MailLocale | null {
  return value === "nl" || value === "en" ? value : null;
}

/** The corporation's name, and the first of `preferredLocales` we write in, else the corporation's default language, else Dutch. */
export async function tenantMailSetup(site: TenantSite, ...preferredLocales: (string | null | undefined)[]): Promise<{ corporationName: string; locale: MailLocale }> {
  const [settings] = await site.db.select().from(tenantSchema.tenantSettings).where(eq(tenantSchema.tenantSettings.id, 1)).limit(1);
  const locale = [...preferredLocales, settings?.defaultLocale].map(mailLocale).find((value) => value !== null) ?? "nl";
  return { corporationName: settings?.displayName ?? site.tenant.name, locale };
}

export async function sendTenantMail(c: Context<AppEnv>, site: TenantSite, to: string, mail: { subject: string; text: string; html: string }): Promise<void> {
  await createMailer(c.env, c.get("control")).send({ to, ...mail, tenantSlug: site.tenant.slug });
}
