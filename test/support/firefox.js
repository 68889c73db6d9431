// Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (which never downloads a
// browser here: it is given the executable). Shared by the conformance runner and the e2e suite.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { bounded } from "./bounded.js";
import { xpathSession } from "./session.js";

export const FIREFOX_PATH = process.env.FIREFOX_PATH || "/usr/bin/firefox-esr";

export const FIREFOX_INSTALL_HINT =
  'install Debian\'s Firefox ESR with "apt-get install -y firefox-esr" (as root; .ci/run does this), or set FIREFOX_PATH; never let a tool download a browser';

export function firefoxAvailable() {
  return existsSync(FIREFOX_PATH);
}

const LAUNCH_MS = 60_000;
const STEP_MS = 30_000;

/** Starts headless Firefox with one page; see session.d.ts. */
export async function launchFirefox() {
  const { default: puppeteer } = await import("puppeteer-core");
  const driver = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve("puppeteer-core/package.json"), "utf8"),
  ).version;
  const browser = await bounded(
    puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX_PATH,
      headless: true,
      timeout: LAUNCH_MS,
      protocolTimeout: STEP_MS,
      // Nothing this closed network would refuse: no updates, telemetry or remote settings.
      extraPrefsFirefox: {
        "app.update.enabled": false,
        "datareporting.policy.dataSubmissionEnabled": false,
        "toolkit.telemetry.enabled": false,
        "network.captive-portal-service.enabled": false,
      },
    }),
    LAUNCH_MS + 5_000,
    "launching Firefox",
  );
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_MS);
    page.setDefaultNavigationTimeout(STEP_MS);
    const version = (await browser.version()).replace(/^firefox\//i, "");
    return xpathSession({
      engine: "firefox",
      product: "Firefox ESR",
      version,
      driver: `puppeteer-core ${driver}, WebDriver BiDi`,
      native: { browser, page },
      goto: (url) => page.goto(url, { waitUntil: "load" }).then(() => undefined),
      url: async () => page.url(),
      evaluate: (expression) => page.evaluate(expression),
      click: (xpath) => page.locator(`::-p-xpath(${xpath})`).click(),
      fill: (xpath, value) => page.locator(`::-p-xpath(${xpath})`).fill(value),
      cookies: () => page.cookies(),
      screenshot: (path) => page.screenshot({ path, fullPage: true }).then(() => undefined),
      close: () => bounded(browser.close(), STEP_MS, "closing Firefox").catch(() => browser.process()?.kill("SIGKILL")),
    });
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}
