// `npm run test:package`: gates on the package as users get it, from npm and from JSR. Needs a
// fresh build (npm test runs `npm run build` first). Each step prints ok/FAIL; the last line is
// "N passed, M failed". Entry points come from package.json "exports" throughout, so a new one is
// covered by every gate without a change here (it needs a size budget in budgets.js).
//  1. publint --strict: no warnings.
//  2. attw --pack: every entry point resolves with types under every resolution mode (node10,
//     node16 from CJS and from ESM, bundler), with no problem of any kind.
//  3. npm publish --dry-run: ships exactly what users need (published-files.js), no npm warning.
//  4. JSR: jsr.json matches package.json; `deno publish --dry-run` (offline) passes with no slow
//     types and no warning; `deno doc --lint` finds nothing (every public symbol documented).
//  5. npm pack, install the tarball into a temporary project (offline: no dependencies), then
//     import every entry point in ESM and require it in CJS (each runs the whole conformance
//     suite), type-check TypeScript consumers under nodenext, bundler and node10, and run
//     `npx twitter-oauth1 fake-x` from it (credentials printed, a sign-in served, Ctrl-C stops it).
//     Zero runtime dependencies: none declared, and nothing installed beside the package.
//     `npm run pack:local` (tsup and typescript only, in a temporary folder) ships the same files.
//  6. esbuild --platform=browser bundles of every entry point: no Node built-in pulled in;
//     dist/ files: no node: import, no require of a Node built-in, no Buffer.
//  7. Sizes (size-limit: esbuild, minified, gzip -9) of every entry point within budgets.js;
//     docs/performance.md has a row for each (the numbers there are written only by
//     `node test/package/measure-sizes.js --write`, so a moved size is a note, not a failure).
//  8. The run wrote no file of the repository: `git status --porcelain` at the end lists nothing
//     new or changed since its start (a developer's own edits present at the start are fine).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { entryPoints } from "../conformance/entry-points.js";
import { start } from "../support/processes.js";
import { dependencyProblems } from "./dependencies.js";
import { jsrManifestProblems } from "./jsr.js";
import { publishedFilesProblems } from "./published-files.js";
import { compareSizes, measure, sizeChecks } from "./sizes.js";
import { changedBetween, snapshot } from "./tracked-files.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = (name) => join(root, "node_modules/.bin", name);
const results = [];
// The working tree as the run found it, compared with the tree it leaves (step 8).
const treeAtStart = snapshot(root);

async function step(name, action) {
  try {
    const note = await action();
    results.push({ name, ok: true });
    console.log(`ok   ${name}${note ? ` (${note})` : ""}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}\n${String(error.message ?? error).replace(/^/gm, "     ")}`);
  }
}

// Every command is stopped after this long: a hung one fails its step instead of hanging npm test.
const COMMAND_MS = 180_000;

/** Runs a command; throws with its output on a non-zero exit; returns stdout+stderr (or stdout only). */
function sh(command, args, { stdoutOnly = false, allowFailure = false, ...options } = {}) {
  const out = spawnSync(command, args, {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: COMMAND_MS,
    ...options,
  });
  const text = `${out.stdout ?? ""}${out.stderr ?? ""}`.trim();
  if (out.error) throw new Error(`${command} ${args.join(" ")}: ${out.error.message}`);
  if (out.status !== 0 && !allowFailure) throw new Error(`${command} ${args.join(" ")} exited ${out.status}\n${text}`);
  return stdoutOnly ? out.stdout : text;
}

