// Leaving with the data: the whole tenant database as one SQLite file, and every uploaded file as one
// tar archive; admins only.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { readTar } from "@buurtplein/core/tenancy/tar-archive";
import { controlSchema, tenantSchema } from "@buurtplein/db";
import { bindings, call, control, json, login, tenantDb } from "./helpers.ts";
import { createFreshTenant } from "./invite-fixtures.ts";

const DELINDE = "delinde.localhost:8787";

let admin = "";
let moderator = "";
beforeAll(async () => {
  admin = await login(DELINDE, "beheer@delinde.example");
  moderator = await login(DELINDE, "sanne@delinde.example");
});

function contains(haystack: Uint8Array, text: string): boolean {
  const needle = new TextEncoder().encode(text);
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

async function tenantId(slug: string): Promise<string> {
  const [tenant] = await control().select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, slug));
  return tenant!.id;
}

describe("GET /api/settings/export", () => {
  it("answers the tenant's whole database as a SQLite file download", async () => {
    const response = await call(DELINDE, "/api/settings/export", { cookie: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.sqlite3");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="buurtplein-delinde-\d{4}-\d{2}-\d{2}\.sqlite"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 16))).toBe("SQLite format 3\0");
    expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
    // Its neighbourhoods (text is stored as UTF-8 in the pages), not another corporation's.
    expect(contains(bytes, "Lindenhof")).toBe(true);
    expect(contains(bytes, "Parkzicht")).toBe(true);
    expect(contains(bytes, "Kadekwartier")).toBe(false);
    // The download is in the audit log.
    const log = await (await tenantDb("delinde")).select().from(tenantSchema.auditLog).where(eq(tenantSchema.auditLog.action, "data.export"));
    expect(log.length).toBeGreaterThan(0);
  });

  it("is a consistent snapshot while the site keeps serving: writes during the export succeed", async () => {
    const tenant = await createFreshTenant();
    const [exported, ...written] = await Promise.all([
      call(tenant.host, "/api/settings/export", { cookie: tenant.adminCookie }),
      ...["Eerste", "Tweede", "Derde"].map((title) =>
        call(tenant.host, "/api/neighbourhoods/oudwijk/posts", { method: "POST", cookie: tenant.adminCookie, json: { kind: "announcement", title, body: "Dinsdag gaat het water even af." } }),
      ),
    ]);
    expect(written.map((response) => response.status)).toEqual([201, 201, 201]);
    expect(exported!.status).toBe(200);
    const bytes = new Uint8Array(await exported!.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 16))).toBe("SQLite format 3\0");
    expect(contains(bytes, "Oudwijk")).toBe(true);
    // After the writes, a new export holds them all.
    const later = new Uint8Array(await (await call(tenant.host, "/api/settings/export", { cookie: tenant.adminCookie })).arrayBuffer());
    for (const title of ["Eerste", "Tweede", "Derde"]) expect(contains(later, title)).toBe(true);
  });

  it("is for admins only", async () => {
    const byModerator = await call(DELINDE, "/api/settings/export", { cookie: moderator });
    expect(byModerator.status).toBe(403);
    expect((await json(byModerator)).error.code).toBe("forbidden");
    expect((await call(DELINDE, "/api/settings/export/files", { cookie: moderator })).status).toBe(403);
    expect((await call(DELINDE, "/api/settings/export")).status).toBe(401);
    expect((await call("localhost:8787", "/api/settings/export")).status).toBe(404);
  });
});

describe("GET /api/settings/export/files", () => {
  it("answers an empty archive when nothing has been uploaded", async () => {
    const tenant = await createFreshTenant();
    const response = await call(tenant.host, "/api/settings/export/files", { cookie: tenant.adminCookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-tar");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="buurtplein-${tenant.slug}-bestanden-\\d{4}-\\d{2}-\\d{2}\\.tar"$`));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes).toEqual(new Uint8Array(1024));
    expect(readTar(bytes)).toEqual([]);
  });

  it("archives every file under the tenant's prefix, and none of another tenant", async () => {
    const tenant = await createFreshTenant();
    const id = await tenantId(tenant.slug);
    const other = await tenantId("havenstad");
    const logo = new Uint8Array(3000).map((_, i) => i % 251);
    await bindings.FILES.put(`tenants/${id}/logos/logo.png`, logo);
    await bindings.FILES.put(`tenants/${id}/sponsors/bakkerij-de-korenbloem.webp`, new TextEncoder().encode("webp"));
    await bindings.FILES.put(`tenants/${other}/logos/havenstad.png`, new TextEncoder().encode("not theirs"));

    const response = await call(tenant.host, "/api/settings/export/files", { cookie: tenant.adminCookie });
    expect(response.status).toBe(200);
    const files = readTar(new Uint8Array(await response.arrayBuffer()));
    expect(files.map((file) => file.name).sort()).toEqual(["logos/logo.png", "sponsors/bakkerij-de-korenbloem.webp"]);
    expect(files.find((file) => file.name === "logos/logo.png")!.data).toEqual(logo);
    expect(new TextDecoder().decode(files.find((file) => file.name.startsWith("sponsors/"))!.data)).toBe("webp");
  });
});
