// Acting as the platform operator of the product the browser tests run against: its control plane,
// and a corporation signed up through the public API for a test of its own.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { createDbClient, LocalTenantDatabases, openControlDb, type ControlDb } from "@buurtplein/db";
import { apexUrl } from "./browser.ts";

/** The control plane of the running product, reached as the platform operator would. */
export async function controlPlane(): Promise<ControlDb> {
  const adminToken = readFileSync(join(inject("dataDir"), "admin-token"), "utf8").trim();
  const databases = new LocalTenantDatabases({ adminUrl: `http://127.0.0.1:${inject("port") - 1}`, adminToken });
  const control = await databases.createDatabase("control");
  return openControlDb(createDbClient({ url: control.url, authToken: control.token }));
}

/** Signs up a corporation of its own (a unique slug starting with `prefix`) and returns its slug. */
export async function signUpCorporation(prefix: string, name: string): Promise<string> {
  const slug = `${prefix}${Date.now().toString(36)}`;
  const signup = await fetch(apexUrl("/api/signup"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, slug, adminName: "Beheer", adminEmail: `beheer@${prefix}.example`, adminPassword: "een-lang-wachtwoord" }),
  });
  if (signup.status !== 201) throw new Error(`sign-up of ${slug} answered ${signup.status}: ${await signup.text()}`);
  return slug;
}
