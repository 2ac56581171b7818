// `npm test`: the type-check of every package, a dry-run deploy build of the Worker (its bundle size),
// then every test of the project in one vitest run, and one plain summary line "N passed, M failed"
// that counts each check and each test once. Installs Debian's Chromium for the browser tests when it
// is missing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ["sudo"];
  console.log(`[test] ${CHROMIUM} is missing: installing Debian's chromium (apt-get)`);
  const run = (args: string[]) => spawnSync(sudo.length ? "sudo" : args[0]!, sudo.length ? args : args.slice(1), {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  run(["apt-get", "update", "-qq"]);
  const install = run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-dejavu-core"]);
  if (install.status !== 0 || !existsSync(CHROMIUM)) {
    console.error("[test] could not install chromium; browser tests will fail");
  }
}

/** Packages with a `typecheck` script, in dependency order. */
const TYPECHECKED = ["@buurtplein/core", "@buurtplein/db", "@buurtplein/infra", "@buurtplein/worker", "@buurtplein/web"];
const WORKER_GZIP_LIMIT_KB = 1024;

interface Check {
  name: string;
  ok: boolean;
}

function typecheck(name: string): Check {
  const result = spawnSync("pnpm", ["--filter", name, "--silent", "run", "typecheck"], { cwd: root, stdio: "inherit" });
  console.log(`[test] typecheck ${name}: ${result.status === 0 ? "ok" : "FAILED"}`);
  return { name: `typecheck ${name}`, ok: result.status === 0 };
}

/** The benchmarks (bench/, not part of a workspace package) are type-checked on their own. */
function typecheckBench(): Check {
  const result = spawnSync(join(root, "node_modules/.bin/tsc"), ["-p", join(root, "bench/tsconfig.json")], { cwd: root, stdio: "inherit" });
  console.log(`[test] typecheck bench: ${result.status === 0 ? "ok" : "FAILED"}`);
  return { name: "typecheck bench", ok: result.status === 0 };
}

/**
 * The production build of the deployment's Worker (root wrangler.toml, env production) and
 * `wrangler deploy --dry-run` on it: prints the bundle size; fails over 1 MB gzipped.
 */
function deployDryRun(): Check {
  const name = "worker deploy dry run";
  const web = join(root, "apps/web");
  const env = { ...process.env, CLOUDFLARE_ENV: "production" };
  delete env.BUURTPLEIN_BUILD_DIR;
  delete env.BUURTPLEIN_WORKER_VARS;
  const build = spawnSync(join(web, "node_modules/.bin/react-router"), ["build"], { cwd: web, env, encoding: "utf8" });
  if (build.status !== 0) {
    console.error(`[test] ${name}: the production build failed\n${build.stdout}${build.stderr}`);
    return { name, ok: false };
  }
  const outDir = join(resultsDir, "deploy-dry-run");
  const dryRun = spawnSync(
    join(web, "node_modules/.bin/wrangler"),
    ["deploy", "--dry-run", "--outdir", outDir, "-c", join(web, "build/server/wrangler.json")],
    { cwd: web, env: { ...env, WRANGLER_SEND_METRICS: "false" }, encoding: "utf8" },
  );
  const sizes = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(`${dryRun.stdout}${dryRun.stderr}`);
  if (dryRun.status !== 0 || !sizes) {
    console.error(`[test] ${name}: wrangler deploy --dry-run failed\n${dryRun.stdout}${dryRun.stderr}`);
    return { name, ok: false };
  }
  const gzipKb = Number(sizes[2]);
  const ok = gzipKb <= WORKER_GZIP_LIMIT_KB;
  console.log(`[test] ${name}: worker_bundle_kb=${sizes[1]} worker_bundle_gzip_kb=${sizes[2]} (limit ${WORKER_GZIP_LIMIT_KB}) ${ok ? "ok" : "FAILED"}`);
  return { name, ok };
}

ensureChromium();
const resultsDir = join(root, "test-results");
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, "vitest.json");
rmSync(resultsFile, { force: true });
// A run of chosen tests (`npm test -- --project worker …`) skips the whole-project checks.
const targeted = process.argv.length > 2;
const checks: Check[] = targeted ? [] : [...TYPECHECKED.map(typecheck), typecheckBench(), deployDryRun()];

const vitest = spawnSync(
  join(root, "node_modules/.bin/vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: { ...process.env, CHROMIUM_PATH: CHROMIUM } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
  };
  passed = results.numPassedTests;
  // A test file that fails to load (no test ran, file failed) counts as one failure too.
  const brokenFiles = results.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  );
  for (const file of brokenFiles) console.error(`[test] ${file.name} failed to run: ${file.message ?? "unknown error"}`);
  failed = results.numFailedTests + brokenFiles.length;
  skipped = results.numPendingTests + results.numTodoTests;
} else {
  failed = 1;
}
if (vitest.status !== 0 && failed === 0) failed = 1;
// Server-side errors of the product the browser tests ran against, to explain a failure.
const productLog = join(resultsDir, "e2e-product.log");
if (existsSync(productLog)) {
  const errors = readFileSync(productLog, "utf8").split("\n").filter((line) => line.includes('"level":"error"'));
  if (errors.length > 0) {
    console.log(`[test] the product logged ${errors.length} error(s) during the browser tests (test-results/e2e-product.log):`);
    for (const line of errors.slice(0, 20)) console.log(`  ${line.slice(0, 2000)}`);
  }
}
const failedChecks = checks.filter((check) => !check.ok);
for (const check of failedChecks) console.error(`[test] failed: ${check.name}`);
passed += checks.length - failedChecks.length;
failed += failedChecks.length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
