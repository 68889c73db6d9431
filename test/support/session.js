// One small page-driving interface over three drivers (playwright-core for Chromium, puppeteer-core
// over WebDriver BiDi for Firefox, plain WebDriver for WebKitGTK), so the conformance runner and the
// e2e suite drive every engine with the same calls. Elements are named by XPath, which all three
// drivers accept; every wait is bounded (a hung engine fails, it never hangs npm test).
import { bounded, poll } from "./bounded.js";

const STEP_MS = 30_000;

/** Reads an element's state in the page: undefined while it is absent or hidden. */
const probe = (xpath) => `(() => {
  const node = document.evaluate(${JSON.stringify(xpath)}, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
  if (!node) return null;
  const box = node.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return null;
  return (node.textContent || "").trim();
})()`;

/**
 * Wraps an engine's primitive calls ({ engine, product, version, driver, native, goto, url, evaluate,
 * click, fill, cookies, screenshot, close }) into the session of session.d.ts.
 */
export function xpathSession(engine) {
  const step = (promise, what) => bounded(promise, STEP_MS, `${engine.engine}: ${what}`);
  const session = {
    engine: engine.engine,
    product: engine.product,
    version: engine.version,
    driver: engine.driver,
    native: engine.native,
    goto: (url) => step(engine.goto(url), `loading ${url}`),
    url: () => step(engine.url(), "reading the URL"),
    evaluate: (expression) => step(engine.evaluate(expression), "evaluating a script"),
    /** The element's trimmed text once it is shown. */
    text: (xpath, ms = 15_000) =>
      poll(async () => (await engine.evaluate(probe(xpath))) ?? undefined, { ms, what: `${engine.engine}: ${xpath}` }),
    /**
     * Waits until the element shows with text that is `expected` (or matches it, a RegExp), and
     * returns that text; throws with the last text seen after `ms`. Reading right after a click
     * could still see the page being left: this waits for the one that was asked for.
     */
    async waitForText(xpath, expected, ms = 15_000) {
      let last;
      const matches = (text) => (typeof expected === "string" ? text === expected : expected.test(text));
      try {
        return await poll(
          async () => {
            last = (await engine.evaluate(probe(xpath))) ?? undefined;
            return last !== undefined && matches(last) ? last : undefined;
          },
          { ms, what: `${engine.engine}: ${xpath} reading ${expected}` },
        );
      } catch (error) {
        throw new Error(`${error.message}; last seen: ${last === undefined ? "(not shown)" : JSON.stringify(last)}`);
      }
    },
    /** True once the element is shown (throws after `ms`). */
    async visible(xpath, ms = 15_000) {
      await session.text(xpath, ms);
      return true;
    },
    async click(xpath) {
      await session.visible(xpath);
      await step(engine.click(xpath), `clicking ${xpath}`);
    },
    async fill(xpath, value) {
      await session.visible(xpath);
      await step(engine.fill(xpath, value), `filling ${xpath}`);
    },
    /** Waits until the page's URL passes `test` (a string prefix or a function). */
    waitForUrl: (test, ms = 15_000) =>
      poll(
        async () => {
          const url = await engine.url();
          const ok = typeof test === "function" ? test(url) : url.startsWith(test);
          return ok ? url : undefined;
        },
        { ms, what: `${engine.engine}: waiting for the URL ${typeof test === "function" ? "to match" : test}` },
      ),
    /** Cookies of the current page's origin: { name, value, path, httpOnly, secure, sameSite }. */
    cookies: async () =>
      (await step(engine.cookies(), "reading cookies")).map((cookie) => ({
        name: cookie.name,
        value: cookie.value,
        path: cookie.path,
        httpOnly: cookie.httpOnly,
        secure: cookie.secure,
        sameSite: cookie.sameSite,
      })),
    async cookie(name) {
      return (await session.cookies()).find((cookie) => cookie.name === name);
    },
    screenshot: (path) => step(engine.screenshot(path), `screenshot ${path}`),
    close: () => engine.close(),
  };
  return session;
}

/** An XPath that finds an element by tag and exact (whitespace-normalized) text. */
export function byText(tag, text) {
  return `//${tag}[normalize-space()=${xpathString(text)}]`;
}

/** An XPath for the form control whose <label> reads `text`. */
export function byLabel(text) {
  const label = xpathString(text);
  return `(//input[@id=//label[normalize-space()=${label}]/@for] | //label[normalize-space()=${label}]//input)`;
}

function xpathString(text) {
  if (!text.includes('"')) return `"${text}"`;
  return `concat(${text
    .split('"')
    .map((part) => `"${part}"`)
    .join(`, '"', `)})`;
}