const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const subpaths = Object.keys(manifest.exports);
const specifier = (subpath) => `twitter-oauth1${subpath.slice(1)}`;
const work = mkdtempSync(join(tmpdir(), "twitter-oauth1-package-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

// 1, 2: the linters on the packed package.
await step("publint --strict: no errors, warnings or suggestions", () => {
  const text = sh(bin("publint"), ["--strict"]);
  if (!/All good!/.test(text)) throw new Error(text);
});
await step(
  "attw --pack: every entry point, every resolution mode (node10, node16 CJS and ESM, bundler), no problem",
  () => {
    // attw exits non-zero on any problem; the JSON shows which entry points and modes it checked.
    // attw runs npm pack: dist/ is built already, so the prepack build is skipped.
    const noScripts = { ...process.env, npm_config_ignore_scripts: "true" };
    const out = spawnSync(bin("attw"), ["--pack", ".", "--format", "json"], {
      cwd: root,
      encoding: "utf8",
      env: noScripts,
      timeout: COMMAND_MS,
    });
    const report = JSON.parse(out.stdout);
    const analysis = report.analysis ?? {};
    const checked = Object.keys(analysis.entrypoints ?? {});
    const missing = subpaths.filter((subpath) => !checked.includes(subpath));
    if (analysis.types === false || missing.length > 0)
      throw new Error(
        `attw found no types or missed entry points (${missing.join(", ")}): ${out.stdout.slice(0, 2000)}`,
      );
    const modes = new Set();
    const unresolved = [];
    for (const [subpath, entry] of Object.entries(analysis.entrypoints)) {
      for (const [mode, resolution] of Object.entries(entry.resolutions ?? {})) {
        modes.add(mode);
        if (!resolution.resolution?.fileName) unresolved.push(`${subpath} under ${mode}`);
      }
    }
    const problems = analysis.problems ?? [];
    if (problems.length > 0 || unresolved.length > 0 || out.status !== 0)
      throw new Error(
        `${unresolved.length ? `not resolved: ${unresolved.join(", ")}\n` : ""}${JSON.stringify(problems, null, 2)}\n${sh(bin("attw"), ["--pack", "."], { allowFailure: true, env: noScripts })}`,
      );
    if (!["node10", "node16-cjs", "node16-esm", "bundler"].every((mode) => modes.has(mode)))
      throw new Error(`attw checked only ${[...modes].join(", ")}`);
    return `${checked.join(", ")} × ${[...modes].join(", ")}`;
  },
);
await step("npm publish --dry-run: ships exactly what users need, no npm warning", () => {
  const out = spawnSync("npm", ["publish", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: root,
    encoding: "utf8",
    timeout: COMMAND_MS,
  });
  if (out.status !== 0) throw new Error(`npm publish --dry-run exited ${out.status}\n${out.stdout}${out.stderr}`);
  // Logging in is what a dry run on a machine without credentials cannot do; anything else counts.
  const warnings = out.stderr
    .split("\n")
    .filter((line) => /^npm warn/i.test(line) && !/requires you to be logged in/.test(line));
  if (warnings.length > 0) throw new Error(warnings.join("\n"));
  const packed = JSON.parse(out.stdout)[manifest.name];
  const files = packed.files.map((f) => f.path).sort();
  const problems = publishedFilesProblems(files, manifest, root);
  if (problems.length > 0) throw new Error(`${problems.join("\n")}\nshipped: ${files.join(", ")}`);
  return `${files.length} files, ${packed.size} B packed: ${files.join(", ")}`;
});

// 4: JSR.
// Deno comes from the sub-package test/runtimes (npm run test:package installs it first).
const deno = join(root, "test/runtimes/node_modules/.bin/deno");
await step("jsr.json: the same version and entry points as package.json, library source only", () => {
  const problems = jsrManifestProblems(root);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return Object.keys(JSON.parse(readFileSync(join(root, "jsr.json"), "utf8")).exports).join(", ");
});
await step("deno publish --dry-run (offline): no slow types, no warning", () => {
  // A dry run resolves and type-checks the local files only: it needs no registry.
  const text = sh(deno, ["publish", "--dry-run", "--allow-dirty"], { env: { ...process.env, NO_COLOR: "1" } });
  const lines = text.split("\n").filter((line) => !/^\s+file:\/\//.test(line));
  if (
    !/Success Dry run complete/.test(text) ||
    lines.some((line) => /warn|slow type/i.test(line) && !/Checking for slow types/.test(line))
  )
    throw new Error(lines.join("\n"));
  return `${text.split("\n").filter((line) => /^\s+file:\/\//.test(line)).length} files`;
});
await step("deno doc --lint of every JSR entry point: every public symbol documented", () => {
  const jsr = JSON.parse(readFileSync(join(root, "jsr.json"), "utf8"));
  sh(deno, ["doc", "--lint", ...Object.values(jsr.exports)], { env: { ...process.env, NO_COLOR: "1" } });
});

// 5: pack and install into a temporary project.
const project = join(work, "project");
let tarball;
await step("npm pack, then npm install of the tarball into a temporary project", () => {
  const packed = JSON.parse(
    sh("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], { stdoutOnly: true }),
  );
  tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path).sort();
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2),
  );
  sh("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", tarball], { cwd: project });
  cpSync(join(root, "test/package/consumer"), project, { recursive: true });
  // Every entry point of the exports map, imported by name, for the type checks below.
  const imports = entryPoints(manifest)
    .map((entry, i) => `import * as entry${i} from "${specifier(entry.subpath)}";`)
    .join("\n");
  const all = `export const entries = [${entryPoints(manifest)
    .map((_, i) => `entry${i}`)
    .join(", ")}];\n`;
  writeFileSync(join(project, "entry-points.mts"), `${imports}\n${all}`);
  writeFileSync(join(project, "entry-points-node10.ts"), `${imports}\n${all}`);
  return `${packed[0].filename}, ${files.length} files, ${packed[0].size} B packed, ${packed[0].unpackedSize} B unpacked`;
});
await step("zero runtime dependencies: none declared, and the tarball installs nothing but itself", () => {
  const problems = dependencyProblems(manifest, readdirSync(join(project, "node_modules")));
  if (problems.length > 0) throw new Error(problems.join("\n"));
});
const suite = [join(root, "test/conformance/suite.js"), join(root, "test/conformance/entry-points.js")];
await step("ESM: import every entry point of the exports map, conformance suite passes", () =>
  sh(process.execPath, ["esm.mjs", ...suite], { cwd: project })
    .split("\n")
    .slice(-2)
    .join("; "),
);
await step("CJS: require every entry point of the exports map, conformance suite passes", () =>
  sh(process.execPath, ["cjs.cjs", ...suite], { cwd: project })
    .split("\n")
    .slice(-3)
    .join("; "),
);
const tsc = join(root, "node_modules/typescript/bin/tsc");
const compilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  target: "es2022",
  lib: ["es2022", "dom"],
  types: [],
};
// Node users often compile without the DOM lib: the shipped types must stand on @types/node alone.
const nodeOnly = { lib: ["es2022"], types: ["node"], typeRoots: [join(root, "node_modules/@types")] };
for (const [label, options, files] of [
  [
    "nodenext",
    { module: "nodenext", moduleResolution: "nodenext" },
    ["consumer.mts", "consumer-cjs.cts", "entry-points.mts"],
  ],
  ["bundler", { module: "esnext", moduleResolution: "bundler" }, ["consumer.mts", "entry-points.mts"]],
  [
    "nodenext-node-types",
    { module: "nodenext", moduleResolution: "nodenext", ...nodeOnly },
    ["consumer.mts", "consumer-cjs.cts", "entry-points.mts"],
  ],
  // Many projects still compile with "node" (node10) resolution, which ignores "exports":
  // typesVersions is what finds the subpath entry points' types there.
  ["node10", { module: "commonjs", moduleResolution: "node10" }, ["entry-points-node10.ts"]],
]) {
  const how =
    label === "nodenext-node-types" ? '"nodenext" with @types/node and no DOM lib' : `"${label}" with the DOM lib`;
  await step(`TypeScript consumer type-checks under moduleResolution ${how} (${files.join(", ")})`, () => {
    writeFileSync(
      join(project, `tsconfig.${label}.json`),
      JSON.stringify({ compilerOptions: { ...compilerOptions, ...options }, files }, null, 2),
    );
    sh(process.execPath, [tsc, "-p", `tsconfig.${label}.json`], { cwd: project });
    return `TypeScript ${sh(process.execPath, [tsc, "--version"]).replace("Version ", "")}`;
  });
}

