// What `npm publish` would ship, checked against what users need: package.json, README.md, LICENSE,
// every file the package.json fields point at (exports in every condition, main, module, types,
// typesVersions, bin), and every file those import in turn (shared chunks of the build and of its
// declarations). Anything else is a file users do not need; anything missing breaks an import.
import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";

const ALWAYS = ["package.json", "README.md", "LICENSE"];

function targets(value, found = []) {
  if (typeof value === "string") found.push(value);
  else if (Array.isArray(value)) for (const item of value) targets(item, found);
  else if (value && typeof value === "object") for (const item of Object.values(value)) targets(item, found);
  return found;
}

const relative = (path) => posix.normalize(path.replace(/^\.\//, ""));

/** The files users need, from the manifest and the imports inside the built files under `root`. */
export function neededFiles(manifest, root) {
  const start = [
    ...targets(manifest.exports),
    manifest.main,
    manifest.module,
    manifest.types,
    ...targets(manifest.typesVersions),
    ...targets(manifest.bin),
  ].filter((path) => typeof path === "string" && !path.includes("*"));
  const needed = new Set(ALWAYS);
  const queue = start.map(relative);
  while (queue.length > 0) {
    const file = queue.shift();
    if (needed.has(file)) continue;
    needed.add(file);
    if (!/\.(c|m)?(js|ts)$/.test(file) || !existsSync(join(root, file))) continue;
    const text = readFileSync(join(root, file), "utf8");
    const declaration = /\.d\.(c|m)?ts$/.test(file);
    for (const match of text.matchAll(
      /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g,
    )) {
      const target = posix.normalize(posix.join(posix.dirname(file), match[1]));
      // In a declaration file, "./chunk.js" names ./chunk.d.ts (and "./chunk.cjs" ./chunk.d.cts).
      queue.push(declaration ? target.replace(/\.(c|m)?js$/, (_, kind) => `.d.${kind ?? ""}ts`) : target);
    }
  }
  return needed;
}

/** Problems with a shipped file list: extra files, and needed files that are not shipped. */
export function publishedFilesProblems(shipped, manifest, root) {
  const needed = neededFiles(manifest, root);
  const set = new Set(shipped);
  return [
    ...shipped.filter((file) => !needed.has(file)).map((file) => `ships ${file}, which no entry point needs`),
    ...[...needed].filter((file) => !set.has(file)).map((file) => `does not ship ${file}, which users need`),
  ];
}
