// Issue 4, "The browser test": the demo driven in Debian's headless Chromium through the five
// scenarios of the issue. Screenshots of each final page go to test-results/e2e/.
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type RunningDemo } from "../../examples/demo/server.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH, INSTALL_HINT, chromiumAvailable, skippedBanner } from "./chromium.js";

const SCREENSHOTS = "test-results/e2e";

/** Waits until the element shows (playwright-core has no test matchers; vitest asserts). */
async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout: 15_000 });
}

/** The element's text once it shows. */
async function text(locator: Locator): Promise<string> {
  await visible(locator);
  return ((await locator.first().textContent()) ?? "").trim();
}
const available = chromiumAvailable();

if (!available && !process.env.CI) console.warn(skippedBanner());

describe.runIf(!available && Boolean(process.env.CI))("e2e in CI", () => {
  it("needs Chromium", () => {
    throw new Error(INSTALL_HINT);
  });
});

describe.runIf(available)("the demo in a real browser (headless Chromium)", () => {
  let demo: RunningDemo;
  let browser: Browser;
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
    expect(await text(page.locator("#screen-name"))).toBe("@fake_user");
    expect(await text(page.locator("#user-id"))).toBe("1450000000000000001");
    expect(await text(page.locator("#email"))).toBe("fake_user@example.com");
  }

  async function demoCookie(name: string) {
    return (await context.cookies(demo.siteUrl)).find((cookie) => cookie.name === name);
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    demo = await startDemo({ port: 0, fakePort: 0, host: "localhost", env: {}, log: () => undefined });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    context = await browser.newContext();
    page = await context.newPage();
    page.on("response", (response) => {
      const url = response.url();
      if (url.startsWith(`${demo.fakeUrl}/oauth/`) && response.request().method() === "GET")
        fakePages.push({ url, status: response.status() });
    });
    page.on("request", (request) => {
      if (request.url().startsWith(`${demo.siteUrl}/callback`)) callbacks.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it("(1) first sign-in: the login form with the consent, then signed in with the profile shown", async () => {
    await page.goto(demo.siteUrl);
    await visible(page.getByText("fake X", { exact: false }).first());
    await page.getByRole("link", { name: "Sign in with X" }).click();
    await page.waitForURL(`${demo.fakeUrl}/oauth/authenticate?**`);
    expect(await text(page.getByRole("heading", { level: 1 }))).toContain("twitter-oauth1 demo");
    await visible(page.getByText("Post and delete posts for you", { exact: false }));
    // The sealed request token is an HttpOnly, SameSite=Lax cookie of the site.
    const sealed = await demoCookie("demo_request_token");
    expect(sealed).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    await fillLoginForm();
    await expectSignedIn();
    expect(await demoCookie("demo_request_token")).toBeUndefined();
    expect(await demoCookie("demo_session")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await shot("1-first-sign-in");
  });

  it("(2) sign out, sign in again: already approved, no form, straight back", async () => {
    await signOut();
    fakePages.length = 0;
    await page.getByRole("link", { name: "Sign in with X" }).click();
    await expectSignedIn();
    // One visit to authenticate, answered with a redirect: no page was shown.
    expect(fakePages.map((p) => p.status)).toEqual([303]);
    await shot("2-already-approved");
  });

  it("(3) force_login: the form again, even though signed in at X and approved", async () => {
    await signOut();
    fakePages.length = 0;
    await page.getByRole("link", { name: "Sign in with a different X account" }).click();
    await page.waitForURL(`${demo.fakeUrl}/oauth/authenticate?**force_login=true**`);
    await visible(page.getByLabel("Password"));
    expect(fakePages.map((p) => p.status)).toEqual([200]);
    await shot("3a-force-login-form");
    await fillLoginForm();
    await expectSignedIn();
    await shot("3-force-login");
  });

  it("(4) Cancel: X says you cancelled, the app says the sign-in was cancelled and holds no session", async () => {
    await signOut();
    await page.getByRole("link", { name: "Sign in with a different X account" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await text(page.getByRole("heading", { level: 1 }))).toBe("You cancelled");
    await page.getByRole("link", { name: "Return to twitter-oauth1 demo" }).click();
    await page.waitForURL(`${demo.siteUrl}/callback?denied=**`);
    expect(await text(page.getByRole("heading", { level: 1 }))).toBe("Sign-in cancelled");
    expect(await demoCookie("demo_session")).toBeUndefined();
    expect(await demoCookie("demo_request_token")).toBeUndefined();
    await shot("4-cancelled");
    await page.goto(demo.siteUrl);
    await visible(page.getByText("You are not signed in."));
  });

  it("(5a) a tampered request-token cookie: a clear error page, not signed in", async () => {
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
    await shot("5a-tampered-cookie");
  });

  it("(5b) a replayed callback: a clear 'stale' page, with or without the old cookie", async () => {
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
    await shot("5b-replayed-callback");

    // Replayed with the old cookie put back: X refuses the used request token.
    await context.addCookies([sealed]);
    const again = await page.goto(callback);
    expect(again?.status()).toBe(400);
    expect(await text(page.getByRole("alert"))).toContain("already completed or has expired");
    expect(await demoCookie("demo_session")).toBeUndefined();
    await shot("5c-replayed-with-old-cookie");
  });
});
