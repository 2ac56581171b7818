// Leaving with the data (admins): the corporation's whole database as one SQLite file (a consistent
// snapshot the provider makes while the site keeps serving), and every uploaded file as one tar archive.
import { Hono } from "hono";
import { AppError } from "@buurtplein/core";
import { safeEntryName, tarEnd, tarEntryHeader, tarPadding } from "@buurtplein/core/tenancy/tar-archive";
import type { AppEnv, Bindings } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { listTenantFileKeys, tenantFilePrefix } from "../lib/file-store.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { tenantDatabasesFor } from "./tenant-databases.ts";

const ADMIN_ONLY = "apiErrors.dataExport.adminOnly";

/** "2026-12-01": the day in the file names. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}

/**
 * The tar archive of every object under `prefix`, produced entry by entry as the reader asks for it
 * (one object's body at a time, never the whole archive in memory). Names lose the prefix.
 */
export function tenantFilesArchive(bucket: Bindings["FILES"], prefix: string, keys: readonly string[]): ReadableStream<Uint8Array> {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (const key of keys) {
      const object = await bucket.get(key);
      if (!object) continue; // removed since the listing
      yield tarEntryHeader({ name: safeEntryName(key.slice(prefix.length)), size: object.size, modifiedAt: object.uploaded.getTime() });
      const reader = (object.body as unknown as ReadableStream<Uint8Array>).getReader();
      let written = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        written += value.length;
        yield value;
      }
      if (written !== object.size) throw new Error(`file ${key} changed while it was archived`);
      yield tarPadding(object.size);
    }
    yield tarEnd();
  }
  const iterator = chunks();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}

export const dataExportRoutes = new Hono<AppEnv>()

// GET /api/settings/export — the whole tenant database as one SQLite file (admins)
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "data.export", {}, ADMIN_ONLY);
  if (!site.tenant.dbName) throw new AppError("service_unavailable", { message: "apiErrors.dataExport.unavailable" });
  // Recorded first, so the export itself shows who downloaded it.
  await audit(site.db, { actorId: actor.userId, action: "data.export", details: { what: "database" } });
  let snapshot;
  try {
    snapshot = await tenantDatabasesFor(c.env).exportDatabase(site.tenant.dbName);
  } catch (error) {
    if (error instanceof AppError) throw error;
    c.get("logger").log("error", "database export failed", { tenant: site.tenant.slug, error: error instanceof Error ? error.message : String(error) });
    throw new AppError("service_unavailable", { message: "apiErrors.dataExport.unavailable" });
  }
  const headers: Record<string, string> = {
    "content-type": "application/vnd.sqlite3",
    "content-disposition": attachment(`buurtplein-${site.tenant.slug}-${today()}.sqlite`),
    "cache-control": "no-store",
  };
  if (snapshot.size !== null) headers["content-length"] = String(snapshot.size);
  return c.body(snapshot.body, 200, headers);
})

// GET /api/settings/export/files — every uploaded file of the corporation as one tar archive (admins)
.get("/files", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "data.export", {}, ADMIN_ONLY);
  const prefix = tenantFilePrefix(site.tenant.id);
  // file-store.ts types the bucket with the global R2Bucket, the bindings with the module's: the same object.
  const keys = await listTenantFileKeys(c.env.FILES as unknown as Parameters<typeof listTenantFileKeys>[0], site.tenant.id);
  await audit(site.db, { actorId: actor.userId, action: "data.export", details: { what: "files", count: keys.length } });
  return c.body(tenantFilesArchive(c.env.FILES, prefix, keys), 200, {
    "content-type": "application/x-tar",
    "content-disposition": attachment(`buurtplein-${site.tenant.slug}-bestanden-${today()}.tar`),
    "cache-control": "no-store",
  });
});
