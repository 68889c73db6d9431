// The demo over plain HTTP (no browser needed): what it prints, both modes, and the flow with
// the fake X's headless approve().
import { get } from "node:http";
import { describe, expect, it } from "vitest";
import { startDemo } from "../../examples/demo/server.mjs";

/** `name=value` of the first cookie the answer sets whose name starts with `prefix`. */
function cookieOf(response: Response, prefix: string): string | undefined {
  for (const cookie of response.headers.getSetCookie()) if (cookie.startsWith(prefix)) return cookie.split(";")[0];
  return undefined;
}

/**
 * The second half of a demo sign-in, the same over both protocols: the pending sign-in's own
 * sealed cookie, the callback back at the demo, its session cookie and the home page signed in.
 */
async function finishAtDemo(
  demo: { siteUrl: string },
  login: Response,
  callback: string,
): Promise<{ state: string; session: string; home: string }> {
  const state = cookieOf(login, "x-signin-")!;
  expect(login.headers.getSetCookie()[0]).toMatch(
    /^x-signin-[\w-]{16}=[\w-]+; Path=\/; Max-Age=900; HttpOnly; SameSite=Lax$/,
  );
  expect(callback.startsWith(`${demo.siteUrl}/callback?`)).toBe(true);
  const back = await fetch(callback, { redirect: "manual", headers: { cookie: state } });
  expect(back.status).toBe(303);
  const session = cookieOf(back, "demo_session=")!;
  const home = await (await fetch(demo.siteUrl, { headers: { cookie: session } })).text();
  expect(home).toContain('<dd id="screen-name">@fake_user</dd>');
  expect(home).toContain('<dd id="user-id">1450000000000000001</dd>');
  return { state, session, home };
}

