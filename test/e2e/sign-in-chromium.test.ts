// What only Chromium's driver (playwright-core) can show, in Debian's headless Chromium
// (test/support/chromium.js): the pages laid out on a phone, and a replayed callback as a browser
// replays it (the status of the navigation, the single-use cookie already gone from the jar). The
// sign-ins every engine must get through are in sign-in.test.ts; the handlers' rules (force_login,
// tampered cookies, replays) are owned by test/handlers/, the demo's pages over HTTP by demo.test.ts.
import { mkdirSync } from "node:fs";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDemo, startDemo } from "../../examples/demo/server.mjs";
import { chromiumAvailable, launchChromium } from "../support/chromium.js";

const SCREENSHOTS = "test-results/e2e/chromium";

/** Waits until the element shows (playwright-core has no test matchers; vitest asserts). */
async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout: 15_000 });
}

/** The element's text once it shows. */
async function text(locator: Locator): Promise<string> {
  await visible(locator);
  return ((await locator.first().textContent()) ?? "").trim();
}

// A missing Chromium is reported (banner locally, failure in CI) by sign-in.test.ts.
describe.runIf(chromiumAvailable())("the demo in headless Chromium: a phone's width, a replayed callback", () => {
  let demo: RunningDemo;
  let session: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let page: Page;
  /** Every callback URL the browser was sent to. */
  const callbacks: string[] = [];

  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

  async function signOut(): Promise<void> {
    await page.goto(demo.siteUrl);
    const button = page.getByRole("button", { name: "Sign out" });
    if (await button.count()) await button.click();
    else await page.goto(`${demo.siteUrl}/?signed_out=1`); // already out: the page a sign-out ends on
    await visible(page.getByText("You signed out. You are not signed in."));
  }

  async function fillLoginForm(): Promise<void> {
    await page.getByLabel("Username or email").fill("fake_user");
    await page.getByLabel("Password").fill("password");
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  async function expectSignedIn(): Promise<void> {
    await page.waitForURL(`${demo.siteUrl}/`);
    expect(await text(page.getByRole("heading", { level: 1 }))).toBe("Signed in as Fake User");
  }

  async function demoCookie(name: string) {
    return (await context.cookies(demo.siteUrl)).find((cookie) => cookie.name === name);
  }

  /** The handlers' pending sign-in cookies. */
  async function pendingCookies() {
    return (await context.cookies(demo.siteUrl)).filter((cookie) => cookie.name.startsWith("x-signin-"));
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    demo = await startDemo({ port: 0, fakePort: 0, host: "localhost", env: {}, log: () => undefined });
    session = await launchChromium();
    ({ context, page } = session.native);
    page.on("request", (request) => {
      if (request.url().startsWith(`${demo.siteUrl}/callback`)) callbacks.push(request.url());
    });
    // Signed in at X and the app approved once, as a returning user is.
    await page.goto(`${demo.siteUrl}/login`);
    await fillLoginForm();
    await expectSignedIn();
  }, 90_000);

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it("on a 375 px wide phone nothing overflows sideways: the home page and the profile card", async () => {
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      await page.goto(demo.siteUrl); // signed in since beforeAll: the profile card
      expect(await text(page.getByRole("heading", { level: 1 }))).toBe("Signed in as Fake User");
      expect(await overflow()).toBeLessThanOrEqual(0);
      // Every line of the card stays inside it: the longest values (the id, the email) included.
      const card = await page.locator("main").boundingBox();
      for (const id of ["name", "screen-name", "user-id", "email"]) {
        const box = (await page.locator(`#${id}`).boundingBox())!;
        expect(box.x + box.width, id).toBeLessThanOrEqual(card!.x + card!.width);
      }
      await shot("375-profile");
      await signOut();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await shot("375-signed-out");
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it("a replayed callback: the browser has dropped the single-use cookie, and the demo says the link is stale", async () => {
    await signOut();
    callbacks.length = 0;
    // Already approved, so /login runs through X to the callback at once.
    await page.goto(`${demo.siteUrl}/login`);
    await expectSignedIn();
    const callback = callbacks.at(-1)!;
    expect(new URL(callback).searchParams.get("oauth_verifier")).toBeTruthy();
    await signOut();
    expect(await pendingCookies()).toEqual([]);

    const response = await page.goto(callback);
    expect(response?.status()).toBe(400);
    expect(await text(page.getByRole("heading", { level: 1 }))).toBe("This sign-in link is stale");
    expect(await text(page.getByRole("alert"))).toContain("was already used (a replayed callback)");
    expect(await demoCookie("demo_session")).toBeUndefined();
    await shot("replayed-callback");
  });
});
