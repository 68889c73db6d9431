// Setup file of the unit phase (vitest.config.ts): starting a child process, or reading dist/
// through node:fs, throws. The unit phase is the inner loop: it must pass from a fresh clone
// with no build, and stay fast by spawning no compiler, runtime or browser. esbuild's JavaScript
// API starts its binary with child_process.spawn, so it is refused too.
import childProcess from "node:child_process";
import fs from "node:fs";
import fsPromises from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { insideDist, MOVE_TO_BUILT } from "./no-dist-imports.js";

type Mutable = Record<string, unknown>;

// In the project "unit" one worker runs file after file and this setup file runs before each:
// a function already wrapped is not wrapped again, so the checks do not pile up.
const WRAPPED = Symbol.for("twitter-oauth1.unit-guard");

const SPAWNERS = ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"];
for (const name of SPAWNERS) {
  (childProcess as unknown as Mutable)[name] = (command: unknown) => {
    throw new Error(`child_process.${name}(${JSON.stringify(String(command))}) in a unit test: ${MOVE_TO_BUILT}`);
  };
}

/** The path a node:fs call names, when it names one by string or file: URL. */
function pathOf(argument: unknown): string | undefined {
  if (typeof argument === "string") return resolve(argument);
  if (argument instanceof URL && argument.protocol === "file:") return fileURLToPath(argument);
  return undefined;
}

/** Wraps `names` of `target` so that a call naming a path in dist/ fails (rejects, for promises). */
function guard(target: Mutable, names: string[], label: string, promises: boolean): void {
  for (const name of names) {
    const original = target[name] as ((...args: unknown[]) => unknown) & { [WRAPPED]?: true };
    if (typeof original !== "function" || original[WRAPPED]) continue;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      const path = pathOf(args[0]);
      if (path !== undefined && insideDist(path)) {
        const error = new Error(`${label}.${name}(${path}): ${MOVE_TO_BUILT}`);
        if (promises) return Promise.reject(error);
        throw error;
      }
      return original.apply(this, args);
    };
    target[name] = Object.assign(wrapped, { [WRAPPED]: true as const });
  }
}

const READERS = ["readFile", "readdir", "stat", "lstat", "access", "open", "opendir", "cp"];
guard(
  fs as unknown as Mutable,
  [...READERS, ...READERS.map((name) => `${name}Sync`), "existsSync", "createReadStream"],
  "fs",
  false,
);
// fs.promises is the same object as node:fs/promises.
guard(fsPromises as unknown as Mutable, READERS, "fs/promises", true);
// `import { execFileSync } from "node:child_process"` binds the original unless told otherwise.
syncBuiltinESMExports();
