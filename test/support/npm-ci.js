// `npm ci` of a sub-package (a folder with its own package.json and package-lock.json), done
// only when needed: the runtimes (test/runtimes) and each example (examples/<name>) install this
// way when their phase runs, so the root `npm ci` stays lean. Bounded (a time limit on npm),
// cached (a stamp of the lockfile in node_modules: an install from the same lockfile is reused,
// npm's own cache serves the tarballs), and complete (npm ci installs exactly the lockfile, or fails).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const INSTALL_MS = 600_000;
const done = new Map();

function stampOf(folder) {
  const hash = createHash("sha256");
  for (const file of ["package.json", "package-lock.json"]) hash.update(readFileSync(join(folder, file)));
  return hash.digest("hex");
}

/**
 * Runs `npm ci --prefix <folder>` unless node_modules there was installed from the same
 * package.json and lockfile; returns undefined, or what failed and how to retry by hand.
 * Checked once per process and folder.
 */
export function npmCiOnce(folder) {
  if (!done.has(folder)) done.set(folder, install(folder));
  return done.get(folder);
}

function install(folder) {
  const name = relative(root, folder) || ".";
  const command = `npm ci --prefix ${name}`;
  const stampFile = join(folder, "node_modules/.twitter-oauth1-installed");
  const stamp = stampOf(folder);
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return undefined;
  console.log(`installing ${name} from its lockfile: ${command}`);
  try {
    execFileSync("npm", ["ci", "--prefix", folder, "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      timeout: INSTALL_MS,
    });
  } catch (error) {
    return `"${command}" failed (${error.message}); run it by hand to see why (it needs the npm registry or npm's cache)`;
  }
  writeFileSync(stampFile, stamp);
  return undefined;
}