// The command, as a user meets it: `npx twitter-oauth1 fake-x` in a folder where only the tarball is
// installed prints its credentials, a request token signed with them is granted, and Ctrl-C stops it.
async function fakeXCommandGate(folder) {
  const { signRequest } = await import(join(folder, "node_modules/twitter-oauth1/dist/index.js"));
  // Its own process group, signalled as a whole like Ctrl-C in a terminal: npm does not pass a
  // SIGINT sent to it alone on to the command.
  const fakeX = start("npx", ["--no-install", "twitter-oauth1", "fake-x", "--port", "0"], {
    cwd: folder,
    stdio: ["ignore", "pipe", "pipe"],
    group: true,
  });
  try {
    await fakeX.waitFor(/TWITTER_CONSUMER_SECRET=\S+/, 30_000);
    const value = (name) => new RegExp(`${name}=(\\S+)`).exec(fakeX.output())[1];
    const url = `${value("X_BASE_URL")}/oauth/request_token`;
    const { authorization } = await signRequest(
      { method: "POST", url },
      { consumerKey: value("TWITTER_CONSUMER_KEY"), consumerSecret: value("TWITTER_CONSUMER_SECRET") },
      { callback: "oob" },
    );
    const response = await fetch(url, { method: "POST", headers: { authorization } });
    const body = await response.text();
    if (response.status !== 200 || !body.includes("oauth_callback_confirmed=true")) {
      throw new Error(`request_token answered ${response.status}: ${body}`);
    }
    const { forced } = await fakeX.stop({ signal: "SIGINT", graceMs: 10_000 });
    if (forced || !fakeX.output().includes("Fake X stopped.")) {
      throw new Error(`fake-x did not stop on Ctrl-C (SIGINT):\n${fakeX.output()}`);
    }
    return `${value("X_BASE_URL")}, request_token 200, stopped on SIGINT`;
  } finally {
    await fakeX.stop({ signal: "SIGKILL" });
  }
}
await step(
  "npx twitter-oauth1 fake-x --port 0 from the installed tarball prints its credentials and serves a sign-in",
  () => fakeXCommandGate(project),
);

