// jsr.json against package.json: the same version and entry points (each JSR export is the source
// of the npm export of the same subpath), and no Node-only code (src/cli) published.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Problems between jsr.json and package.json, as messages. */
export function jsrManifestProblems(root) {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const jsr = JSON.parse(readFileSync(join(root, "jsr.json"), "utf8"));
  const problems = [];
  if (jsr.version !== pkg.version) problems.push(`jsr.json version ${jsr.version}, package.json ${pkg.version}`);
  const npmSubpaths = Object.keys(pkg.exports).filter((subpath) => subpath !== "./package.json");
  const jsrSubpaths = Object.keys(jsr.exports ?? {});
  for (const subpath of npmSubpaths)
    if (!jsrSubpaths.includes(subpath)) problems.push(`jsr.json lacks the entry point "${subpath}"`);
  for (const subpath of jsrSubpaths)
    if (!npmSubpaths.includes(subpath)) problems.push(`jsr.json has "${subpath}", package.json does not`);
  for (const [subpath, file] of Object.entries(jsr.exports ?? {}))
    if (!/^\.\/src\/.+\.ts$/.test(file) || file.startsWith("./src/cli/"))
      problems.push(`jsr.json exports["${subpath}"] is ${file}: it must be library source under src/ (not src/cli)`);
  if (!(jsr.publish?.exclude ?? []).some((pattern) => pattern.startsWith("src/cli")))
    problems.push("jsr.json publish.exclude must leave out src/cli (Node-only)");
  return problems;
}