describe("npm run demo", () => {
  it("fake mode: prints what to open and signs in end to end over HTTP", async () => {
    const lines: string[] = [];
    const demo = await startDemo({ port: 0, fakePort: 0, env: {}, log: (line) => lines.push(line) });
    try {
      expect(demo.mode).toBe("fake");
      expect(lines.join("\n")).toContain("FAKE X mode");
      expect(lines.join("\n")).toContain(`Open      ${demo.siteUrl}`);
      expect(lines.join("\n")).toContain(`Fake X    ${demo.fakeUrl}`);

      const first = await (await fetch(demo.siteUrl)).text();
      expect(first).toContain("You are not signed in.");
      // A first visit has no account to differ from: no force_login link yet.
      expect(first).not.toContain("different X account");

      const login = await fetch(`${demo.siteUrl}/login`, { redirect: "manual" });
      expect(login.status).toBe(302);
      const location = new URL(login.headers.get("location")!);
      expect(location.origin + location.pathname).toBe(`${demo.fakeUrl}/oauth/authenticate`);
      // The sign-in waits in the handlers' sealed cookie of its own.
      const callback = demo.fake!.approve(location.searchParams.get("oauth_token")!);
      const { state, session, home } = await finishAtDemo(demo, login, callback);
      expect(home).toContain('href="/login?force_login=true">Sign in with a different X account</a>');
      // The footer leads to the fake X's own home page.
      expect(home).toContain(`<a href="${demo.fakeUrl}/">`);
      const fakeHome = await fetch(`${demo.fakeUrl}/`);
      expect([fakeHome.status, fakeHome.headers.get("content-type")]).toEqual([200, "text/html; charset=utf-8"]);

      // Replayed with the sign-in's old cookie put back: X refuses the used request token.
      const replay = await fetch(callback, { redirect: "manual", headers: { cookie: state } });
      expect(replay.status).toBe(400);
      const stale = await replay.text();
      expect(stale).toContain("This sign-in link is stale");
      expect(stale).toContain("X says this sign-in was already completed or has expired");
      expect(cookieOf(replay, "demo_session=")).toBeUndefined();

      const out = await fetch(`${demo.siteUrl}/logout`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: session },
      });
      expect(out.status).toBe(303);
      const after = new URL(out.headers.get("location")!, demo.siteUrl).href;
      const signedOut = await (await fetch(after, { headers: { cookie: session } })).text();
      expect(signedOut).toContain("You signed out. You are not signed in.");
      expect(signedOut).toContain("Sign in with a different X account");
    } finally {
      await demo.close();
    }
  });

  it("fake mode with X_AUTH=oauth2: signs in over OAuth 2.0 with PKCE end to end over HTTP, and signs out", async () => {
    const lines: string[] = [];
    const demo = await startDemo({ port: 0, fakePort: 0, env: { X_AUTH: "oauth2" }, log: (line) => lines.push(line) });
    try {
      expect(lines.join("\n")).toContain("FAKE X mode over OAuth 2.0");
      const login = await fetch(`${demo.siteUrl}/login`, { redirect: "manual" });
      expect(login.status).toBe(302);
      const location = new URL(login.headers.get("location")!);
      expect(location.origin + location.pathname).toBe(`${demo.fakeUrl}/i/oauth2/authorize`);
      expect(location.searchParams.get("code_challenge_method")).toBe("S256");
      const callback = demo.fake!.approveAuthorization(location.href);
      const { state, session, home } = await finishAtDemo(demo, login, callback);
      expect(home).toContain("<strong>fake X</strong> over OAuth 2.0");

      // Replayed with the sign-in's old cookie put back: X refuses the used code (invalid_grant).
      const replay = await fetch(callback, { redirect: "manual", headers: { cookie: state } });
      expect(replay.status).toBe(400);
      expect(await replay.text()).toContain("X says this sign-in was already completed or has expired");

      const out = await fetch(`${demo.siteUrl}/logout`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: session },
      });
      expect(out.status).toBe(303);
      const after = new URL(out.headers.get("location")!, demo.siteUrl).href;
      expect(await (await fetch(after, { headers: { cookie: session } })).text()).toContain("You are not signed in.");
    } finally {
      await demo.close();
    }
  });

  it("opened on another host than the callback's, the home page signs in over there", async () => {
    const demo = await startDemo({ port: 0, fakePort: 0, host: "localhost", env: {}, log: () => undefined });
    try {
      // As a browser that opened http://127.0.0.1:PORT asks (the site listens on localhost; fetch
      // would not send a Host header of its own choosing).
      const elsewhere = new URL(demo.siteUrl.replace("localhost", "127.0.0.1")).host;
      const page = await new Promise<string>((resolve, reject) => {
        get(demo.siteUrl, { headers: { host: elsewhere } }, async (response) => {
          let body = "";
          for await (const chunk of response) body += chunk;
          resolve(body);
        }).on("error", reject);
      });
      expect(page).toContain(`Signing in happens on ${demo.siteUrl}, where X sends you back.`);
      expect(page).toContain(`href="${demo.siteUrl}/login"`);
    } finally {
      await demo.close();
    }
  });

  it("real mode with TWITTER_CONSUMER_KEY and TWITTER_CONSUMER_SECRET: no fake X, says so", async () => {
    const lines: string[] = [];
    const demo = await startDemo({
      port: 0,
      env: {
        TWITTER_CONSUMER_KEY: "k",
        TWITTER_CONSUMER_SECRET: "s",
        TWITTER_CALLBACK_URL: "http://127.0.0.1:3000/callback",
      },
      log: (line) => lines.push(line),
    });
    try {
      expect(demo.mode).toBe("real");
      expect(demo.fakeUrl).toBeUndefined();
      expect(lines.join("\n")).toContain("REAL X mode");
      expect(lines.join("\n")).toContain("http://127.0.0.1:3000/callback");
      const home = await (await fetch(demo.siteUrl)).text();
      expect(home).toContain("<strong>real X</strong>");
    } finally {
      await demo.close();
    }
  });
});
