// What a phone downloads for its first view of the neighbourhood feed: a resident logs in, then opens
// /buurt/<slug> in a browser context with an empty cache (Debian's Chromium through playwright-core,
// a phone's viewport and user agent). Prints gzip sizes in KB (1 KB = 1,000 bytes):
//   first_view_js_kb=<JavaScript>  first_view_kb=<everything: document, CSS, JS, icons, …>
//
// Sizes are measured by gzipping each response body again here (zlib, level 6, as the
// edge compresses text): the local server (`vite preview` in workerd) does not compress, so the
// bytes on the wire here are not what a phone gets. Images and other already-compressed types count
// as they are. The favicon counts too: the page's own <link rel=icon> (the SVG one when offered), or
// /favicon.ico when it names none.
//
// `npm run bench:first-view` starts the product as `npm start` does (own port and data folder);
// BENCH_BASE_URL=http://localhost:8787 measures a product that is already running instead.
// Prints figures only; never fails on size.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runProduct } from "../infra/src/local/run-product.ts";
import { gzipSync } from "node:zlib";
import { chromium, type BrowserContext } from "playwright-core";

const DEMO_PASSWORD = "buurtplein-demo";

/** A mid-range Android phone. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  locale: "nl-NL",
};

export interface FirstViewResource {
  url: string;
  type: string;
  status: number;
  /** Decoded body size in bytes. */
  bytes: number;
  /** Body size gzipped here (or as it is, for already-compressed types), in bytes. */
  gzipBytes: number;
  javaScript: boolean;
}

export interface FirstView {
  jsKb: number;
  totalKb: number;
  resources: FirstViewResource[];
}

export interface FirstViewOptions {
  /** The product's apex address, e.g. http://localhost:8787; the tenant is its subdomain. */
  baseUrl: string;
  tenant?: string;
  email?: string;
  password?: string;
  /** The feed the resident lands on. */
  feedPath?: string;
  chromiumPath?: string;
}

const ALREADY_COMPRESSED = /^(image\/(png|jpe?g|gif|webp|avif)|font\/woff2?|application\/(zip|gzip))/;

function gzipSize(body: Buffer, mimeType: string): number {
  if (ALREADY_COMPRESSED.test(mimeType)) return body.length;
  return gzipSync(body, { level: 6 }).length;
}

function isJavaScript(url: string, mimeType: string): boolean {
  return /javascript|ecmascript/.test(mimeType) || /\.m?js(?:$|\?)/.test(new URL(url).pathname);
}

function tenantBase(baseUrl: string, tenant: string): string {
  const url = new URL(baseUrl);
  url.hostname = `${tenant}.${url.hostname}`;
  return url.origin;
}

const kb = (bytes: number) => Math.round(bytes / 100) / 10;

/** Logs a resident in, then measures the feed's first view with an empty cache. */
export async function measureFirstView(options: FirstViewOptions): Promise<FirstView> {
  const tenant = options.tenant ?? "delinde";
  const base = tenantBase(options.baseUrl, tenant);
  const feedUrl = `${base}${options.feedPath ?? "/buurt/lindenhof"}`;
  const browser = await chromium.launch({
    executablePath: options.chromiumPath ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu", "--no-first-run"],
  });
  try {
    // Log in in one context; measure in a fresh one (its own, empty cache) holding only the cookies.
    const login = await browser.newContext(PHONE);
    const loginPage = await login.newPage();
    await loginPage.goto(`${base}/inloggen?met=wachtwoord`);
    await loginPage.getByLabel(/E-mailadres|E-mail address/).fill(options.email ?? "anna@delinde.example");
    await loginPage.getByLabel(/^Wachtwoord$|^Password$/).fill(options.password ?? DEMO_PASSWORD);
    await loginPage.getByRole("button", { name: /Inloggen|Log in/ }).click();
    await loginPage.getByRole("button", { name: /Uitloggen|Log out/ }).waitFor();
    const cookies = await login.cookies();
    await login.close();

    const context = await browser.newContext(PHONE);
    await context.addCookies(cookies);
    const resources = await recordPageLoad(context, feedUrl);
    const total = resources.reduce((sum, resource) => sum + resource.gzipBytes, 0);
    const js = resources.filter((resource) => resource.javaScript).reduce((sum, resource) => sum + resource.gzipBytes, 0);
    await context.close();
    return { jsKb: kb(js), totalKb: kb(total), resources };
  } finally {
    await browser.close();
  }
}

