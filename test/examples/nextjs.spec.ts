// examples/nextjs: no `next build` here (the issue asks for a type-check only), but the two route
// handlers are plain functions of a NextRequest, so they are called in-process against the fake X
// on loopback, with the cookie carried between them as a browser would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { defaultConsumer, defaultUser } from "../../src/testing/index.js";
import { readForm } from "./harness/browser.js";
import { serveFakeX, type FakeXServer } from "./harness/fake-x-server.js";

const APP = "http://127.0.0.1:3000";
let x: FakeXServer;
let login: { GET: () => Promise<Response> };
let callback: { GET: (request: NextRequest) => Promise<Response> };

beforeAll(async () => {
  x = await serveFakeX();
  Object.assign(process.env, {
    TWITTER_CONSUMER_KEY: defaultConsumer.key,
    TWITTER_CONSUMER_SECRET: defaultConsumer.secret,
    TWITTER_CALLBACK_URL: `${APP}/api/auth/callback`,
    COOKIE_SECRET: "test-only cookie secret, 32+ characters long",
    X_BASE_URL: x.origin,
  });
  // Imported by a computed path, so that `npm run typecheck` (before the build) does not follow the
  // example into the built package; tsc -p examples/nextjs checks these files against dist.
  const routes = "../../examples/nextjs/app/api/auth";
  login = (await import(`${routes}/login/route.js`)) as typeof login;
  callback = (await import(`${routes}/callback/route.js`)) as typeof callback;
});
afterAll(() => x?.close());

/** `name=value` of the request-token cookie a handler set, and its attributes. */
function setCookie(response: Response): { pair: string; header: string } {
  const header = response.headers.getSetCookie().find((h) => h.startsWith("x_request_token="));
  if (header === undefined) throw new Error("no x_request_token cookie was set");
  return { pair: header.split(";", 1)[0]!, header };
}

async function startSignIn(): Promise<{ cookie: string; token: string; authenticate: string }> {
  const response = await login.GET();
  expect(response.status).toBe(302);
  const authenticate = response.headers.get("location")!;
  expect(authenticate.startsWith(`${x.origin}/oauth/authenticate?oauth_token=`)).toBe(true);
  const { pair, header } = setCookie(response);
  expect(header).toMatch(/HttpOnly/i);
  expect(header).toMatch(/SameSite=lax/i);
  expect(header).toMatch(/Path=\/api\/auth/i);
  return { cookie: pair, token: new URL(authenticate).searchParams.get("oauth_token")!, authenticate };
}

describe("examples/nextjs route handlers (in-process)", () => {
  it("X docs, Log in with X: login redirects to X, X's login form sends back to the callback, which names the fake user", async () => {
    const { cookie, authenticate } = await startSignIn();
    const page = await fetch(authenticate);
    const form = readForm(await page.text());
    form.fields.set("action", "authorize");
    form.fields.set("session[username_or_email]", defaultUser.screenName);
    form.fields.set("session[password]", defaultUser.password);
    const posted = await fetch(form.action, { method: "POST", body: form.fields, redirect: "manual" });
    const back = posted.headers.get("location")!;
    expect(back.startsWith(`${APP}/api/auth/callback?`)).toBe(true);

    const response = await callback.GET(new NextRequest(back, { headers: { cookie } }));
    const html = await response.text();
    expect(response.status, html).toBe(200);
    expect(html).toContain(`@${defaultUser.screenName}`);
    expect(setCookie(response).header).toMatch(/Max-Age=0/i);
  });

  it("X docs: a callback carrying another sign-in's token is refused (TOKEN_MISMATCH)", async () => {
    const victim = await startSignIn();
    const attacker = await startSignIn();
    const response = await callback.GET(
      new NextRequest(x.fake.approve(attacker.token), { headers: { cookie: victim.cookie } }),
    );
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain("TOKEN_MISMATCH");
    expect(html).not.toContain(`@${defaultUser.screenName}`);
  });

  it("without the cookie (expired, another browser, a replay) the callback is refused", async () => {
    const { token } = await startSignIn();
    const response = await callback.GET(new NextRequest(x.fake.approve(token)));
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain(`@${defaultUser.screenName}`);
  });

  it("X docs: Cancel comes back with denied= and ends signed out (AUTHORIZATION_DENIED)", async () => {
    const { cookie, token } = await startSignIn();
    const response = await callback.GET(new NextRequest(x.fake.deny(token), { headers: { cookie } }));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("AUTHORIZATION_DENIED");
  });

  it("behind https (an https callback URL) the request-token cookie is also Secure", async () => {
    const callbackUrl = process.env.TWITTER_CALLBACK_URL;
    process.env.TWITTER_CALLBACK_URL = "https://app.example/api/auth/callback";
    try {
      expect(setCookie(await login.GET()).header).toMatch(/;\s*Secure/i);
    } finally {
      process.env.TWITTER_CALLBACK_URL = callbackUrl;
    }
  });
});
