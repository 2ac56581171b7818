// Lists, and with --yes deletes, tenant databases that no tenant in the control plane claims (left
// behind when a corporation's row was removed but its database was not; they hold that corporation's
// old data). Without --yes nothing is deleted.
//   CONTROL_DB_URL=… CONTROL_DB_TOKEN=… TENANT_DB_PROVIDER=turso TURSO_ORGANIZATION=… TURSO_API_TOKEN=… TURSO_GROUP=… \
//     tsx infra/src/cli/remove-orphan-databases.ts [--yes]
// Locally, instead of the Turso variables: LOCAL_LIBSQL_ADMIN_URL=… LOCAL_LIBSQL_ADMIN_TOKEN=… (the
// admin token is in .data/admin-token; the libSQL server listens on PORT − 7 while `npm start` runs).
import { parseArgs } from "node:util";
import {
  createDbClient,
  findOrphanDatabases,
  LocalTenantDatabases,
  openControlDb,
  TursoTenantDatabases,
  type TenantDatabases,
} from "@buurtplein/db";

const { values } = parseArgs({ options: { yes: { type: "boolean", default: false } } });

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

function tenantDatabases(): TenantDatabases {
  if (process.env.TENANT_DB_PROVIDER === "turso") {
    return new TursoTenantDatabases({
      organization: required("TURSO_ORGANIZATION"),
      apiToken: required("TURSO_API_TOKEN"),
      group: required("TURSO_GROUP"),
    });
  }
  return new LocalTenantDatabases({ adminUrl: required("LOCAL_LIBSQL_ADMIN_URL"), adminToken: required("LOCAL_LIBSQL_ADMIN_TOKEN") });
}

const controlClient = createDbClient({ url: required("CONTROL_DB_URL"), authToken: process.env.CONTROL_DB_TOKEN });
const databases = tenantDatabases();
const orphans = await findOrphanDatabases(openControlDb(controlClient), databases);
controlClient.close();

if (orphans.length === 0) {
  console.log("no databases without a tenant");
  process.exit(0);
}
for (const orphan of orphans) {
  if (values.yes) {
    await databases.deleteDatabase(orphan.name);
    console.log(`deleted ${orphan.name}`);
  } else {
    console.log(`without a tenant: ${orphan.name} (${orphan.url})`);
  }
}
console.log(
  values.yes
    ? `deleted ${orphans.length} database(s) without a tenant`
    : `${orphans.length} database(s) without a tenant; nothing deleted (dry run). Rerun with --yes to delete them.`,
);
