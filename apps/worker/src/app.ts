import { Hono } from "hono";
import { AppError } from "@buurtplein/core";
import type { AppEnv } from "./env.ts";
import { handleError } from "./lib/errors.ts";
import { controlPlane, requestId, requestLogger } from "./middleware/request-context.ts";
import { resolveTenant } from "./middleware/tenant.ts";
import { loadSession } from "./middleware/session.ts";
import { healthRoutes } from "./routes/health.ts";
import { siteRoutes } from "./routes/site.ts";
import { signupRoutes } from "./routes/signup.ts";
import { authRoutes } from "./routes/auth.ts";
import { neighbourhoodRoutes } from "./routes/neighbourhoods.ts";
import { checkOrigin } from "./middleware/csrf.ts";
import { limitWritesPerSource } from "./lib/rate-limit.ts";
import { accountAccessRoutes } from "./routes/account-access.ts";
import { meRoutes } from "./routes/me.ts";
import { memberDirectoryRoutes } from "./routes/member-directory.ts";
import { devMailRoutes } from "./routes/dev-mail.ts";
import { inviteRoutes } from "./routes/invites.ts";
import { joinRoutes } from "./routes/join.ts";
import { memberRoutes } from "./routes/members.ts";
import { membershipSettingsRoutes } from "./routes/membership-settings.ts";

export function createApp() {
  const app = new Hono<AppEnv>().basePath("/api");

  // Middleware order matters: request id → logger → CSRF origin check → writes per source → control plane → tenant → session.
  // Permissions are checked inside each route (requirePermission → can() in core), next to what they protect.
  app.use(requestId);
  app.use(requestLogger);
  app.use(checkOrigin); // CSRF: state-changing requests only from our own origin
  app.use(limitWritesPerSource); // a coarse flood guard before any database work (decision 011)
  app.use(controlPlane);
  app.use(resolveTenant);
  app.use(loadSession);

  app.route("/health", healthRoutes);
  app.route("/site", siteRoutes);
  app.route("/signup", signupRoutes);
  app.route("/auth", authRoutes);
  app.route("/auth", accountAccessRoutes);
  app.route("/me", meRoutes);
  app.route("/invites", inviteRoutes);
  app.route("/join", joinRoutes);
  // Before memberDirectoryRoutes: its GET /:id would otherwise answer GET /members/pending.
  app.route("/members", memberRoutes);
  app.route("/settings/membership", membershipSettingsRoutes);
  app.route("/members", memberDirectoryRoutes);
  app.route("/dev", devMailRoutes);
  app.route("/neighbourhoods", neighbourhoodRoutes);

  app.notFound((c) => c.json(new AppError("not_found", "Deze API-route bestaat niet.").toBody(), 404));
  app.onError(handleError);
  return app;
}
