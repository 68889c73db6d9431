import type { BrowserSession } from "./session.js";

export type EngineName = "chromium" | "firefox" | "webkit";

export interface Engine {
  label: string;
  /** The executable (for WebKit, the WebDriver). */
  path: string;
  /** How to install it. */
  hint: string;
  available(): boolean;
  launch(): Promise<BrowserSession>;
}

export declare const ENGINES: Record<EngineName, Engine>;
