// A scratch app folder that has twitter-oauth1 installed the way npm installs it
// (node_modules/twitter-oauth1 with package.json and dist/), for runtimes that resolve packages
// from node_modules but not through a package's self-reference the way Node does (Deno).
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { examples, root, scratch } from "./paths.js";

/**
 * Creates .tmp/examples/<name>/ with the built package installed and `files` (paths under
 * examples/) copied in by their base names; returns the folder.
 */
export function consumerFolder(name: string, files: string[]): string {
  const folder = join(scratch, name);
  const installed = join(folder, "node_modules/twitter-oauth1");
  mkdirSync(installed, { recursive: true });
  cpSync(join(root, "package.json"), join(installed, "package.json"));
  cpSync(join(root, "dist"), join(installed, "dist"), { recursive: true });
  writeFileSync(join(folder, "package.json"), JSON.stringify({ type: "module", private: true }));
  for (const file of files) cpSync(join(examples, file), join(folder, basename(file)));
  return folder;
}
