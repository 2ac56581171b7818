// `npm run jobs -- <job> --tenant <slug> [--port 8787]`: runs a scheduled job (digest, retention, care) now
// for one corporation of the locally running product (`npm start`), through its dev-only route
// POST /api/dev/jobs/<job> (refused in production), and prints the job's report. The digest runs as if
// every member's preferred hour had come; its mail appears at http://<slug>.localhost:<port>/dev/mail.
import { request } from "node:http";

const args = process.argv.slice(2);
const job = args.find((arg) => !arg.startsWith("--") && args[args.indexOf(arg) - 1] !== "--tenant" && args[args.indexOf(arg) - 1] !== "--port");
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
};
const tenant = option("tenant");
const port = Number(option("port") ?? process.env.PORT ?? 8787);

if (!job || !tenant || !/^[a-z0-9-]+$/.test(tenant) || !Number.isInteger(port)) {
  process.stderr.write("usage: npm run jobs -- <digest|retention|care> --tenant <slug> [--port 8787]\n");
  process.exit(2);
}

// Node does not resolve *.localhost: ask 127.0.0.1 with the corporation's host name.
const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
  const sent = request(
    { host: "127.0.0.1", port, path: `/api/dev/jobs/${encodeURIComponent(job)}`, method: "POST", headers: { host: `${tenant}.localhost:${port}`, "content-length": "0" } },
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
process.stdout.write(`mail: http://${tenant}.localhost:${port}/dev/mail\n`);
