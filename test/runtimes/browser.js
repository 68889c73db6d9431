// Runs the conformance suite in a browser engine: headless Chromium (playwright-core), headless
// Firefox ESR (puppeteer-core over WebDriver BiDi) or WebKitGTK's MiniBrowser under Xvfb (plain
// WebDriver), all Debian's, launched by test/support (shared with the e2e suite). Serves the build,
// package.json and the suite with sirv on loopback; the page loads browser-page.js
// with a dynamic import() (WebKit fires no error event for a module that throws while loading, so
// the rejection is what reports it), and this process polls for the result, prints the failures
// and "N passed, M failed". Every wait is bounded.
// Engine missing: a failure when CI is set; otherwise a loud SKIPPED banner and exit 0.
// Usage: node test/runtimes/browser.js chromium|firefox|webkit
import { cpSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";
import { bounded, poll } from "../support/bounded.js";
import { ENGINES } from "../support/browsers.js";
import { listen } from "../support/http.js";
import { fail, finish } from "./finish.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const name = process.argv[2];
const engine = ENGINES[name];
const SUITE_MS = 60_000;

if (!engine) fail(name, `unknown engine; choose from ${Object.keys(ENGINES).join(", ")}`);
if (!engine.available()) {
  if (process.env.CI) fail(name, `${engine.path} not found; ${engine.hint}.`);
  const bar = "!".repeat(78);
  console.log(
    `${bar}\n!! SKIPPED: ${engine.label} conformance run. ${engine.path} not found.\n!! To run it: ${engine.hint}.\n!! (With CI set, this is a failure.)\n${bar}`,
  );
  console.log("SKIPPED");
  process.exit(0);
}

// Only what the page needs is served, from a copy: the build, package.json, the suite, the vectors,
// the page module and the page. sirv answers with content types and refuses paths out of the copy.
const served = join(root, `.tmp/runtimes/browser-${name}`);
rmSync(served, { recursive: true, force: true });
for (const path of ["dist", "package.json", "test/conformance", "test/vectors", "test/runtimes/browser-page.js"])
  cpSync(join(root, path), join(served, path), { recursive: true });
writeFileSync(
  join(served, "index.html"),
  `<!doctype html><meta charset="utf-8"><title>twitter-oauth1 conformance</title>
<script type="module">
import("/test/runtimes/browser-page.js")
  .then((page) => page.main())
  .then(
    (result) => { window.__conformance = result; },
    (error) => { window.__conformance = { loadError: String((error && error.stack) || error) }; },
  );
</script>`,
);
const files = sirv(served, { dev: true });
const requestErrors = [];
const server = await listen((request, response) =>
  files(request, response, () => {
    if (request.url !== "/favicon.ico") requestErrors.push(`404 ${request.url}`);
    response.writeHead(404).end("not found");
  }),
);

// A hung engine must not hang the runner: everything below is bounded, and so is the whole run
// (the engine's processes are in this process group, which run.js kills after its own limit).
const RUN_MS = 120_000;
// run.js's limit: exiting (not dying) lets the launchers stop their browser, driver and Xvfb.
process.on("SIGTERM", () => process.exit(143));
const watchdog = setTimeout(() => fail(name, `no result after ${RUN_MS / 1000} s; stopped`), RUN_MS);
watchdog.unref();

let session;
let result;
try {
  session = await engine.launch();
  console.log(`runtime: ${session.product} ${session.version} (${session.driver})`);
  console.log(`version: ${session.version}`);
  console.log(`via: ${session.driver}`);
  await session.goto(`${server.origin}/`);
  result = await poll(async () => (await session.evaluate("window.__conformance ?? null")) ?? undefined, {
    ms: SUITE_MS,
    every: 250,
    what: "the suite's result in the page",
  });
  if (result.loadError) throw new Error(`the suite did not load in the page: ${result.loadError}`);
} catch (error) {
  await session?.close().catch(() => {});
  await server.close();
  fail(name, `${error.message}${requestErrors.length ? `\n${requestErrors.join("\n")}` : ""}\n(${engine.hint})`);
}
await bounded(session.close(), 30_000, "closing the browser").catch((error) =>
  console.log(`${name}: ${error.message}`),
);
await server.close();
finish(result, "the page");
