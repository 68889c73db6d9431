// Debian's Chromium, driven by playwright-core: where it is, how every browser test starts it
// (headless, no sandbox as root in a container, none of the background connections this closed
// network refuses) and the session both the conformance runner (test/runtimes) and the e2e suite
// (test/e2e) drive. No browser is ever downloaded.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { bounded } from "./bounded.js";
import { xpathSession } from "./session.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const CHROMIUM_INSTALL_HINT =
  'install Debian\'s Chromium with "apt-get install -y chromium" (as root; .ci/run does this), or set CHROMIUM_PATH; never let a tool download a browser';

export function chromiumAvailable() {
  return existsSync(CHROMIUM_PATH);
}

const LAUNCH_MS = 60_000;
const STEP_MS = 30_000;

/** Starts Chromium with a fresh context and page; see session.d.ts. */
export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  const driver = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve("playwright-core/package.json"), "utf8"),
  ).version;
  const browser = await bounded(
    chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: LAUNCH_MS }),
    LAUNCH_MS + 5_000,
    "launching Chromium",
  );
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    page.setDefaultNavigationTimeout(STEP_MS);
    const native = { browser, context, page };
    return xpathSession({
      engine: "chromium",
      product: "Chromium",
      version: browser.version(),
      driver: `playwright-core ${driver}`,
      native,
      goto: (url) => page.goto(url, { waitUntil: "load" }).then(() => undefined),
      url: async () => page.url(),
      evaluate: (expression) => page.evaluate(expression),
      click: (xpath) => page.locator(`xpath=${xpath}`).first().click(),
      fill: (xpath, value) => page.locator(`xpath=${xpath}`).first().fill(value),
      cookies: () => context.cookies(page.url()),
      screenshot: (path) => page.screenshot({ path, fullPage: true }).then(() => undefined),
      close: () => bounded(browser.close(), STEP_MS, "closing Chromium"),
    });
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}
