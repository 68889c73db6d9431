// What traffic can make the fake remember is bounded: oversized protocol parameters are refused as X
// refuses a malformed request (400 code 215), and every store keeps at most its documented number of
// entries, the oldest going first. Counted in entries, with the limits lowered for the test.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFakeTwitter } from "../../src/testing/index.js";
import { STORE_LIMITS, remember } from "../../src/testing/store.js";
import { CALLBACK, requestToken, send, signIn, xErrors } from "./helpers.js";

describe("oversized protocol parameters are refused, not stored", () => {
  it("an oauth_callback over 2,048 characters is 400 code 215; one of 2,048 is accepted", async () => {
    const fake = createFakeTwitter();
    const base = `${CALLBACK}?pad=`;
    const longest = base + "a".repeat(2048 - base.length);
    expect((await send(fake, "POST", "/oauth/request_token", {}, { callback: longest })).status).toBe(200);
    const tooLong = await send(fake, "POST", "/oauth/request_token", {}, { callback: `${longest}a` });
    expect(tooLong.status).toBe(400);
    expect(await xErrors(tooLong)).toEqual([{ code: 215, message: "Bad authentication data." }]);
  });

  it("a 1 MB oauth_callback is refused", async () => {
    const fake = createFakeTwitter();
    const answer = await send(
      fake,
      "POST",
      "/oauth/request_token",
      {},
      { callback: `${CALLBACK}?${"a".repeat(1 << 20)}` },
    );
    expect(answer.status).toBe(400);
  });

  it("any other oauth_* parameter over 512 characters (a nonce, say) is 400 code 215", async () => {
    const fake = createFakeTwitter();
    const answer = await send(fake, "POST", "/oauth/request_token", {}, { callback: CALLBACK, nonce: "n".repeat(513) });
    expect(answer.status).toBe(400);
    expect(await xErrors(answer)).toEqual([{ code: 215, message: "Bad authentication data." }]);
    expect(
      (await send(fake, "POST", "/oauth/request_token", {}, { callback: CALLBACK, nonce: "n".repeat(512) })).status,
    ).toBe(200);
  });
});

describe("every store keeps at most its limit, oldest out first", () => {
  const saved = { ...STORE_LIMITS };
  beforeEach(() => {
    Object.assign(STORE_LIMITS, {
      requestTokens: 3,
      accessTokens: 2,
      nonces: 4,
      sessions: 2,
      approvals: 2,
      rateWindows: 2,
    });
  });
  afterEach(() => {
    Object.assign(STORE_LIMITS, saved);
  });

  it("request tokens: the fourth pushes the first out (approving it is unknown), the others still work", async () => {
    const fake = createFakeTwitter();
    const tokens: Awaited<ReturnType<typeof requestToken>>[] = [];
    for (let i = 0; i < 4; i++) tokens.push(await requestToken(fake));
    expect(() => fake.approve(tokens[0]!.token)).toThrow();
    for (const kept of tokens.slice(1)) expect(fake.approve(kept.token)).toMatch(/oauth_verifier=/);
  });

  it("access tokens: a third user's sign-in pushes the first user's token out (401 code 89)", async () => {
    const users = ["1", "2", "3"].map((id) => ({ id, screenName: `u${id}`, name: `U${id}`, password: "pw" }));
    const fake = createFakeTwitter({ users });
    const signedIn: Awaited<ReturnType<typeof signIn>>[] = [];
    for (const user of users) signedIn.push(await signIn(fake, { screenName: user.screenName }));
    const first = await send(fake, "GET", "/1.1/account/verify_credentials.json", signedIn[0]!);
    expect(await xErrors(first)).toEqual([{ code: 89, message: "Invalid or expired token." }]);
    for (const kept of signedIn.slice(1)) {
      expect((await send(fake, "GET", "/1.1/account/verify_credentials.json", kept)).status).toBe(200);
    }
  });

  it("nonces: only the newest are remembered (a replay of an old one is no longer seen)", async () => {
    const fake = createFakeTwitter();
    const timestamp = Math.floor(Date.now() / 1000);
    const call = (nonce: string) =>
      send(fake, "POST", "/oauth/request_token", {}, { callback: CALLBACK, nonce, timestamp });
    for (let i = 0; i < 5; i++) expect((await call(`nonce-${i}`)).status).toBe(200);
    // nonce-4 is remembered: a replay is refused (code 32); nonce-0 was pushed out by the limit of 4.
    expect(await xErrors(await call("nonce-4"))).toEqual([{ code: 32, message: "Could not authenticate you." }]);
    expect((await call("nonce-0")).status).toBe(200);
  });

  it("the one helper every store goes through (sessions, approvals and rate windows too) keeps the newest", () => {
    const map = new Map<string, number>();
    for (const [i, key] of ["a", "b", "c", "b", "d"].entries()) remember(map, key, i, 3);
    // "b" written again counts as new: "a" then "c" go first.
    expect([...map]).toEqual([
      ["c", 2],
      ["b", 3],
      ["d", 4],
    ]);
    const set = new Set<string>();
    for (const key of ["a", "b", "c"]) remember(set, key, undefined, 2);
    expect([...set]).toEqual(["b", "c"]);
  });
});
