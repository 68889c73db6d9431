// Cold import time in Node: a fresh process per sample times `await import(…)` of the package
// (nothing else loaded first), interleaved across packages, median of the samples.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export const TARGETS = [
  { name: "twitter-oauth1 (dist/index.js)", specifier: pathToFileURL(join(root, "dist/index.js")).href },
  { name: "twitter-oauth1/testing (dist/testing.js)", specifier: pathToFileURL(join(root, "dist/testing.js")).href },
  { name: "oauth-1.0a", specifier: "oauth-1.0a" },
  { name: "oauth-sign", specifier: "oauth-sign" },
  { name: "twitter-api-v2", specifier: "twitter-api-v2" },
];

function once(specifier) {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  return Number(
    execFileSync(process.execPath, ["--input-type=module", "-e", code], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
    }).trim(),
  );
}

export function runColdImport({ samples = 11 } = {}) {
  const times = TARGETS.map(() => []);
  for (let s = 0; s < samples; s++) for (const [i, t] of TARGETS.entries()) times[i].push(once(t.specifier));
  return TARGETS.map((t, i) => {
    const sorted = times[i].sort((a, b) => a - b);
    return { name: t.name, median: sorted[sorted.length >> 1] };
  });
}

export function coldTable(rows) {
  const lines = ["| module | median ms to import, fresh process |", "|---|---:|"];
  for (const r of rows) lines.push(`| ${r.name} | ${r.median.toFixed(2)} |`);
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(coldTable(runColdImport()));
