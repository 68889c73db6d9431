// The Cookie header is the browser's (or an attacker's) to fill: reading it is one linear pass,
// bounded in what it keeps. The work is counted (characters the string built-ins look at, scan or
// copy: see test/support/string-work.ts), never timed.
import { describe, expect, it } from "vitest";
import { readCookies } from "../../src/handlers/cookies.js";
import { workGrowth } from "../support/string-work.js";
import { LOGIN, setup, tokenOf } from "./setup.js";

/** How much more work a 10x larger header costs. Linear work: about 10; quadratic: about 100. */
const growth = (parse: (header: string) => unknown, make: (size: number) => string): number =>
  workGrowth(parse, make, 100_000, 1_000_000);

// The shape a parser that looks for "=" from each pair's start would take in quadratic time: many
// pairs, and the only "=" at the very end.
const NO_EQUALS = (size: number) => `${"a;".repeat(size / 2)}b=c`;
const SHAPES: Record<string, (size: number) => string> = {
  "many pairs without '='": NO_EQUALS,
  "one huge value": (size) => `x-signin-a=${"v".repeat(size)}`,
  "many of our names (only 32 kept)": (size) => "x-signin-a=1; ".repeat(size / 14),
  "commas and semicolons": (size) => ",;".repeat(size / 2),
  "many '='": (size) => "=".repeat(size),
};

describe("reading the Cookie header", () => {
  it("the measure tells: a parser that searches '=' from each pair's start grows quadratically here", () => {
    const naive = (header: string): number => {
      let found = 0;
      for (let start = 0; start < header.length; ) {
        let end = header.indexOf(";", start);
        if (end === -1) end = header.length;
        if (header.indexOf("=", start) < end) found++; // scans past the pair's end
        start = end + 1;
      }
      return found;
    };
    expect(growth(naive, (size) => NO_EQUALS(size / 10))).toBeGreaterThan(40);
  });

  it.each(Object.entries(SHAPES))(
    "%s: grows linearly (1 MB costs at most 12x the counted work of 100 kB)",
    (_, make) => {
      expect(growth((header) => readCookies(header, "x-signin-"), make)).toBeLessThanOrEqual(12);
    },
  );

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
