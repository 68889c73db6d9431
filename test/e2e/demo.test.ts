// The demo over plain HTTP (no browser needed): what it prints, both modes, and the flow with
// the fake X's headless approve().
import { describe, expect, it } from "vitest";
import { startDemo } from "../../examples/demo/server.mjs";

function cookieOf(response: Response, name: string): string | undefined {
  for (const cookie of response.headers.getSetCookie()) if (cookie.startsWith(`${name}=`)) return cookie.split(";")[0];
  return undefined;
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

      const login = await fetch(`${demo.siteUrl}/login`, { redirect: "manual" });
      expect(login.status).toBe(303);
      const location = new URL(login.headers.get("location")!);
      expect(location.origin + location.pathname).toBe(`${demo.fakeUrl}/oauth/authenticate`);
      const state = cookieOf(login, "demo_request_token")!;
      expect(login.headers.getSetCookie()[0]).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; Max-Age=900$/);

      const callback = demo.fake!.approve(location.searchParams.get("oauth_token")!);
      expect(callback.startsWith(`${demo.siteUrl}/callback?`)).toBe(true);
      const back = await fetch(callback, { redirect: "manual", headers: { cookie: state } });
      expect(back.status).toBe(303);
      const session = cookieOf(back, "demo_session")!;
      const home = await (await fetch(demo.siteUrl, { headers: { cookie: session } })).text();
      expect(home).toContain('<dd id="screen-name">@fake_user</dd>');
      expect(home).toContain('<dd id="user-id">1450000000000000001</dd>');

      const replay = await fetch(callback, { redirect: "manual", headers: { cookie: state } });
      expect(replay.status).toBe(400);
      expect(await replay.text()).toContain("This sign-in link is stale");

      const out = await fetch(`${demo.siteUrl}/logout`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: session },
      });
      expect(out.status).toBe(303);
      expect(await (await fetch(demo.siteUrl, { headers: { cookie: session } })).text()).toContain(
        "You are not signed in.",
      );
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
