// WebKit: Debian's WebKitGTK MiniBrowser through its WebKitWebDriver, driven with plain WebDriver
// HTTP calls (W3C WebDriver, https://www.w3.org/TR/webdriver2/). It has no headless mode, so it
// runs under Xvfb (a display found with -displayfd, GDK_BACKEND=x11); with no display it would hang
// silently, so every call is bounded. Shared by the conformance runner and the e2e suite.
// The WebDriver calls are written here, not taken from a client such as `webdriver` (WebdriverIO):
// it drives this driver too, but brings about 150 packages, among them geckodriver and edgedriver,
// whose install scripts download drivers, to replace the one `call` function below. Playwright's
// and Puppeteer's WebKit support needs browser builds of their own, which are never downloaded here.
import { existsSync, writeFileSync } from "node:fs";
import getPort from "get-port";
import { bounded, poll } from "./bounded.js";
import { start } from "./processes.js";
import { xpathSession } from "./session.js";

export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH || "/usr/bin/WebKitWebDriver";
export const XVFB_PATH = process.env.XVFB_PATH || "/usr/bin/Xvfb";

export const WEBKIT_INSTALL_HINT =
  'install Debian\'s WebKitGTK driver and Xvfb with "apt-get install -y webkit2gtk-driver xvfb" (as root; .ci/run does this), or set WEBKIT_DRIVER_PATH and XVFB_PATH';

export function webkitAvailable() {
  return existsSync(WEBKIT_DRIVER_PATH) && existsSync(XVFB_PATH);
}

const START_MS = 30_000;
const STEP_MS = 30_000;
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf"; // the W3C WebDriver element reference key

/** Starts Xvfb on a free display (it prints the number on fd 1 with -displayfd); resolves with { display, process }. */
async function startXvfb() {
  const xvfb = start(XVFB_PATH, ["-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "pipe", "pipe"],
    group: true,
  });
  try {
    const [, display] = await xvfb.waitFor(/^(\d+)$/m, START_MS);
    return { display: `:${display}`, process: xvfb };
  } catch (error) {
    await xvfb.stop();
    throw new Error(`starting Xvfb: ${error.message}`);
  }
}

/** Starts Xvfb, WebKitWebDriver and a MiniBrowser session; see session.d.ts. */
export async function launchWebKit() {
  let xvfb;
  let driver;
  let base;
  let sessionId;
  const call = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(STEP_MS),
    });
    const answer = await response.json();
    if (!response.ok)
      throw new Error(
        `WebDriver ${method} ${path}: ${answer.value?.error ?? response.status}: ${answer.value?.message ?? ""}`,
      );
    return answer.value;
  };
  const inSession = (method, path, body) => call(method, `/session/${sessionId}${path}`, body);
  const find = async (xpath) => (await inSession("POST", "/element", { using: "xpath", value: xpath }))[ELEMENT];
  const close = async () => {
    if (sessionId)
      await bounded(call("DELETE", `/session/${sessionId}`), 10_000, "ending the WebKit session").catch(() => {});
    sessionId = undefined;
    await driver?.stop();
    await xvfb?.process.stop();
  };

  try {
    xvfb = await startXvfb();
    const port = await getPort({ host: "127.0.0.1" });
    base = `http://127.0.0.1:${port}`;
    // Its own process group: the driver starts MiniBrowser and WebKit's helper processes.
    driver = start(WEBKIT_DRIVER_PATH, [`--port=${port}`, "--host=127.0.0.1"], {
      env: { DISPLAY: xvfb.display, GDK_BACKEND: "x11" },
      stdio: ["ignore", "pipe", "pipe"],
      group: true,
    });
    await poll(async () => ((await call("GET", "/status")).ready ? true : undefined), {
      ms: START_MS,
      what: `WebKitWebDriver on ${base}`,
    }).catch((error) => {
      throw new Error(`${error.message}\n${driver.output()}`);
    });
    const created = await bounded(
      call("POST", "/session", {
        capabilities: {
          alwaysMatch: {
            browserName: "MiniBrowser",
            pageLoadStrategy: "normal",
            timeouts: { pageLoad: STEP_MS, script: STEP_MS, implicit: 0 },
          },
        },
      }),
      START_MS,
      "starting MiniBrowser",
    );
    sessionId = created.sessionId;
    const version = created.capabilities?.browserVersion ?? "?";
    return xpathSession({
      engine: "webkit",
      product: "WebKitGTK MiniBrowser",
      version,
      driver: "WebKitWebDriver (W3C WebDriver)",
      native: { call: inSession },
      goto: (url) => inSession("POST", "/url", { url }).then(() => undefined),
      url: () => inSession("GET", "/url"),
      evaluate: (expression) => inSession("POST", "/execute/sync", { script: `return (${expression});`, args: [] }),
      click: async (xpath) => {
        await inSession("POST", `/element/${await find(xpath)}/click`, {});
      },
      fill: async (xpath, value) => {
        const element = await find(xpath);
        await inSession("POST", `/element/${element}/clear`, {});
        await inSession("POST", `/element/${element}/value`, { text: value });
      },
      cookies: () => inSession("GET", "/cookie"),
      screenshot: async (path) => {
        writeFileSync(path, Buffer.from(await inSession("GET", "/screenshot"), "base64"));
      },
      close,
    });
  } catch (error) {
    await close();
    throw error;
  }
}
