import { Hono } from "hono";
import { eq } from "drizzle-orm";
import { AppError, hashPassword, isMessageKey, tenantOrigin, ZTenantSignupInput, ZTenantSlug } from "@buurtplein/core";
import { controlSchema, provisionTenant, requestTenant, SlugTakenError, TenantProvisioningError, tenantMigrations } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { tenantDatabasesFor } from "./tenant-databases.ts";
import { tenantTokenKey } from "./tenant-token-key.ts";
import { clientIp, hitRateLimit } from "../lib/rate-limit.ts";
import { RATE_LIMITS } from "../identity/rate-limit-rules.ts";
import { say } from "../lib/language.ts";

function requireApex(kind: string) {
  if (kind !== "apex") throw new AppError("not_found", { message: "apiErrors.signup.apexOnly" });
}

export const signupRoutes = new Hono<AppEnv>()

// GET /api/signup/slug?slug=… — is this web address still free? (live feedback on the sign-up form)
.get("/slug", async (c) => {
  requireApex(c.get("site").kind);
  const parsed = ZTenantSlug.safeParse(c.req.query("slug") ?? "");
  if (!parsed.success) {
    const issue = parsed.error.issues[0]?.message ?? "";
    return c.json({ available: false, reason: await say(c, isMessageKey(issue) ? issue : "validation.signup.slugShape") });
  }
  const [existing] = await c
    .get("control")
    .select({ id: controlSchema.tenants.id })
    .from(controlSchema.tenants)
    .where(eq(controlSchema.tenants.slug, parsed.data))
    .limit(1);
  return c.json({ available: !existing, reason: existing ? await say(c, "apiMessages.slugInUse") : null });
})

// POST /api/signup — a corporation signs up: control-plane row, its own database, migrations, first admin
.post("/", async (c) => {
  requireApex(c.get("site").kind);
  const input = parseInput(ZTenantSignupInput, await readJson(c));
  await hitRateLimit(c.get("controlClient"), RATE_LIMITS.signupPerIp(clientIp(c)));
  const control = c.get("control");
  // Checked before anything is recorded: without the key no database token can be stored.
  const tokenKey = await tenantTokenKey(c.env).catch((error: unknown) => {
    c.get("logger").log("error", "signup refused: tenant token key unusable", { error: error instanceof Error ? error.message : String(error) });
    throw new AppError("service_unavailable", { message: "apiErrors.signup.unavailable" });
  });
  let tenant;
  try {
    tenant = await requestTenant(control, {
      slug: input.slug,
      name: input.name,
      admin: { email: input.adminEmail, displayName: input.adminName, passwordHash: await hashPassword(input.adminPassword) },
    });
  } catch (error) {
    if (error instanceof SlugTakenError) {
      throw new AppError("slug_taken", { message: "errors.slug_taken", fields: { slug: "apiErrors.signup.slugTakenField" } });
    }
    throw error;
  }
  let provisioned;
  try {
    provisioned = await provisionTenant({ control, databases: tenantDatabasesFor(c.env), tenantId: tenant.id, tenantMigrations, tokenKey });
  } catch (error) {
    if (!(error instanceof TenantProvisioningError)) throw error;
    // The tenant stays "failed" at its step in the control plane; running provisioning again resumes it.
    c.get("logger").log("error", "provisioning failed", { tenant: tenant.slug, error: error.message });
    throw new AppError(
      "service_unavailable",
      { message: "apiErrors.signup.provisioningFailed", details: { slug: tenant.slug } },
    );
  }
  return c.json(
    { tenant: { slug: provisioned.slug, name: provisioned.name, status: provisioned.status, url: tenantOrigin(provisioned.slug, new URL(c.req.url).origin) } },
    201,
  );
});
