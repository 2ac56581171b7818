// CLI entry of the local libSQL server:
//   tsx infra/src/libsql-server/main.ts --data-dir DIR --port N --admin-token T
// (or env LIBSQL_DATA_DIR, LIBSQL_PORT, LIBSQL_ADMIN_TOKEN, LIBSQL_HOST).
import { parseArgs } from "node:util";
import { startLibsqlServer } from "./server.ts";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    "admin-token": { type: "string" },
    "log-file": { type: "string" },
    "baton-idle-ms": { type: "string" },
  },
});

const dataDir = values["data-dir"] ?? process.env.LIBSQL_DATA_DIR;
const port = Number(values.port ?? process.env.LIBSQL_PORT ?? "8080");
const adminToken = values["admin-token"] ?? process.env.LIBSQL_ADMIN_TOKEN;
if (!dataDir || !adminToken || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error("usage: main.ts --data-dir DIR --port N --admin-token T [--host H] [--log-file F] [--baton-idle-ms MS]");
  process.exit(2);
}

try {
  const server = await startLibsqlServer({
    dataDir,
    port,
    adminToken,
    host: values.host ?? process.env.LIBSQL_HOST,
    logFile: values["log-file"],
    batonIdleMs: values["baton-idle-ms"] ? Number(values["baton-idle-ms"]) : undefined,
  });
  console.log(`libsql-server listening on ${server.url}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // Started by the supervisor (IPC channel): do not outlive it, even if it is killed outright.
  if (process.connected) process.on("disconnect", stop);
} catch (error) {
  console.error(`libsql-server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