// From a fresh clone, without the dev install: `npm run pack:local` (README, Install) installs only
// tsup and typescript in a temporary folder and must ship the same files as `npm pack` does here.
await step("npm run pack:local (only tsup and typescript installed) packs the same files as npm pack", () => {
  const local = join(work, "pack-local");
  mkdirSync(local);
  sh(process.execPath, [join(root, "scripts/pack-local.mjs"), `--out=${local}`, "--prefer-offline"]);
  const list = (file) => sh("tar", ["-tzf", file], { stdoutOnly: true }).split("\n").filter(Boolean).sort();
  const ours = list(join(local, basename(tarball)));
  const theirs = list(tarball);
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
    throw new Error(`pack:local shipped\n${ours.join("\n")}\nnpm pack shipped\n${theirs.join("\n")}`);
  }
  return `${ours.length} files`;
});

// 6: browser bundles and the built files.
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
async function browserBundle(contents, minify) {
  const result = await build({
    stdin: { contents, resolveDir: project, loader: "js" },
    bundle: true,
    write: false,
    minify,
    format: "esm",
    platform: "browser",
    target: "es2022",
    metafile: true,
    logLevel: "silent",
  });
  for (const [path, input] of Object.entries(result.metafile.inputs)) {
    if (path !== "<stdin>" && !path.includes("node_modules/twitter-oauth1/"))
      throw new Error(`the bundle pulled in ${path}`);
    for (const imported of input.imports) {
      if (NODE_BUILTINS.has(imported.path) || imported.external) throw new Error(`${path} imports ${imported.path}`);
    }
  }
  return result.outputFiles[0].contents;
}
for (const entry of entryPoints(manifest, { web: true })) {
  const name = specifier(entry.subpath);
  await step(`esbuild --bundle --platform=browser of "${name}": builds, no Node built-in pulled in`, async () => {
    const bytes = await browserBundle(`export * from "${name}";`, false);
    return `${bytes.length} B unminified`;
  });
}
await step(
  "dist/*.js and dist/*.cjs (not the Node-only command dist/cli.js): no node: import, no require of a Node built-in, no Buffer",
  () => {
    const problems = [];
    const dist = join(project, "node_modules/twitter-oauth1/dist");
    for (const file of readdirSync(dist).filter((f) => /\.(c?js|mjs)$/.test(f) && f !== "cli.js")) {
      const text = readFileSync(join(dist, file), "utf8");
      if (/(?:\bfrom\s*|\bimport\s*\(?\s*)["']node:/.test(text)) problems.push(`${file}: imports node:`);
      for (const m of text.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g)) {
        if (NODE_BUILTINS.has(m[1])) problems.push(`${file}: require("${m[1]}")`);
      }
      if (/\bBuffer\b/.test(text)) problems.push(`${file}: mentions Buffer`);
    }
    if (problems.length) throw new Error(problems.join("\n"));
  },
);

// 7: sizes of every entry point, within budget; docs/performance.md has a row for each.
let measured = [];
await step(
  "sizes (size-limit: esbuild, minified, gzip -9) of every entry point, within test/package/budgets.js",
  async () => {
    const checks = sizeChecks(manifest);
    const unbudgeted = checks.filter((check) => check.budget === undefined || check.file === undefined);
    if (unbudgeted.length > 0)
      throw new Error(`no budget in test/package/budgets.js for: ${unbudgeted.map((c) => c.name).join(", ")}`);
    measured = await measure(join(project, "node_modules/twitter-oauth1"), checks);
    const lines = measured.map((m) => `${m.passed ? "within" : "OVER"} ${m.size} B / ${m.budget} B: ${m.name}`);
    for (const line of lines) console.log(`size ${line}`);
    const over = measured.filter((m) => !m.passed);
    if (over.length > 0)
      throw new Error(
        `over budget:\n${lines.filter((l) => l.startsWith("OVER")).join("\n")}\nShrink the code, or raise the budget in test/package/budgets.js and say why.`,
      );
    return `${measured.length} bundles`;
  },
);
if (measured.length > 0) {
  await step("docs/performance.md: a row for every size measured (the numbers there are informative)", () => {
    const { problems, notes } = compareSizes(readFileSync(join(root, "docs/performance.md"), "utf8"), measured);
    const refresh = "To refresh the table: npm run build && node test/package/measure-sizes.js --write";
    if (problems.length > 0) throw new Error(`${problems.join("\n")}\n${refresh}`);
    for (const note of notes) console.log(`note ${note}`);
    return notes.length > 0 ? `${notes.length} number(s) moved since it was written; ${refresh}` : "as measured";
  });
}

// 8: nothing of the repository written by this run.
await step("the run wrote no file of the repository (git status --porcelain at its start and end)", () => {
  if (treeAtStart === undefined) return "not a git working tree: nothing to compare";
  const changed = changedBetween(treeAtStart, snapshot(root) ?? new Map());
  if (changed.length > 0)
    throw new Error(
      `written by this run:\n${changed.join("\n")}\nA test run writes no file of the repository: tables and sizes are written only by the commands made for it (--write-readme, --write, --write-docs).`,
    );
  return `${treeAtStart.size} path(s) already changed at the start, untouched`;
});

const passed = results.filter((r) => r.ok).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exitCode = passed === results.length && passed > 0 ? 0 : 1;
