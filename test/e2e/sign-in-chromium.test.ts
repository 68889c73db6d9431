// What only Chromium's driver (playwright-core) can show: response statuses and headers of each
// navigation, and cookies put back by hand. force_login, a tampered request-token cookie and a
// replayed callback, in Debian's headless Chromium (test/support/chromium.js). The sign-ins every
// engine must get through are in sign-in.test.ts.
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
describe.runIf(chromiumAvailable())("the demo in headless Chromium: force_login, tampering, replay", () => {
  let demo: RunningDemo;
  let session: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let page: Page;
  /** Every response of the fake X's authenticate/authorize pages, in order. */
  const fakePages: Array<{ url: string; status: number }> = [];
  /** Every callback URL the browser was sent to. */
  const callbacks: string[] = [];

  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

  async function signOut(): Promise<void> {
    await page.goto(demo.siteUrl);
    const button = page.getByRole("button", { name: "Sign out" });
    if (await button.count()) await button.click();
    await visible(page.getByText("You are not signed in."));
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

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    demo = await startDemo({ port: 0, fakePort: 0, host: "localhost", env: {}, log: () => undefined });
    session = await launchChromium();
    ({ context, page } = session.native);
    page.on("response", (response) => {
      const url = response.url();
      if (url.startsWith(`${demo.fakeUrl}/oauth/`) && response.request().method() === "GET")
        fakePages.push({ url, status: response.status() });
    });
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

  it("force_login: the form again, even though signed in at X and approved", async () => {
    await signOut();
    fakePages.length = 0;
    await page.getByRole("link", { name: "Sign in with a different X account" }).click();
    await page.waitForURL(`${demo.fakeUrl}/oauth/authenticate?**force_login=true**`);
    await visible(page.getByLabel("Password"));
    expect(fakePages.map((p) => p.status)).toEqual([200]);
    await shot("force-login-form");
    await fillLoginForm();
    await expectSignedIn();
    await shot("force-login");
  });

  it("a tampered request-token cookie: a clear error page, not signed in", async () => {
    await signOut();
    await page.goto(`${demo.siteUrl}/login?force_login=true`);
    await visible(page.getByLabel("Password"));
    const sealed = (await demoCookie("demo_request_token"))!;
    const i = Math.floor(sealed.value.length / 2);
    const tampered = sealed.value.slice(0, i) + (sealed.value[i] === "A" ? "B" : "A") + sealed.value.slice(i + 1);
    await context.addCookies([{ ...sealed, value: tampered }]);
    await fillLoginForm();
    await page.waitForURL(`${demo.siteUrl}/callback?**`);
    expect(await text(page.getByRole("heading", { level: 1 }))).toBe("We could not verify this sign-in");
    expect(await text(page.getByRole("alert"))).toContain("cookie was changed");
    expect(await demoCookie("demo_session")).toBeUndefined();
    await shot("tampered-cookie");
  });

  it("a replayed callback: a clear 'stale' page, with or without the old cookie", async () => {
    await signOut();
    callbacks.length = 0;
    // Already approved, so /login runs through to the callback at once: keep the sealed cookie from its answer.
    const login = page.waitForResponse((response) => response.url().startsWith(`${demo.siteUrl}/login`));
    await page.goto(`${demo.siteUrl}/login`);
    const setCookie = (await (await login).headerValue("set-cookie")) ?? "";
    await expectSignedIn();
    const value = /^demo_request_token=([^;]+)/.exec(setCookie)?.[1];
    expect(value).toBeDefined();
    const sealed = { name: "demo_request_token", value: value!, url: demo.siteUrl };
    const callback = callbacks.at(-1)!;
    expect(new URL(callback).searchParams.get("oauth_verifier")).toBeTruthy();
    await signOut();

    // Replayed as is: the single-use cookie is gone.
    const response = await page.goto(callback);
    expect(response?.status()).toBe(400);
    expect(await text(page.getByRole("heading", { level: 1 }))).toBe("This sign-in link is stale");
    await shot("replayed-callback");

    // Replayed with the old cookie put back: X refuses the used request token.
    await context.addCookies([sealed]);
    const again = await page.goto(callback);
    expect(again?.status()).toBe(400);
    expect(await text(page.getByRole("alert"))).toContain("already completed or has expired");
    expect(await demoCookie("demo_session")).toBeUndefined();
    await shot("replayed-with-old-cookie");
  });
});
