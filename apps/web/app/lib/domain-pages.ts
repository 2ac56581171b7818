// Shared by the admin pages for the corporation's own domains and its data export.
import type { Viewer } from "./site-context.ts";

export const viewerIsAdmin = (viewer: Viewer) => viewer.user.role === "admin";

/** http(s)://host[:port] as this request was made, for another hostname (the port matters locally). */
export function originFor(request: Request, hostname: string): string {
  const url = new URL(request.url);
  return `${url.protocol}//${hostname}${url.port ? `:${url.port}` : ""}`;
}
