// Where Debian's Chromium is and how every browser test starts it: headless, no sandbox (root in a
// container), and none of the background connections this machine's closed network refuses.
// Shared by the conformance runner (test/runtimes) and the e2e suite (test/e2e).
import { existsSync } from "node:fs";

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
