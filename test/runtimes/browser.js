// Runs the conformance suite in a browser engine: headless Chromium (playwright-core), headless
// Firefox ESR (puppeteer-core over WebDriver BiDi) or WebKitGTK's MiniBrowser under Xvfb (plain
// WebDriver), all Debian's, launched by test/support (shared with the e2e suite). Serves the build,
// package.json and the suite from a node:http server on loopback; the page loads browser-page.js
// with a dynamic import() (WebKit fires no error event for a module that throws while loading, so
// the rejection is what reports it), and this process polls for the result, prints the failures
// and "N passed, M failed". Every wait is bounded.
// Engine missing: a failure when CI is set; otherwise a loud SKIPPED banner and exit 0.
// Usage: node test/runtimes/browser.js chromium|firefox|webkit
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { closingLines } from "../conformance/suite.js";
import { bounded, poll } from "../support/bounded.js";
import { ENGINES } from "../support/browsers.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const name = process.argv[2];
const engine = ENGINES[name];
const SUITE_MS = 60_000;

function fail(message) {
  console.log(`${name}: ${message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

if (!engine) fail(`unknown engine; choose from ${Object.keys(ENGINES).join(", ")}`);
if (!engine.available()) {
  if (process.env.CI) fail(`${engine.path} not found; ${engine.hint}.`);
  const bar = "!".repeat(78);
  console.log(
    `${bar}\n!! SKIPPED: ${engine.label} conformance run. ${engine.path} not found.\n!! To run it: ${engine.hint}.\n!! (With CI set, this is a failure.)\n${bar}`,
  );
  console.log("SKIPPED");
  process.exit(0);
}

// Only what the page needs is served: the build, package.json, the suite, the vectors, the page module.
const SERVED_DIRS = ["dist", "test/conformance", "test/vectors"].map((dir) => join(root, dir) + sep);
const SERVED_FILES = ["package.json", "test/runtimes/browser-page.js"].map((file) => join(root, file));
const TYPES = { ".js": "text/javascript", ".json": "application/json" };
const PAGE = `<!doctype html><meta charset="utf-8"><title>twitter-oauth1 conformance</title>
<script type="module">
import("/test/runtimes/browser-page.js")
  .then((page) => page.main())
  .then(
    (result) => { window.__conformance = result; },
    (error) => { window.__conformance = { loadError: String((error && error.stack) || error) }; },
  );
</script>`;

const requestErrors = [];
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
  if (path === "/") {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    return;
  }
  const file = normalize(join(root, path));
  const type = TYPES[extname(file)];
  const allowed = SERVED_FILES.includes(file) || SERVED_DIRS.some((dir) => file.startsWith(dir));
  if (!type || !allowed || !existsSync(file) || !statSync(file).isFile()) {
    if (path !== "/favicon.ico") requestErrors.push(`404 ${path}`);
    response.writeHead(404).end("not found");
    return;
  }
  response
    .writeHead(200, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" })
    .end(readFileSync(file));
});
await new Promise((resolvePromise) => server.listen(0, "127.0.0.1", resolvePromise));
const { port } = server.address();

// A hung engine must not hang the runner: everything below is bounded, and so is the whole run
// (the engine's processes are in this process group, which run.js kills after its own limit).
const RUN_MS = 120_000;
// run.js's limit: exiting (not dying) lets the launchers stop their browser, driver and Xvfb.
process.on("SIGTERM", () => process.exit(143));
const watchdog = setTimeout(() => fail(`no result after ${RUN_MS / 1000} s; stopped`), RUN_MS);
watchdog.unref();

let session;
let result;
try {
  session = await engine.launch();
  console.log(`runtime: ${session.product} ${session.version} (${session.driver})`);
  console.log(`version: ${session.version}`);
  console.log(`via: ${session.driver}`);
  await session.goto(`http://127.0.0.1:${port}/`);
  result = await poll(async () => (await session.evaluate("window.__conformance ?? null")) ?? undefined, {
    ms: SUITE_MS,
    every: 250,
    what: "the suite's result in the page",
  });
  if (result.loadError) throw new Error(`the suite did not load in the page: ${result.loadError}`);
} catch (error) {
  await session?.close().catch(() => {});
  server.close();
  fail(`${error.message}${requestErrors.length ? `\n${requestErrors.join("\n")}` : ""}\n(${engine.hint})`);
}
await bounded(session.close(), 30_000, "closing the browser").catch((error) =>
  console.log(`${name}: ${error.message}`),
);
server.close();
if (!Array.isArray(result.nodeGlobals) || result.nodeGlobals.length > 0) {
  result.failed++;
  result.failures.push({ name: "the page has no Node globals", error: `found: ${result.nodeGlobals}` });
}
for (const failure of result.failures) console.log(`FAIL ${failure.name}\n     ${failure.error}`);
for (const line of closingLines(result)) console.log(line);
process.exit(result.failed > 0 || result.passed === 0 ? 1 : 0);
