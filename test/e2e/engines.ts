// Which browser engines the e2e suite drives, and what it says when one is missing: locally a loud
// SKIPPED banner (not a failure); with CI set, a failing test naming what to install.
import { ENGINES, type Engine, type EngineName } from "../support/browsers.js";

export { ENGINES, type Engine, type EngineName };

export const ENGINE_NAMES: EngineName[] = ["chromium", "firefox", "webkit"];

export function installHint(engine: Engine): string {
  return `${engine.label} was not found at ${engine.path}: ${engine.hint}.`;
}

export function skippedBanner(engine: Engine): string {
  const line = "#".repeat(78);
  return `\n${line}\n#  E2E BROWSER TEST SKIPPED: ${installHint(engine)}\n#  (CI is not set, so this is not a failure. In CI it is.)\n${line}\n`;
}
