import { useContext, useMemo } from "react";
import {
  data,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
  type LoaderFunctionArgs,
  type MiddlewareFunction,
} from "react-router";
import { callApi } from "./lib/api.server.ts";
import { requestSiteContext, type RequestSite, type SiteInfo } from "./lib/site-context.ts";
import { createTranslator, DICTIONARY_ELEMENT_ID, DictionaryContext, isLocale, localeFromCookie, scriptSafeJson, TranslatorProvider, useTranslation, type Dictionaries, type Locale } from "./i18n/i18n.ts";
import { useNonce } from "./lib/security.ts";
import stylesheet from "./styles.css?url";

export const links = () => [
  { rel: "stylesheet", href: stylesheet },
  // Static files (apps/web/public), served before the worker: an icon never costs a rendered page.
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
];

/**
 * What a route may declare in `export const handle`. Pages work as plain HTML (links and forms), so
 * they send no JavaScript at all; a page that truly needs it (a print button) says `hydrate: true`.
 * Such a page carries its reader's dictionary; `languages` names any other it shows as well.
 */
export interface RouteHandle {
  hydrate?: boolean;
  languages?: readonly Locale[];
}

/**
 * Whether this page runs React in the browser (on the server: when one of its routes asks; in the
 * browser: always, as a page only runs there when it was sent with its scripts), and the languages
 * whose dictionaries it carries.
 */
function usePageScripts(locale: Locale): { hydrate: boolean; languages: Locale[] } {
  const handles = useMatches().map((match) => (match.handle ?? {}) as RouteHandle);
  const hydrate = typeof document !== "undefined" || handles.some((handle) => handle.hydrate === true);
  return { hydrate, languages: [...new Set([locale, ...handles.flatMap((handle) => handle.languages ?? [])])] };
}

/** Pages name themselves; this title stands when a page cannot (errors, unknown hosts). */
export const meta = () => [{ title: "Buurtplein" }];

/** Resolves the site (apex or which corporation), the viewer and the language, once per request. */
const loadRequestSite: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  // One call: the site's branding and, when a session cookie came along, the viewer.
  const site = await callApi(request, (api) => api.site.$get());
  if (!site.ok) throw data({ code: site.error.code }, { status: site.status });
  const { viewer = null, ...siteInfo } = site.data.kind === "tenant" ? site.data : { ...site.data, viewer: null };
  const fallback: Locale = siteInfo.kind === "tenant" && isLocale(siteInfo.branding.defaultLocale) ? siteInfo.branding.defaultLocale : "nl";
  const locale = localeFromCookie(request.headers.get("cookie"), fallback);
  context.set(requestSiteContext, { site: siteInfo, locale, viewer });
  return next();
};

export const middleware = [loadRequestSite];

export async function loader({ context }: LoaderFunctionArgs) {
  return context.get(requestSiteContext);
}

function useRootData(): RequestSite | undefined {
  return useRouteLoaderData("root") as RequestSite | undefined;
}

