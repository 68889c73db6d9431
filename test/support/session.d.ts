/** A cookie as every engine reports it. */
export interface SessionCookie {
  name: string;
  value: string;
  path?: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: string;
}

/** One browser page, the same calls for every engine (see session.js). Elements are XPaths. */
export interface BrowserSession {
  engine: "chromium" | "firefox" | "webkit";
  /** "Chromium", "Firefox ESR", "WebKitGTK MiniBrowser". */
  product: string;
  version: string;
  /** What drives it: "playwright-core 1.65.1" and so on. */
  driver: string;
  /** The driver's own objects (for Chromium: { browser, context, page } of playwright-core). */
  native: unknown;
  goto(url: string): Promise<void>;
  url(): Promise<string>;
  /** Evaluates a JavaScript expression in the page; the value comes back as JSON. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** The element's trimmed text once it is shown. */
  text(xpath: string, ms?: number): Promise<string>;
  /** Waits until the element shows with this text (or text matching it); throws with the last text seen. */
  waitForText(xpath: string, expected: string | RegExp, ms?: number): Promise<string>;
  visible(xpath: string, ms?: number): Promise<true>;
  click(xpath: string): Promise<void>;
  fill(xpath: string, value: string): Promise<void>;
  waitForUrl(test: string | ((url: string) => boolean), ms?: number): Promise<string>;
  cookies(): Promise<SessionCookie[]>;
  cookie(name: string): Promise<SessionCookie | undefined>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export declare function xpathSession(engine: Record<string, unknown>): BrowserSession;
/** An XPath for an element by tag and exact (whitespace-normalized) text. */
export declare function byText(tag: string, text: string): string;
/** An XPath for the form control whose label reads `text`. */
export declare function byLabel(text: string): string;
