import { Hono } from "hono";
import { AppError } from "@buurtplein/core";
import type { AppEnv } from "./env.ts";
import { handleError } from "./lib/errors.ts";
import { requestLanguage } from "./lib/language.ts";
import { controlPlane, requestId, requestLogger, securityHeaders } from "./middleware/request-context.ts";
import { resolveTenant } from "./middleware/tenant.ts";
import { loadSession, refreshSharedStateAfterWrites } from "./middleware/session.ts";
import { healthRoutes } from "./platform/health.ts";
import { siteRoutes } from "./tenancy/site.ts";
import { signupRoutes } from "./tenancy/signup.ts";
import { authRoutes } from "./identity/auth.ts";
import { neighbourhoodRoutes } from "./community/neighbourhoods.ts";
import { checkOrigin } from "./middleware/csrf.ts";
import { limitWritesPerSource } from "./lib/rate-limit.ts";
import { accountAccessRoutes } from "./identity/account-access.ts";
import { meRoutes } from "./identity/me.ts";
import { memberDirectoryRoutes } from "./identity/member-directory.ts";
import { devMailRoutes } from "./platform/dev-mail.ts";
import { inviteRoutes } from "./invites/invites.ts";
import { joinRoutes } from "./invites/join.ts";
import { memberRoutes } from "./identity/members.ts";
import { membershipSettingsRoutes } from "./identity/membership-settings.ts";
import { customDomainRoutes } from "./tenancy/custom-domains.ts";
import { dataExportRoutes } from "./tenancy/data-export.ts";

export function createApp() {
  const app = new Hono<AppEnv>().basePath("/api");

  // Middleware order matters: security headers → request id → logger → CSRF origin check → writes per
  // source → control plane → tenant → session. A page's in-process calls (env.PAGE_REQUEST_STATE) reuse
  // the tenant and session their first call resolved; a write among them makes the next call load the
  // session again.
  // Permissions are checked inside each route (requirePermission → can() in core), next to what they protect.
  app.use(securityHeaders);
  app.use(requestId);
  app.use(requestLogger);
  app.use(checkOrigin); // CSRF: state-changing requests only from our own origin
  app.use(limitWritesPerSource); // a coarse flood guard before any database work (decision 015)
  app.use(controlPlane);
  app.use(resolveTenant);
  // Health checks the databases itself and needs no session: registered before the session
  // middleware (whose first query would otherwise answer for it), so it reports each check.
  app.route("/health", healthRoutes);
  app.use(loadSession);
  app.use(refreshSharedStateAfterWrites);

  const routes = app
    .route("/site", siteRoutes)
    .route("/signup", signupRoutes)
    .route("/auth", authRoutes)
    .route("/auth", accountAccessRoutes)
    .route("/me", meRoutes)
    .route("/invites", inviteRoutes)
    .route("/join", joinRoutes)
    // Before memberDirectoryRoutes: its GET /:id would otherwise answer GET /members/pending.
    .route("/members", memberRoutes)
    .route("/settings/membership", membershipSettingsRoutes)
    .route("/members", memberDirectoryRoutes)
    .route("/dev", devMailRoutes)
    .route("/neighbourhoods", neighbourhoodRoutes)
    .route("/settings/domains", customDomainRoutes)
    .route("/settings/export", dataExportRoutes);

  routes.notFound(async (c) => c.json(new AppError("not_found", { message: "apiErrors.routeNotFound" }).toBody(await requestLanguage(c)), 404));
  routes.onError(handleError);
  return routes;
}

/** The API's routes with their answers, for the pages' typed client (`hc<ApiApp>`, apps/web/app/lib/api.server.ts). */
export type ApiApp = ReturnType<typeof createApp>;
