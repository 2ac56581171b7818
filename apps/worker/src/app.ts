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

export function createApp() {
  const app = new Hono<AppEnv>().basePath("/api");

  // Middleware order matters: request id → logger → control plane → tenant → session.
  // Roles are checked inside each route (requireActor / requireRole), next to what they protect.
  app.use(requestId);
  app.use(requestLogger);
  app.use(controlPlane);
  app.use(resolveTenant);
  app.use(loadSession);

  app.route("/health", healthRoutes);
  app.route("/site", siteRoutes);
  app.route("/signup", signupRoutes);
  app.route("/auth", authRoutes);
  app.route("/neighbourhoods", neighbourhoodRoutes);

  app.notFound((c) => c.json(new AppError("not_found", "Deze API-route bestaat niet.").toBody(), 404));
  app.onError(handleError);
  return app;
}
