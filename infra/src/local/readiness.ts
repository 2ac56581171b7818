// Is the served product answering, for the apex and for every corporation? Requests go to 127.0.0.1
// (where apps/web/vite.config.ts has the dev and preview servers listen) with the Host header of the
// site they are meant for: Node does not resolve *.localhost names.
import { request } from "node:http";
import { eq } from "drizzle-orm";
import { controlSchema, type ControlDb } from "@buurtplein/db";

/** The status of GET `path` on the product at 127.0.0.1:port as `host` sees it, or undefined when nothing answers. */
export function statusOf(port: number, host: string, path: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET", headers: { host }, timeout: 10_000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(undefined));
    req.end();
  });
}

/** The hosts whose /api/health does not answer 200 yet: the apex (control plane) and every active corporation (its own database). */
export async function unreadyHosts(port: number, control: ControlDb): Promise<string[]> {
  const active = await control.select({ slug: controlSchema.tenants.slug }).from(controlSchema.tenants).where(eq(controlSchema.tenants.status, "active"));
  const hosts = [`localhost:${port}`, ...active.map(({ slug }) => `${slug}.localhost:${port}`)];
  const statuses = await Promise.all(hosts.map((host) => statusOf(port, host, "/api/health")));
  return hosts.filter((_, index) => statuses[index] !== 200);
}
