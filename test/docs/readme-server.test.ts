// Issue 6: "a complete copy-paste sign-in for a Node server". The README's block, as published, runs
// in its own Node process against the fake X (run-with-fake-x.ts); the test plays the browser and the user.
// X docs "Log in with X": steps 1 to 3; the callback cases follow parseCallback's contract.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeTwitter, defaultConsumer, defaultUser } from "../../src/testing/index.js";
import { blockUnder, freePort, runWithFakeX, type BlockProcess } from "./run-with-fake-x.js";

const fake = createFakeTwitter();
let server: BlockProcess;
let site: string;

beforeAll(async () => {
  const port = await freePort();
  site = `http://127.0.0.1:${port}`;
  server = await runWithFakeX("readme-server", blockUnder("README.md", "## Sign in with X on a Node server"), fake, {
    PORT: String(port),
    TWITTER_CONSUMER_KEY: defaultConsumer.key,
    TWITTER_CONSUMER_SECRET: defaultConsumer.secret,
    COOKIE_SECRET: "readme-test-cookie-secret-0123456789abcdef",
  });
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(site + "/")).ok) break;
    } catch {
      if (attempt > 150 || server.child.exitCode !== null)
        throw new Error(`the README server did not start:\n${server.output()}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}, 60_000);

afterAll(() => server?.stop());

async function startSignIn(): Promise<{ token: string; cookie: string; location: URL }> {
  const login = await fetch(site + "/login", { redirect: "manual" });
  expect(login.status).toBe(302);
  const location = new URL(login.headers.get("location")!);
  const cookie = login.headers.getSetCookie()[0]!;
  expect(cookie).toMatch(/HttpOnly/);
  return { token: location.searchParams.get("oauth_token")!, cookie: cookie.split(";")[0]!, location };
}

describe("README: Sign in with X on a Node server", () => {
  it("X docs steps 1 and 2: /login sets the sealed cookie and redirects to oauth/authenticate", async () => {
    const { location, cookie, token } = await startSignIn();
    expect(location.origin + location.pathname).toBe("https://api.x.com/oauth/authenticate");
    // The request-token secret travels sealed, never readable.
    expect(cookie).toMatch(/^x_request_token=[A-Za-z0-9_-]{100,}$/);
    expect(cookie).not.toContain(token);
  });

  it("X docs step 3: the approved callback signs the user in; replaying it fails", async () => {
    const { token, cookie } = await startSignIn();
    const callback = fake.approve(token);
    expect(callback.startsWith(site + "/callback?")).toBe(true);
    const signedIn = await fetch(callback, { headers: { cookie } });
    expect(await signedIn.text()).toBe(`Signed in as @${defaultUser.screenName} (id ${defaultUser.id})`);
    expect(signedIn.status).toBe(200);
    const replay = await fetch(callback, { headers: { cookie } });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toMatch(/^HTTP_ERROR: /);
  });

  it("Cancel on X (denied=…) answers 403 AUTHORIZATION_DENIED", async () => {
    const { token, cookie } = await startSignIn();
    const cancelled = await fetch(fake.deny(token), { headers: { cookie } });
    expect(cancelled.status).toBe(403);
    expect(await cancelled.text()).toMatch(/^AUTHORIZATION_DENIED: /);
  });

  it("another sign-in's callback with this browser's cookie answers 400 TOKEN_MISMATCH", async () => {
    const mine = await startSignIn();
    const theirs = await startSignIn();
    const crossed = await fetch(fake.approve(theirs.token), { headers: { cookie: mine.cookie } });
    expect(crossed.status).toBe(400);
    expect(await crossed.text()).toMatch(/^TOKEN_MISMATCH: /);
  });
});
