// The language of this request's answer (decision 011): the reader's choice (the `bp_lang` cookie of
// the language switch, else the member's stored choice), else Accept-Language, else the corporation's
// default, else Dutch. Worked out once per request, on first use.
import type { Context } from "hono";
import { chooseLanguage, translate, type Language, type MessageKey, type MessageParams } from "@buurtplein/core";
import type { AppEnv } from "../env.ts";

const chosen = new WeakMap<Request, Language>();

export async function requestLanguage(c: Context<AppEnv>): Promise<Language> {
  const known = chosen.get(c.req.raw);
  if (known) return known;
  // The corporation's settings come with the session (middleware/session.ts): no query here. Before
  // they are loaded (an error in the tenant middleware) the default is simply unknown.
  const language = chooseLanguage({
    cookieHeader: c.req.header("cookie"),
    memberLanguage: c.get("actor")?.locale ?? null,
    acceptLanguage: c.req.header("accept-language"),
    tenantDefault: c.get("settings")?.defaultLocale ?? null,
  });
  chosen.set(c.req.raw, language);
  return language;
}

/** A catalogue text in this request's language. */
export async function say(c: Context<AppEnv>, key: MessageKey, params?: MessageParams): Promise<string> {
  return translate(await requestLanguage(c), key, params);
}
