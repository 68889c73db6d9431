// The three browser engines, by name: where each is, how to install it, how to start it. The
// conformance runner (test/runtimes/browser.js) and the e2e suite (test/e2e) take them from here.
import { CHROMIUM_INSTALL_HINT, CHROMIUM_PATH, chromiumAvailable, launchChromium } from "./chromium.js";
import { FIREFOX_INSTALL_HINT, FIREFOX_PATH, firefoxAvailable, launchFirefox } from "./firefox.js";
import { WEBKIT_DRIVER_PATH, WEBKIT_INSTALL_HINT, launchWebKit, webkitAvailable } from "./webkit.js";

export const ENGINES = {
  chromium: {
    label: "Chromium",
    path: CHROMIUM_PATH,
    hint: CHROMIUM_INSTALL_HINT,
    available: chromiumAvailable,
    launch: launchChromium,
  },
  firefox: {
    label: "Firefox",
    path: FIREFOX_PATH,
    hint: FIREFOX_INSTALL_HINT,
    available: firefoxAvailable,
    launch: launchFirefox,
  },
  webkit: {
    label: "WebKit",
    path: WEBKIT_DRIVER_PATH,
    hint: WEBKIT_INSTALL_HINT,
    available: webkitAvailable,
    launch: launchWebKit,
  },
};