function brandStyle(site: SiteInfo | undefined): string {
  if (site?.kind !== "tenant") return "";
  const safe = (colour: string, fallback: string) => (/^#[0-9a-fA-F]{6}$/.test(colour) ? colour : fallback);
  return `:root{--brand:${safe(site.branding.primaryColor, "#1f6f5c")};--accent:${safe(site.branding.accentColor, "#f2b134")}}`;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRootData();
  const locale = root?.locale ?? "nl";
  const dictionaries = useContext(DictionaryContext);
  const translator = useMemo(() => createTranslator(locale, dictionaries), [locale, dictionaries]);
  const { hydrate, languages } = usePageScripts(locale);
  const tenantSite = root?.site.kind === "tenant";
  const nonce = useNonce(); // the CSP nonce of this request
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Pages with residents' content are never indexed. */}
        {tenantSite ? <meta name="robots" content="noindex, nofollow" /> : null}
        <Meta />
        <Links nonce={nonce} />
        <style nonce={nonce}>{brandStyle(root?.site)}</style>
      </head>
      <body>
        <TranslatorProvider translator={translator}>
          <Shell root={root}>{children}</Shell>
        </TranslatorProvider>
        {hydrate ? (
          <>
            <DictionaryScript dictionaries={dictionaries} languages={languages} />
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

/** The dictionaries the page shows, and only those, for the browser (entry.client.tsx reads them). */
function DictionaryScript({ dictionaries, languages }: { dictionaries: Dictionaries; languages: Locale[] }) {
  const carried = Object.fromEntries(languages.map((language) => [language, dictionaries[language] ?? {}]));
  return <script type="application/json" id={DICTIONARY_ELEMENT_ID} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: scriptSafeJson(carried) }} />;
}

function Shell({ root, children }: { root: RequestSite | undefined; children: React.ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigation = useNavigation();
  const site = root?.site;
  const title = site?.kind === "tenant" ? site.branding.displayName : "Buurtplein";
  const otherLocale = root?.locale === "en" ? "nl" : "en";
  const back = encodeURIComponent(location.pathname + location.search);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <div className="site-title">
            <Link to="/" className="site-name">
              {site?.kind === "tenant" && site.branding.logoUrl ? <img src={site.branding.logoUrl} alt="" className="logo" /> : null}
              <span>{title}</span>
            </Link>
            {site?.kind === "tenant" && site.branding.tagline ? <p className="site-tagline">{site.branding.tagline}</p> : null}
          </div>
          <nav aria-label={t("common.language")} className="header-nav">
            {root?.viewer && site?.kind === "tenant" ? <Link to="/zoeken">{t("search.link")}</Link> : null}
            {root?.viewer ? <NotificationBell unread={root.viewer.unreadNotifications} /> : null}
            {root?.viewer ? <Link to="/account">{t("access.nav.account")}</Link> : null}
            {root?.viewer ? (
              <form method="post" action="/uitloggen">
                <button type="submit" className="link-button">
                  {t("common.logout")}
                </button>
              </form>
            ) : site?.kind === "tenant" ? (
              <Link to="/inloggen">{t("common.login")}</Link>
            ) : null}
            <a href={`/taal?lang=${otherLocale}&terug=${back}`} hrefLang={otherLocale} lang={otherLocale}>
              {t("common.switchToOther")}
            </a>
          </nav>
        </div>
      </header>
      {navigation.state !== "idle" ? (
        <div className="progress" role="status" aria-live="polite">
          {t("common.loading")}
        </div>
      ) : null}
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          {site?.kind === "tenant" && site.branding.sponsorStatement ? <p className="sponsor">{site.branding.sponsorStatement}</p> : null}
          {site?.kind === "tenant" ? (
            <p>
              <Link to="/mogelijk-gemaakt-door">{t("branding.poweredBy.footerLink")}</Link>
            </p>
          ) : null}
          <p>{t("common.poweredBy")}</p>
        </div>
      </footer>
    </>
  );
}

/**
 * The bell: a plain link with the unread count (it came with the session: no extra query). Where
 * JavaScript runs, a few lines (inline, with this request's CSP nonce; no React) ask
 * /api/notifications/count every minute while the page is visible and update the text.
 */
function NotificationBell({ unread }: { unread: number }) {
  const { t } = useTranslation();
  const nonce = useNonce();
  const label = unread > 0 ? t("notifications.bell.unread", { count: unread }) : t("notifications.bell.label");
  return (
    <>
      <Link
        to="/meldingen"
        id="notification-bell"
        className={unread > 0 ? "bell has-unread" : "bell"}
        data-label={t("notifications.bell.label")}
        data-one={t("notifications.bell.unread", { count: 1 })}
        data-other={t("notifications.bell.unread", { count: 2 }).replace("2", "{{count}}")}
        suppressHydrationWarning
      >
        <span aria-hidden="true">🔔 </span>
        <span id="notification-bell-text" suppressHydrationWarning>
          {label}
        </span>
      </Link>
      <script id="notification-bell-script" nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: BELL_POLLING_SCRIPT }} />
    </>
  );
}

const BELL_POLLING_SCRIPT = `(function(){var bell=document.getElementById("notification-bell");var text=document.getElementById("notification-bell-text");if(!bell||!text||!window.fetch||bell.dataset.polling)return;bell.dataset.polling="1";function show(n){text.textContent=n>0?(n===1?bell.dataset.one:bell.dataset.other.replace("{{count}}",String(n))):bell.dataset.label;bell.className=n>0?"bell has-unread":"bell"}function ask(){if(document.hidden)return;fetch("/api/notifications/count",{credentials:"same-origin",headers:{accept:"application/json"}}).then(function(r){return r.ok?r.json():null}).then(function(d){if(d&&typeof d.unread==="number")show(d.unread)}).catch(function(){})}setInterval(ask,60000);document.addEventListener("visibilitychange",ask)})();`;

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  let title = t("errors.serverTitle");
  let text = t("errors.serverText");
  if (isRouteErrorResponse(error)) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (code === "tenant_not_found") [title, text] = [t("errors.unknownHostTitle"), t("errors.unknownHostText")];
    else if (code === "tenant_suspended") [title, text] = [t("errors.suspendedTitle"), t("errors.suspendedText")];
    else if (code === "tenant_not_ready") [title, text] = [t("errors.notReadyTitle"), t("errors.notReadyText")];
    else if (code === "service_unavailable") [title, text] = [t("errors.unavailableTitle"), t("errors.unavailableText")];
    else if (code === "bad_request" || code === "unsupported_media_type") [title, text] = [t("errors.badFormTitle"), t("errors.badFormText")];
    else if (error.status === 404) [title, text] = [t("errors.notFoundTitle"), t("errors.notFoundText")];
    else if (error.status === 403) [title, text] = [t("errors.forbiddenTitle"), t("errors.forbiddenText")];
    else if (error.status === 429) [title, text] = [t("access.errors.rateLimitedTitle"), t("access.errors.rateLimitedText")];
  }
  return (
    <section className="card error-page">
      <h1>{title}</h1>
      <p>{text}</p>
    </section>
  );
}
