// A Vite plugin for the unit phase: an import of the build (dist/, or the package by its own name,
// which resolves to dist/) is an error, so a unit test cannot pass only after `npm run build`.
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dist = join(root, "dist");

/** Whether `path` (absolute, maybe with a ?query) is dist/ or inside it. */
export function insideDist(path: string): boolean {
  const file = path.replace(/[?#].*$/, "");
  return file === dist || file.startsWith(dist + sep);
}

/** The message every refusal of the unit phase ends with: where the test belongs instead. */
export const MOVE_TO_BUILT = "the unit phase runs without a build: list this test in test/phases/built-tests.ts";

/** Refuses, at resolve and load time, any module of dist/ or the package's self-reference. */
export function noDistImports(): Plugin {
  return {
    name: "unit-phase-no-dist",
    enforce: "pre",
    resolveId(source, importer) {
      const selfReference = source === "twitter-oauth1" || source.startsWith("twitter-oauth1/");
      const target = source.startsWith(".") && importer ? resolve(dirname(importer), source) : source;
      // Vite names a module by its path from the root ("/dist/index.js") when it cannot find the file.
      const fromRoot = source.startsWith("/") ? join(root, source) : source;
      if (selfReference || insideDist(target) || insideDist(fromRoot)) {
        throw new Error(`import of "${source}" reads dist/: ${MOVE_TO_BUILT}`);
      }
      return null;
    },
    load(id) {
      if (insideDist(id)) throw new Error(`${id} is in dist/: ${MOVE_TO_BUILT}`);
      return null;
    },
  };
}
