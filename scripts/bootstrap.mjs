#!/usr/bin/env node
// Entry point for `npm start`, `npm test` and friends. It runs on whatever Node the machine has
// (Node 20 on a fresh machine), installs the project's own toolchain (Node 22 and pnpm from the npm
// registry, into toolchain/node_modules), installs the workspace's dependencies with that toolchain,
// and then hands over to the real command under Node 22. Plain JavaScript, no dependencies: it must
// run before anything is installed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const toolchainDir = join(root, "toolchain");
const toolchainBin = join(toolchainDir, "node_modules", ".bin");
const wanted = JSON.parse(readFileSync(join(toolchainDir, "package.json"), "utf8")).dependencies;

function log(message) {
  process.stdout.write(`\x1b[2m[bootstrap]\x1b[0m ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function mustRun(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    process.stderr.write(`[bootstrap] '${command} ${args.join(" ")}' failed with exit code ${status}\n`);
    process.exit(status);
  }
}

function versionOf(binary) {
  if (!existsSync(binary)) return null;
  const result = spawnSync(binary, ["--version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, "") : null;
}

function ensureToolchain() {
  const node = join(toolchainBin, "node");
  const pnpm = join(toolchainBin, "pnpm");
  if (versionOf(node) === wanted.node && versionOf(pnpm) === wanted.pnpm) return;
  log(`installing Node ${wanted.node} and pnpm ${wanted.pnpm} into toolchain/ (once)`);
  mustRun("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"], {
    cwd: toolchainDir,
  });
  if (versionOf(node) !== wanted.node) {
    process.stderr.write(`[bootstrap] toolchain/node_modules/.bin/node is not Node ${wanted.node}\n`);
    process.exit(1);
  }
}

function toolchainEnv() {
  return {
    ...process.env,
    PATH: `${toolchainBin}:${process.env.PATH ?? ""}`,
    // pnpm must not try to download another version of itself (the registry here has no signatures).
    npm_config_manage_package_manager_versions: "false",
    COREPACK_ENABLE_STRICT: "0",
  };
}

function dependencyStamp() {
  const hash = createHash("sha256");
  for (const file of ["pnpm-lock.yaml", "pnpm-workspace.yaml", "toolchain/package.json"]) {
    const path = join(root, file);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest("hex");
}

function ensureDependencies(env) {
  const stampFile = join(root, "node_modules", ".buurtplein-install-stamp");
  const stamp = dependencyStamp();
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return;
  log("installing workspace dependencies with pnpm");
  const frozen = process.env.CI ? ["--frozen-lockfile"] : [];
  mustRun(join(toolchainBin, "pnpm"), ["install", ...frozen, "--reporter=append-only"], { env });
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, stamp);
}

const [command = "start", ...rest] = process.argv.slice(2);
ensureToolchain();
const env = toolchainEnv();
ensureDependencies(env);
if (command === "install") process.exit(0);
// Hand over to the workspace script of the same name, under Node 22.
process.exit(run(join(toolchainBin, "pnpm"), ["run", "--silent", `task:${command}`, ...rest], { env }));
