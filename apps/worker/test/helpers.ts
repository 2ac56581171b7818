import { CLIENT_SOURCE_HEADER } from "@buurtplein/core";
// Test helpers that run inside workerd: requests go through the real worker entry point, and direct
// database access uses the same bindings the worker has.
import { env, exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { controlSchema, createDbClient, openControlDb, openTenantDb, tenantDbClient, type TenantDb } from "@buurtplein/db";
import { tenantTokenKey } from "../src/tenancy/tenant-token-key.ts";
import type { Bindings } from "../src/env.ts";

export const DEMO_PASSWORD = "buurtplein-demo";
export const bindings = env as unknown as Bindings;

type Worker = { fetch(request: Request): Promise<Response> };

/** A random private IPv4 address (10.x.y.z): a visitor of its own. */
export function randomIp(): string {
  const [a, b, c] = crypto.getRandomValues(new Uint8Array(3));
  return `10.${a}.${b}.${c}`;
}

/** Sends a request to the API worker as if the visitor's host were `host`. */
export async function call(host: string, path: string, init: RequestInit & { json?: unknown; cookie?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  if (init.cookie) headers.set("cookie", init.cookie);
  // Every request comes from its own visitor IP unless a test says otherwise: per-IP rate limits of
  // one test never hit another.
  if (!headers.has(CLIENT_SOURCE_HEADER)) headers.set(CLIENT_SOURCE_HEADER, randomIp());
  const request = new Request(`http://${host}${path}`, {
    ...init,
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
  return (exports as unknown as { default: Worker }).default.fetch(request);
}

export async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Logs in and returns the session cookie ("bp_session=…"). */
export async function login(host: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await call(host, "/api/auth/login", { method: "POST", json: { email, password } });
  if (response.status !== 200) throw new Error(`login ${email} on ${host}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("bp_session="));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0]!;
}

export function control() {
  return openControlDb(createDbClient({ url: bindings.CONTROL_DB_URL, authToken: bindings.CONTROL_DB_TOKEN }));
}

export async function tenantDb(slug: string): Promise<TenantDb> {
  const [tenant] = await control().select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, slug)).limit(1);
  if (!tenant?.dbUrl || !tenant.dbToken) throw new Error(`tenant ${slug} not provisioned`);
  return openTenantDb(await tenantDbClient(tenant, await tenantTokenKey(bindings)));
}

/** A slug no other test uses. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}
