// docs/testing.md tells a browser test which buttons the fake's sign-in pages have; a Playwright
// test written from it clicks those names. This reads the names the doc quotes and finds them on
// the pages the fake renders: the first visit (sign in) and a later one (consent).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createFakeTwitter } from "../../src/testing/index.js";
import { ORIGIN, requestToken } from "../testing/helpers.js";

const doc = readFileSync(new URL("../../docs/testing.md", import.meta.url), "utf8").replace(/\s+/g, " ");

function buttons(html: string): string[] {
  return [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]!);
}

function quoted(pattern: RegExp): string[] {
  const sentence = pattern.exec(doc)?.[0];
  if (sentence === undefined) throw new Error(`docs/testing.md no longer says ${pattern}`);
  return [...sentence.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

describe("docs/testing.md names the buttons the fake's pages render", () => {
  it("the first page (not signed in on the fake): its quoted buttons", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    const page = await fake.fetch(new Request(`${ORIGIN}/oauth/authenticate?oauth_token=${tokens.token}`));
    const documented = quoted(/first page[^.]*?buttons( "[^"]+"(,| and))+ "[^"]+"/);
    expect(documented).toEqual(["Sign in", "Cancel"]);
    expect(buttons(await page.text())).toEqual(documented);
  });

  it("a later visit, signed in on the fake: the consent page's quoted buttons", async () => {
    const fake = createFakeTwitter();
    const first = await requestToken(fake);
    const form = await fake.fetch(new Request(`${ORIGIN}/oauth/authenticate?oauth_token=${first.token}`));
    const html = await form.text();
    const fields = Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
    );
    const signedIn = await fake.fetch(
      new Request(`${ORIGIN}/oauth/authorize`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          ...fields,
          "session[username_or_email]": "fake_user",
          "session[password]": "password",
          action: "authorize",
        }).toString(),
      }),
    );
    const cookie = signedIn.headers.get("set-cookie")?.split(";")[0];
    expect(cookie).toBeDefined();
    const second = await requestToken(fake);
    // authorize always asks, even for an app the user approved before (X docs, Log in with X).
    const page = await fake.fetch(
      new Request(`${ORIGIN}/oauth/authorize?oauth_token=${second.token}`, { headers: { cookie: cookie! } }),
    );
    const documented = quoted(/consent page[^.]*?buttons( "[^"]+"(,| and))+ "[^"]+"/);
    expect(documented).toEqual(["Authorize app", "Cancel"]);
    expect(buttons(await page.text())).toEqual(documented);
  });
});
