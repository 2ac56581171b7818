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
import { postRoutes } from "./community/posts.ts";
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
import { neighbourhoodAdminRoutes } from "./neighbourhoods/neighbourhood-admin.ts";
import { complexRoutes } from "./neighbourhoods/complexes.ts";
import { firstRunRoutes } from "./tenancy/first-run.ts";
import { staffRoutes } from "./staff/staff.ts";
import { organisationRoutes } from "./staff/organisations.ts";
import { ambassadorRoutes } from "./staff/ambassadors.ts";
import { brandingRoutes, logoRoutes } from "./branding/branding.ts";
import { sponsorRoutes } from "./branding/sponsors.ts";
import { fileRoutes } from "./files/file-routes.ts";
import { operatorRoutes } from "./operator/operator-routes.ts";
import { deletionRequestRoutes } from "./tenancy/deletion-request.ts";
import { activityRoutes } from "./activities/activities.ts";
import { neighbourhoodActivityRoutes } from "./activities/neighbourhood-activities.ts";
import { partnerRoutes } from "./activities/partner-activities.ts";
import { calendarRoutes } from "./activities/calendar.ts";
import { notificationRoutes } from "./notifications/notification-routes.ts";
import { unsubscribeRoutes } from "./notifications/unsubscribe-routes.ts";
import { devJobRoutes } from "./jobs/dev-jobs.ts";
import { customDomainRoutes } from "./tenancy/custom-domains.ts";
import { dataExportRoutes } from "./tenancy/data-export.ts";
import { photoRoutes, uploadRoutes } from "./community/photos.ts";
import { devSearchRoutes, searchRoutes } from "./community/search.ts";
import { signalRoutes } from "./care/signal-routes.ts";
import { careRoutes } from "./care/care-routes.ts";
import { insightRoutes as signalInsightRoutes } from "./care/insight-routes.ts";
import { moderationRoutes, reportRoutes } from "./moderation/moderation.ts";
import { neighbourhoodParticipationRoutes, pollRoutes, priorityRoutes, pulseRoutes } from "./participation/participation-routes.ts";
import { insightRoutes as participationInsightRoutes } from "./participation/insight-routes.ts";

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
  // The platform operator's console API answers on the apex only and needs no tenant: before the
  // tenant middleware, so a suspended or unknown tenant host gets the operator routes' own 403.
  const withOperator = app.route("/operator", operatorRoutes);
  app.use(resolveTenant);
  // Health checks the databases itself and needs no session: registered before the session
  // middleware (whose first query would otherwise answer for it), so it reports each check.
  app.route("/health", healthRoutes);
  // Uploaded files (logos) need no session either: served straight from R2, on the tenant's own hosts.
  app.route("/files", fileRoutes);
  app.use(loadSession);
  app.use(refreshSharedStateAfterWrites);

  const routes = withOperator
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
    .route("/neighbourhoods", neighbourhoodAdminRoutes)
    .route("/complexes", complexRoutes)
    .route("/setup", firstRunRoutes)
    .route("/staff", staffRoutes)
    .route("/organisations", organisationRoutes)
    .route("/ambassadors", ambassadorRoutes)
    .route("/settings/branding", brandingRoutes)
    .route("/settings/logo", logoRoutes)
    .route("/sponsors", sponsorRoutes)
    .route("/settings/deletion", deletionRequestRoutes)
    .route("/posts", postRoutes)
    .route("/neighbourhoods", neighbourhoodActivityRoutes)
    .route("/activities", activityRoutes)
    .route("/partner", partnerRoutes)
    .route("/calendar", calendarRoutes)
    .route("/notifications", notificationRoutes)
    .route("/digest", unsubscribeRoutes)
    .route("/dev/jobs", devJobRoutes)
    .route("/settings/domains", customDomainRoutes)
    .route("/settings/export", dataExportRoutes)
    .route("/uploads", uploadRoutes)
    .route("/photos", photoRoutes)
    .route("/search", searchRoutes)
    .route("/dev/search", devSearchRoutes)
    .route("/signals", signalRoutes)
    .route("/care", careRoutes)
    .route("/insight", signalInsightRoutes)
    .route("/reports", reportRoutes)
    .route("/moderation", moderationRoutes)
    .route("/neighbourhoods", neighbourhoodParticipationRoutes)
    .route("/polls", pollRoutes)
    .route("/pulses", pulseRoutes)
    .route("/priorities", priorityRoutes)
    .route("/insight", participationInsightRoutes);

  routes.notFound(async (c) => c.json(new AppError("not_found", { message: "apiErrors.routeNotFound" }).toBody(await requestLanguage(c)), 404));
  routes.onError(handleError);
  return routes;
}

/** The API's routes with their answers, for the pages' typed client (`hc<ApiApp>`, apps/web/app/lib/api.server.ts). */
export type ApiApp = ReturnType<typeof createApp>;
