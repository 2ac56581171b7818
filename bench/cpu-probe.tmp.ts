import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runProduct } from "../infra/src/local/run-product.ts";
import { hostRequest } from "./host-request.ts";
const PORT = 8895;
function cpu(group: number) { let t = 0; for (const e of readdirSync("/proc")) { if (!/^\d+$/.test(e)) continue; try { const s = readFileSync(`/proc/${e}/stat`, "utf8"); const f = s.slice(s.lastIndexOf(")") + 2).split(" "); const n = s.slice(s.indexOf("(")+1, s.lastIndexOf(")")); if (Number(f[2]) === group && n.startsWith("workerd")) t += Number(f[11]) + Number(f[12]); } catch {} } return t * 10; }
const product = await runProduct({ port: PORT, dataDir: mkdtempSync(join(tmpdir(), "probe-")) });
const HOST = `delinde.localhost:${PORT}`;
const login = await hostRequest(PORT, HOST, "/api/auth/login", { method: "POST", json: { identifier: "anna@delinde.example", password: "buurtplein-demo" } });
const cookie = login.setCookies.map((c) => c.split(";")[0]).join("; ");
const css = /href="(\/assets\/[^"]+\.css)"/.exec((await hostRequest(PORT, HOST, "/inloggen")).body)?.[1] ?? "/favicon.svg";
for (const [label, path, c, host] of [["asset", css, "", HOST], ["apex api 404", "/api/nope", "", `localhost:${PORT}`], ["tenant api 404", "/api/nope", "", HOST], ["api health", "/api/health", ""], ["api/site anon", "/api/site", ""], ["api/site", "/api/site", cookie], ["api feed", "/api/neighbourhoods/lindenhof/posts", cookie], ["page home anon", "/", ""], ["page feed", "/buurt/lindenhof", cookie, HOST]] as const) {
  const H = (host as string | undefined) ?? HOST;
  for (let i = 0; i < 20; i++) await hostRequest(PORT, H, path, { headers: c ? { cookie: c } : {} });
  const b = cpu(product.processGroup); const t0 = performance.now();
  for (let i = 0; i < 300; i++) await hostRequest(PORT, H, path, { headers: c ? { cookie: c } : {} });
  console.log(label.padEnd(16), "cpu ms/req", ((cpu(product.processGroup) - b) / 300).toFixed(2), "wall ms", ((performance.now() - t0) / 300).toFixed(2));
}
await product.stop();
