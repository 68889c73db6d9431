// Finds Debian's Chromium, or says loudly why the browser test cannot run.
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The flags of the ground rules: no sandbox (root in a container), no network chatter, no GPU. */
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

export const INSTALL_HINT = `Chromium was not found at ${CHROMIUM_PATH}. Install Debian's package with "apt-get install -y chromium" (.ci/run does this), or set CHROMIUM_PATH. Never let a tool download a browser.`;

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function skippedBanner(): string {
  const line = "#".repeat(78);
  return `\n${line}\n#  E2E BROWSER TEST SKIPPED: ${INSTALL_HINT}\n#  (CI is not set, so this is not a failure. In CI it is.)\n${line}\n`;
}
