// Database clients. Always the web flavour of @libsql/client (plain fetch over Hrana HTTP): it runs
// both in Cloudflare workerd and in Node 22, so the same code serves workers, CLIs and tests.
import { createClient, type Client } from "@libsql/client/web";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { drizzle } from "drizzle-orm/libsql/web";
import * as controlSchema from "./control/schema.ts";
import * as tenantSchema from "./tenant/schema.ts";

export type { Client } from "@libsql/client/web";

export interface DbClientConfig {
  url: string;
  authToken?: string | undefined;
}

export type ControlDb = LibSQLDatabase<typeof controlSchema> & { $client: Client };
export type TenantDb = LibSQLDatabase<typeof tenantSchema> & { $client: Client };

export function createDbClient({ url, authToken }: DbClientConfig): Client {
  return createClient({ url, authToken, intMode: "number" });
}

export function openControlDb(client: Client): ControlDb {
  return drizzle(client, { schema: controlSchema });
}

export function openTenantDb(client: Client): TenantDb {
  return drizzle(client, { schema: tenantSchema });
}
