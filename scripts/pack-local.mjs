#!/usr/bin/env node
// `npm run pack:local`: the package's tarball from a fresh clone, without the full dev install.
// Building needs only tsup and typescript, so they are installed (at the versions of
// package-lock.json) into a temporary folder, the sources are built there, and `npm pack` writes
// twitter-oauth1-<version>.tgz into this folder. Nothing in the clone changes but the tarball.
// `--out=DIR` writes the tarball there instead; other arguments go to that `npm install`
// (`--offline` to use npm's cache only).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
const args = process.argv.slice(2);
const out = resolve(args.find((arg) => arg.startsWith("--out="))?.slice(6) ?? root);
const installArgs = args.filter((arg) => !arg.startsWith("--out="));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(args, cwd) {
  // Ten minutes at most: a slow registry fails the command instead of hanging it.
  const result = spawnSync(npm, args, {
    cwd,
    stdio: ["ignore", "inherit", "inherit"],
    timeout: 600_000,
    shell: process.platform === "win32",
  });
  if (result.status !== 0)
    throw new Error(`npm ${args.join(" ")} failed${result.error ? `: ${result.error.message}` : ""}`);
}

const tools = ["tsup", "typescript"].map((name) => {
  const version = lock.packages?.[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`package-lock.json does not pin ${name}`);
  return `${name}@${version}`;
});

const scratch = mkdtempSync(join(tmpdir(), "twitter-oauth1-pack-"));
try {
  const toolsDir = join(scratch, "tools");
  mkdirSync(toolsDir);
  writeFileSync(join(toolsDir, "package.json"), '{ "private": true }\n');
  console.log(`Installing ${tools.join(" and ")} into a temporary folder (not the full dev install)…`);
  run(["install", "--no-audit", "--no-fund", "--no-package-lock", ...installArgs, ...tools], toolsDir);

  const build = join(scratch, "package");
  mkdirSync(build);
  for (const entry of ["src", "tsup.config.ts", "tsconfig.json", "package.json", "README.md", "LICENSE"]) {
    cpSync(join(root, entry), join(build, entry), { recursive: true });
  }
  symlinkSync(join(toolsDir, "node_modules"), join(build, "node_modules"), "junction");
  // npm pack runs the prepack script (npm run build: tsup), then packs package.json "files".
  run(["pack", "--pack-destination", out, "--ignore-scripts=false"], build);
  const tarball = `${manifest.name}-${manifest.version}.tgz`;
  console.log(`\nWrote ${join(out, tarball)}. Try the fake X from it (in ${out}):\n`);
  console.log(`  npx --yes --package ./${tarball} twitter-oauth1 fake-x\n`);
  console.log(`or install it in an app: npm install ${join(out, tarball)}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
