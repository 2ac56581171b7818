// `npx tsx infra/src/cli/rebuild-search-index.ts --tenant <slug> [--port 8787]`: rebuilds one
// corporation's search index (FTS5, decision 025) of the locally running product from its posts and
// replies, through the dev-only route POST /api/dev/search/rebuild (404 in production, where the same
// statements, REBUILD_SEARCH_INDEX of @buurtplein/db, run against the tenant database), and prints how
// many items are indexed.
import { request } from "node:http";

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
};
const tenant = option("tenant");
const port = Number(option("port") ?? process.env.PORT ?? 8787);

if (!tenant || !/^[a-z0-9-]+$/.test(tenant) || !Number.isInteger(port)) {
  process.stderr.write("usage: npx tsx infra/src/cli/rebuild-search-index.ts --tenant <slug> [--port 8787]\n");
  process.exit(2);
}

// Node does not resolve *.localhost: ask 127.0.0.1 with the corporation's host name.
const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
  const sent = request(
    { host: "127.0.0.1", port, path: "/api/dev/search/rebuild", method: "POST", headers: { host: `${tenant}.localhost:${port}`, "content-length": "0" } },
    (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    },
  );
  sent.on("error", reject);
  sent.end();
}).catch((error: unknown) => {
  process.stderr.write(`the product does not answer on port ${port} (is \`npm start\` running?): ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

process.stdout.write(`${answer.text}\n`);
if (answer.status !== 200) process.exit(1);
