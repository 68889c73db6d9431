import type { Browser, BrowserContext, Page } from "playwright-core";
import type { BrowserSession } from "./session.js";

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare const CHROMIUM_INSTALL_HINT: string;
export declare function chromiumAvailable(): boolean;
/** Chromium's session; `native` holds playwright-core's objects. */
export declare function launchChromium(): Promise<
  BrowserSession & { native: { browser: Browser; context: BrowserContext; page: Page } }
>;
