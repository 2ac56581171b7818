// What every e-mail of a corporation shares: the name it goes out under, the language it is written in,
// and the mailer it goes through (tagged with the tenant, so the dev mailbox keeps corporations apart).
import type { Context } from "hono";
import type { MailLocale } from "@buurtplein/core";
import type { AppEnv, Site } from "../env.ts";
import { createMailer } from "../mail/create-mailer.ts";

type TenantSite = Extract<Site, { kind: "tenant" }>;

function mailLocale(value: string | null | undefined): MailLocale | null {
  return value === "nl" || value === "en" ? value : null;
}

/**
 * The corporation's name, and the first of `preferredLocales` we write in, else the corporation's
 * default language, else Dutch. The settings are the ones loaded with the session (no query).
 */
export function tenantMailSetup(c: Context<AppEnv>, site: TenantSite, ...preferredLocales: (string | null | undefined)[]): { corporationName: string; locale: MailLocale } {
  const settings = c.get("settings");
  const locale = [...preferredLocales, settings?.defaultLocale].map(mailLocale).find((value) => value !== null) ?? "nl";
  return { corporationName: settings?.displayName ?? site.tenant.name, locale };
}

export async function sendTenantMail(c: Context<AppEnv>, site: TenantSite, to: string, mail: { subject: string; text: string; html: string }): Promise<void> {
  await createMailer(c.env, c.get("control")).send({ to, ...mail, tenantSlug: site.tenant.slug });
}
