// The Cookie header is the browser's (or an attacker's) to fill: reading it is one linear pass,
// bounded in what it keeps. The work is counted (characters copied out of the header), not timed.
import { describe, expect, it } from "vitest";
import { readCookies } from "../../src/handlers/cookies.js";
import { readCookieHeader } from "../../src/shared/cookie-header.js";
import { LOGIN, setup, tokenOf } from "./setup.js";

// Shapes where a parser that looks for "=" or ";" from each pair's start again would copy or scan
// the header once per pair.
const SIZE = 1_000_000;
const SHAPES: Record<string, string> = {
  "many pairs without '='": `${"a;".repeat(SIZE / 2)}b=c`,
  "one huge value": `x-signin-a=${"v".repeat(SIZE)}`,
  "many of our names (only 32 kept)": "x-signin-a=1; ".repeat(SIZE / 14),
  "commas and semicolons": ",;".repeat(SIZE / 2),
  "many '='": "=".repeat(SIZE),
  "many pairs of another app": "y=1; ".repeat(SIZE / 5),
};

describe("reading the Cookie header", () => {
  it.each(Object.entries(SHAPES))("%s: the names looked at add up to at most the header's length", (_, header) => {
    let calls = 0;
    let copied = 0;
    readCookieHeader(
      header,
      (name) => {
        calls++;
        copied += name.length;
        return name.startsWith("x-signin-");
      },
      32,
    );
    expect(copied).toBeLessThanOrEqual(header.length);
    expect(calls).toBeLessThanOrEqual(header.split(";").length);
  });

  it("keeps the first of a repeated name, at most 32 of ours, nothing else", () => {
    const cookies = readCookies(
      `other=1; x-signin-a=first; x-signin-a=second; x-signin-b = two ;junk; =x; ${Array.from({ length: 40 }, (_, i) => `x-signin-n${i}=${i}`).join("; ")}`,
      "x-signin-",
    );
    expect(cookies.get("x-signin-a")).toBe("first");
    expect(cookies.get("x-signin-b")).toBe("two");
    expect(cookies.has("other")).toBe(false);
    expect(cookies.size).toBe(32);
  });

  it("splits on ';' only (RFC 6265 5.4): a ',' is part of a value, never the start of another cookie", () => {
    const cookies = readCookies("pref=dark,x-signin-a=smuggled; x-signin-b=1,2", "x-signin-");
    expect([...cookies]).toEqual([["x-signin-b", "1,2"]]);
  });

  it("a sibling subdomain's cookie smuggling a pending sign-in after a ',' is not read (login CSRF)", async () => {
    const app = setup();
    // The attacker starts a sign-in of their own on the app and approves it on X with their account.
    const started = await app.signIn.login(new Request(LOGIN));
    const attackers = started.headers.getSetCookie()[0]!.split(";")[0]!;
    const callback = app.fake.approve(tokenOf(started.headers.get("location")!));
    // A sibling subdomain sets `pref=dark,<the attacker's cookie>; Domain=app.example`, which the
    // victim's browser sends as one cookie named "pref".
    const answer = await app.signIn.callback(new Request(callback, { headers: { cookie: `pref=dark,${attackers}` } }));
    expect(app.successes).toEqual([]);
    expect(answer.status).toBe(400);
  });

  it("a sign-in still finishes behind 1 MB of other cookies", async () => {
    const app = setup();
    const started = await app.signIn.login(new Request(LOGIN));
    const ours = started.headers.getSetCookie()[0]!.split(";")[0]!;
    const cookie = `${"junk=0123456789; ".repeat(60_000)}${ours}`;
    expect(cookie.length).toBeGreaterThan(1_000_000);
    const back = await app.signIn.callback(
      new Request(app.fake.approve(tokenOf(started.headers.get("location")!)), { headers: { cookie } }),
    );
    expect(back.status).toBe(303);
  });
});
