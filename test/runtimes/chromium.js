// Runs the conformance suite in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core; no browser is ever downloaded): serves dist/ and the suite from a node:http
// server on a free loopback port, loads the ESM build in a page with <script type="module">,
// reads the result, prints the failures and "N passed, M failed".
// Chromium missing: a failure when CI is set; otherwise a loud SKIPPED banner and exit 0.
// Usage: node test/runtimes/chromium.js   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, CHROMIUM_PATH } from "../support/chromium.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const executablePath = CHROMIUM_PATH;
const HINT = CHROMIUM_INSTALL_HINT;
const ARGS = CHROMIUM_ARGS;

function fail(message) {
  console.log(`chromium: ${message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

if (!existsSync(executablePath)) {
  if (process.env.CI) fail(`${executablePath} not found; ${HINT}.`);
  const bar = "!".repeat(78);
  console.log(
    `${bar}\n!! SKIPPED: Chromium conformance run. ${executablePath} not found.\n!! To run it: ${HINT}.\n!! (With CI set, this is a failure.)\n${bar}`,
  );
  console.log("SKIPPED");
  process.exit(0);
}

let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch (error) {
  fail(
    `playwright-core cannot be loaded (${error.message}); it is a devDependency: run "npm ci" at the repository root.`,
  );
}

// Only what the page needs is served: the build, the suite and the vectors.
const SERVED = ["dist", "test/conformance", "test/vectors"].map((dir) => join(root, dir) + sep);
const TYPES = { ".js": "text/javascript", ".json": "application/json", ".html": "text/html" };
const PAGE = `<!doctype html><meta charset="utf-8"><title>twitter-oauth1 conformance</title>
<script type="module">
import * as pkg from "/dist/index.js";
import * as testing from "/dist/testing.js";
import { run } from "/test/conformance/suite.js";
const result = await run(pkg, testing);
// The runner checks that no Node global was there: the suite passed on web globals alone.
result.nodeGlobals = ["process", "Buffer", "require", "global"].filter((name) => name in globalThis);
window.__conformance = result;
</script>`;

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
  if (path === "/") {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    return;
  }
  const file = normalize(join(root, path));
  const type = TYPES[extname(file)];
  if (!type || !SERVED.some((dir) => file.startsWith(dir)) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end("not found");
    return;
  }
  response
    .writeHead(200, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" })
    .end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address();

let browser;
let result;
const pageErrors = [];
try {
  browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
  const driver = JSON.parse(readFileSync(join(root, "node_modules/playwright-core/package.json"), "utf8")).version;
  console.log(`runtime: Chromium ${browser.version()} (playwright-core ${driver})`);
  const page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(`console: ${message.text()}`);
  });
  page.on("requestfailed", (request) => pageErrors.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) pageErrors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  try {
    await page.waitForFunction(() => window.__conformance !== undefined, null, { timeout: 300_000, polling: 200 });
  } catch (error) {
    throw new Error(`the suite did not finish in the page: ${error.message}\n${pageErrors.join("\n")}`);
  }
  result = await page.evaluate(() => window.__conformance);
} catch (error) {
  await browser?.close().catch(() => {});
  server.close();
  fail(`${error.message}${pageErrors.length ? "\n" + pageErrors.join("\n") : ""}\n(${HINT})`);
}
await browser.close();
server.close();
if (!Array.isArray(result.nodeGlobals) || result.nodeGlobals.length > 0) {
  result.failed++;
  result.failures.push({ name: "the page has no Node globals", error: `found: ${result.nodeGlobals}` });
}
for (const failure of result.failures) console.log(`FAIL ${failure.name}\n     ${failure.error}`);
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed > 0 || result.passed === 0 ? 1 : 0);
