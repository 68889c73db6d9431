// Finds Debian's Chromium, or says loudly why the browser test cannot run.
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, CHROMIUM_PATH, chromiumAvailable } from "../support/chromium.js";

export { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable };

export const INSTALL_HINT = `Chromium was not found at ${CHROMIUM_PATH}: ${CHROMIUM_INSTALL_HINT}.`;

export function skippedBanner(): string {
  const line = "#".repeat(78);
  return `\n${line}\n#  E2E BROWSER TEST SKIPPED: ${INSTALL_HINT}\n#  (CI is not set, so this is not a failure. In CI it is.)\n${line}\n`;
}
