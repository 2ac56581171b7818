import { redirect, type LoaderFunctionArgs } from "react-router";
import { isLocale, LOCALE_COOKIE } from "../../i18n/i18n.ts";
import { safeReturnPath } from "../../lib/forms.ts";

// GET /taal?lang=en&terug=/buurt/x — remembers the language for a year and returns to the page.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  const back = safeReturnPath(url.searchParams.get("terug"));
  if (!isLocale(lang)) throw redirect(back);
  throw redirect(back, {
    headers: { "set-cookie": `${LOCALE_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}
