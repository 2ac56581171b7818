// `npm test`: every test of the project in one vitest run, then one plain summary line
// "N passed, M failed". Installs Debian's Chromium for the browser tests when it is missing.
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

ensureChromium();
const resultsDir = join(root, "test-results");
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, "vitest.json");
rmSync(resultsFile, { force: true });

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
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
