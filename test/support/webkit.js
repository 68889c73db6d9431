// WebKit: Debian's WebKitGTK MiniBrowser through its WebKitWebDriver, driven with plain WebDriver
// HTTP calls (W3C WebDriver, https://www.w3.org/TR/webdriver2/). It has no headless mode, so it
// runs under Xvfb (a display found with -displayfd, GDK_BACKEND=x11); with no display it would hang
// silently, so every call is bounded. Shared by the conformance runner and the e2e suite.
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { freePort } from "../runtimes/ports.js";
import { bounded, poll } from "./bounded.js";
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

const children = new Set();
process.on("exit", () => {
  for (const child of children) stopGroup(child, "SIGKILL");
});

function stopGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function start(command, args, options) {
  const child = spawn(command, args, { detached: true, ...options });
  children.add(child);
  child.on("exit", () => children.delete(child));
  let output = "";
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  return { child, output: () => output };
}

async function stop(process) {
  if (!process) return;
  const exited = new Promise((resolve) => {
    if (process.child.exitCode !== null || process.child.signalCode !== null) resolve();
    else process.child.once("exit", resolve);
  });
  stopGroup(process.child, "SIGTERM");
  await bounded(exited, 5_000, "stopping").catch(() => stopGroup(process.child, "SIGKILL"));
}

/** Starts Xvfb on a free display; resolves with { display, process }. */
async function startXvfb() {
  const xvfb = start(XVFB_PATH, ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  let written = "";
  const display = await bounded(
    new Promise((resolve, reject) => {
      xvfb.child.stdio[3].on("data", (chunk) => {
        written += chunk;
        if (written.includes("\n")) resolve(written.trim());
      });
      xvfb.child.on("exit", (code) => reject(new Error(`Xvfb exited (${code}): ${xvfb.output()}`)));
      xvfb.child.on("error", reject);
    }),
    START_MS,
    "starting Xvfb",
  ).catch(async (error) => {
    await stop(xvfb);
    throw error;
  });
  return { display: `:${display}`, process: xvfb };
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
    await stop(driver);
    await stop(xvfb?.process);
  };

  try {
    xvfb = await startXvfb();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    driver = start(WEBKIT_DRIVER_PATH, [`--port=${port}`, "--host=127.0.0.1"], {
      env: { ...process.env, DISPLAY: xvfb.display, GDK_BACKEND: "x11" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await poll(async () => ((await call("GET", "/status")).ready ? true : undefined), {
      ms: START_MS,
      what: `WebKitWebDriver on ${base}${driver.output() ? ` (${driver.output()})` : ""}`,
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
      cookies: async () =>
        (await inSession("GET", "/cookie")).map((cookie) => ({
          name: cookie.name,
          value: cookie.value,
          path: cookie.path,
          httpOnly: cookie.httpOnly,
          secure: cookie.secure,
          sameSite: cookie.sameSite,
        })),
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
