// `npm run test:package`: gates on the package as users get it. Needs a fresh build (npm test
// runs `npm run build` first). Each step prints ok/FAIL; the last line is "N passed, M failed".
//  1. publint --strict: no warnings.
//  2. attw --pack --profile node16: no problems for node16 (ESM and CJS) and bundler.
//  3. npm pack, install the tarball into a temporary project (offline: no dependencies), then
//     import it in ESM and require it in CJS (each runs the whole conformance suite), import
//     twitter-oauth1/testing, and type-check a TypeScript consumer under nodenext and bundler.
//  4. esbuild --platform=browser bundles of "." and "./testing": no Node built-in pulled in;
//     dist/ files: no node: import, no require of a Node built-in, no Buffer.
//  5. Size budget (minified, gzip -9): the whole root export and signRequest alone.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { BUDGETS } from "./budgets.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = (name) => join(root, "node_modules/.bin", name);
const results = [];

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

/** Runs a command; throws with its output on a non-zero exit; returns stdout+stderr (or stdout only). */
function sh(command, args, { stdoutOnly = false, ...options } = {}) {
  const out = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  const text = `${out.stdout ?? ""}${out.stderr ?? ""}`.trim();
  if (out.error) throw new Error(`${command} ${args.join(" ")}: ${out.error.message}`);
  if (out.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${out.status}\n${text}`);
  return stdoutOnly ? out.stdout : text;
}

const work = mkdtempSync(join(tmpdir(), "twitter-oauth1-package-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

// 1, 2: the linters on the packed package.
await step("publint --strict: no errors, warnings or suggestions", () => {
  const text = sh(bin("publint"), ["--strict"]);
  if (!/All good!/.test(text)) throw new Error(text);
});
await step("attw --pack --profile node16: node16 (ESM and CJS) and bundler resolve with no problems", () => {
  // attw exits non-zero on any problem in a resolution the profile keeps (node10 is the one it drops).
  const report = JSON.parse(
    sh(bin("attw"), ["--pack", ".", "--profile", "node16", "--format", "json"], { stdoutOnly: true }),
  );
  const entrypoints = Object.keys(report.analysis?.entrypoints ?? {});
  if (report.analysis?.types === false || !entrypoints.includes(".") || !entrypoints.includes("./testing")) {
    throw new Error(`attw found no types or no entry points: ${JSON.stringify(report).slice(0, 2000)}`);
  }
  const problems = (report.analysis?.problems ?? []).filter((p) => p.resolutionKind !== "node10");
  if (problems.length) throw new Error(JSON.stringify(problems, null, 2));
  sh(bin("attw"), ["--pack", ".", "--profile", "node16"]);
  return entrypoints.join(", ");
});

// 3: pack and install into a temporary project.
const project = join(work, "project");
let tarball;
await step("npm pack, then npm install of the tarball into a temporary project", () => {
  const packed = JSON.parse(sh("npm", ["pack", "--json", "--pack-destination", work], { stdoutOnly: true }));
  tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path).sort();
  const stray = files.filter((f) => !/^(dist\/|README\.md$|LICENSE$|package\.json$)/.test(f));
  if (stray.length) throw new Error(`the tarball ships files it should not: ${stray.join(", ")}`);
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2),
  );
  sh("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", tarball], { cwd: project });
  cpSync(join(root, "test/package/consumer"), project, { recursive: true });
  return `${packed[0].filename}, ${files.length} files, ${packed[0].size} B packed, ${packed[0].unpackedSize} B unpacked`;
});
const suite = join(root, "test/conformance/suite.js");
await step('ESM: import "twitter-oauth1" and "twitter-oauth1/testing", conformance suite passes', () =>
  sh(process.execPath, ["esm.mjs", suite], { cwd: project }).split("\n").pop(),
);
await step('CJS: require("twitter-oauth1") and "twitter-oauth1/testing", conformance suite passes', () =>
  sh(process.execPath, ["cjs.cjs", suite], { cwd: project }).split("\n").slice(-2).join("; "),
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
  ["nodenext", { module: "nodenext", moduleResolution: "nodenext" }, ["consumer.mts", "consumer-cjs.cts"]],
  ["bundler", { module: "esnext", moduleResolution: "bundler" }, ["consumer.mts"]],
  [
    "nodenext-node-types",
    { module: "nodenext", moduleResolution: "nodenext", ...nodeOnly },
    ["consumer.mts", "consumer-cjs.cts"],
  ],
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
  const { spawn } = await import("node:child_process");
  const { signRequest } = await import(join(folder, "node_modules/twitter-oauth1/dist/index.js"));
  // Its own process group, signalled as a whole like Ctrl-C in a terminal: npm does not pass a
  // SIGINT sent to it alone on to the command.
  const child = spawn("npx", ["--no-install", "twitter-oauth1", "fake-x", "--port", "0"], {
    cwd: folder,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let printed = "";
  child.stdout.on("data", (chunk) => (printed += chunk));
  child.stderr.on("data", (chunk) => (printed += chunk));
  const exited = new Promise((resolve) => child.once("exit", () => resolve("exited")));
  const within = (ms) => new Promise((resolve) => setTimeout(() => resolve("timeout"), ms).unref());
  try {
    const deadline = Date.now() + 30_000;
    while (!/X_CONSUMER_SECRET=\S+/.test(printed)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`fake-x did not start:\n${printed}`);
      await within(50);
    }
    const value = (name) => new RegExp(`${name}=(\\S+)`).exec(printed)[1];
    const url = `${value("X_BASE_URL")}/oauth/request_token`;
    const { authorization } = await signRequest(
      { method: "POST", url },
      { consumerKey: value("X_CONSUMER_KEY"), consumerSecret: value("X_CONSUMER_SECRET") },
      { callback: "oob" },
    );
    const response = await fetch(url, { method: "POST", headers: { authorization } });
    const body = await response.text();
    if (response.status !== 200 || !body.includes("oauth_callback_confirmed=true")) {
      throw new Error(`request_token answered ${response.status}: ${body}`);
    }
    process.kill(-child.pid, "SIGINT");
    if ((await Promise.race([exited, within(10_000)])) === "timeout" || !printed.includes("Fake X stopped.")) {
      throw new Error(`fake-x did not stop on Ctrl-C (SIGINT):\n${printed}`);
    }
    return `${value("X_BASE_URL")}, request_token 200, stopped on SIGINT`;
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
  }
}
await step(
  "npx twitter-oauth1 fake-x --port 0 from the installed tarball prints its credentials and serves a sign-in",
  () => fakeXCommandGate(project),
);

// 4: browser bundles and the built files.
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
for (const [label, specifier] of [
  ["root", "twitter-oauth1"],
  ["./testing", "twitter-oauth1/testing"],
]) {
  await step(`esbuild --bundle --platform=browser of "${specifier}": builds, no Node built-in pulled in`, async () => {
    const bytes = await browserBundle(`export * from "${specifier}";`, false);
    return `${label}: ${bytes.length} B unminified`;
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

// 5: size budget on the minified browser bundle.
for (const [key, contents] of [
  ["root", 'export * from "twitter-oauth1";'],
  ["signRequest", 'export { signRequest } from "twitter-oauth1";'],
]) {
  const { budget, target, what } = BUDGETS[key];
  await step(`size of ${what}: minified + gzip -9 within budget`, async () => {
    const minified = await browserBundle(contents, true);
    const gzipped = gzipSync(minified, { level: 9 }).length;
    const line = `${minified.length} B minified, ${gzipped} B gzip; budget ${budget} B, target ${target} B`;
    console.log(`size ${key}: ${line}`);
    if (gzipped > budget)
      throw new Error(
        `over budget: ${line}. Shrink the code, or raise the budget in test/package/budgets.js and say why.`,
      );
    return line;
  });
}

const passed = results.filter((r) => r.ok).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exitCode = passed === results.length && passed > 0 ? 0 : 1;
