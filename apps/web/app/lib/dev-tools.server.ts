// Developer tools (the dev mailbox) exist only when the Worker runs in development or test.
import { env } from "cloudflare:workers";

export function devToolsEnabled(): boolean {
  const environment = (env as unknown as { ENVIRONMENT?: string }).ENVIRONMENT;
  return environment === "development" || environment === "test";
}