async function recordPageLoad(context: BrowserContext, url: string): Promise<FirstViewResource[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const responses = new Map<string, { url: string; type: string; status: number; mimeType: string }>();
  const finished: string[] = [];
  cdp.on("Network.responseReceived", (event) => {
    responses.set(event.requestId, { url: event.response.url, type: event.type ?? "Other", status: event.response.status, mimeType: event.response.mimeType });
  });
  cdp.on("Network.loadingFinished", (event) => finished.push(event.requestId));
  const response = await page.goto(url, { waitUntil: "networkidle" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  if (!page.url().startsWith(url)) throw new Error(`expected the feed, landed on ${page.url()}`);

  // Icons: Chromium fetches a declared icon itself, but not always as one of the page's requests (not
  // at all for the /favicon.ico that a phone's browser asks for when the page declares none), so the
  // page fetches the one a browser takes when it was not recorded yet.
  const icon = await page.evaluate(() => {
    const declared = Array.from(document.querySelectorAll<HTMLLinkElement>("link[rel~='icon']"));
    const chosen = declared.find((link) => link.type === "image/svg+xml") ?? declared[0];
    return chosen ? chosen.href : new URL("/favicon.ico", location.href).href;
  });
  if (![...responses.values()].some((seen) => seen.url === icon)) {
    await page.evaluate(async (href) => void (await (await fetch(href, { credentials: "include" })).arrayBuffer()), icon);
    await page.waitForLoadState("networkidle");
  }

  const resources: FirstViewResource[] = [];
  for (const requestId of finished) {
    const seen = responses.get(requestId);
    // Once per address: what a browser fetches twice (icons) comes from its cache the second time.
    if (!seen || seen.url.startsWith("data:") || resources.some((resource) => resource.url === seen.url)) continue;
    const { body, base64Encoded } = await cdp.send("Network.getResponseBody", { requestId });
    const bytes = Buffer.from(body, base64Encoded ? "base64" : "utf8");
    const type = seen.url === icon ? "Favicon" : seen.type;
    resources.push({ url: seen.url, type, status: seen.status, bytes: bytes.length, gzipBytes: gzipSize(bytes, seen.mimeType), javaScript: isJavaScript(seen.url, seen.mimeType) });
  }
  return resources;
}

/** Starts the product as `npm start` does, on its own port and a fresh data folder. */
async function startProduct(port: number): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "buurtplein-bench-first-view-"));
  const product = await runProduct({ port, dataDir });
  return {
    baseUrl: product.baseUrl,
    async stop() {
      await product.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const running = process.env.BENCH_BASE_URL;
  const product = running ? null : await startProduct(Number(process.env.BENCH_PORT ?? 8795));
  try {
    const result = await measureFirstView({ baseUrl: running ?? product!.baseUrl });
    if (process.argv.includes("--verbose")) {
      for (const resource of result.resources) {
        console.log(`${String(resource.status).padStart(3)} ${resource.type.padEnd(10)} ${String(kb(resource.gzipBytes)).padStart(6)} KB gz ${String(kb(resource.bytes)).padStart(6)} KB  ${resource.url}`);
      }
    }
    console.log(`first_view_requests=${result.resources.length}`);
    console.log(`first_view_js_kb=${result.jsKb}`);
    console.log(`first_view_kb=${result.totalKb}`);
  } finally {
    await product?.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
