// What a run changed in the working tree: `git status --porcelain` (untracked files included) at
// its start and at its end, with a hash of each listed file, so that a file the developer had
// already edited counts only when the run changed it again. A test run writes no file of the
// repository; only commands a person runs on purpose do (--write-readme, --write, --write-docs).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Porcelain lines → path (the new path of a rename), unquoted where git quoted it. */
function pathOf(line) {
  const path = line.slice(3).split(" -> ").pop();
  return path.startsWith('"') ? JSON.parse(path) : path;
}

function hashOf(root, path) {
  const file = join(root, path);
  if (!existsSync(file)) return "(deleted)";
  if (statSync(file).isDirectory()) return "(directory)";
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/**
 * The working tree's state: a Map of "XY path" → content hash, or undefined when `root` is not
 * a git working tree (a tarball, no git): then there is nothing to compare.
 */
export function snapshot(root) {
  const out = spawnSync("git", ["status", "--porcelain", "--untracked-files=all"], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (out.error || out.status !== 0) return undefined;
  const state = new Map();
  for (const line of out.stdout.split("\n").filter(Boolean)) state.set(line, hashOf(root, pathOf(line)));
  return state;
}

/** The entries of `after` that are new since `before`, or whose file changed: what the run wrote. */
export function changedBetween(before, after) {
  return [...after].filter(([line, hash]) => before.get(line) !== hash).map(([line]) => line);
}
