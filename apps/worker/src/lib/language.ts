// The language of this request's answer (decision 011): the reader's choice (the `bp_lang` cookie of
// the language switch, else the member's stored choice), else Accept-Language, else the corporation's
// default, else Dutch. Worked out once per request, on first use.
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { chooseLanguage, isLanguage, languageFromAcceptLanguage, languageFromCookie, translate, type Language, type MessageKey, type MessageParams } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";

const chosen = new WeakMap<Request, Language>();

async function tenantDefault(c: Context<AppEnv>): Promise<string | null> {
  const site = c.get("site");
  if (!site || site.kind !== "tenant") return null;
  try {
    const [settings] = await site.db
      .select({ defaultLocale: tenantSchema.tenantSettings.defaultLocale })
      .from(tenantSchema.tenantSettings)
      .where(eq(tenantSchema.tenantSettings.id, 1))
      .limit(1);
    return settings?.defaultLocale ?? null;
  } catch {
    // The answer is an error already; its language must not make it worse.
    return null;
  }
}

export async function requestLanguage(c: Context<AppEnv>): Promise<Language> {
  const known = chosen.get(c.req.raw);
  if (known) return known;
  const cookieHeader = c.req.header("cookie");
  const acceptLanguage = c.req.header("accept-language");
  const memberLanguage = c.get("actor")?.locale ?? null;
  // The corporation's default is only looked up when nothing the reader sent decides.
  const decided = languageFromCookie(cookieHeader) ?? (isLanguage(memberLanguage) ? memberLanguage : null) ?? languageFromAcceptLanguage(acceptLanguage);
  const language = chooseLanguage({ cookieHeader, memberLanguage, acceptLanguage, tenantDefault: decided ? null : await tenantDefault(c) });
  chosen.set(c.req.raw, language);
  return language;
}

/** A catalogue text in this request's language. */
export async function say(c: Context<AppEnv>, key: MessageKey, params?: MessageParams): Promise<string> {
  return translate(await requestLanguage(c), key, params);
}
