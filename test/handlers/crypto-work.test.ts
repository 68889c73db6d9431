/**
 * How much crypto one complete sign-in does, counted (never timed): the request token is hashed once
 * per leg for its cookie's name, and where the runtime offers node:crypto (Node, Deno, Bun, through
 * process.getBuiltinModule) the cookie's SHA-256 and AES-GCM run there synchronously, with no
 * WebCrypto job at all once the cookie secret's key is derived.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { TwitterOAuth } from "../../src/index.js";
import { createSignInHandlers } from "../../src/handlers/index.js";
import { createFakeTwitter, defaultConsumer } from "../../src/testing/index.js";
import { CALLBACK, COOKIE_SECRET, LOGIN, tokenOf } from "./setup.js";
import { loadWebCryptoHandlers } from "./webcrypto-load.js";

afterEach(() => vi.restoreAllMocks());

type Create = typeof createSignInHandlers;
const fake = createFakeTwitter();
const client = new TwitterOAuth({
  consumerKey: defaultConsumer.key,
  consumerSecret: defaultConsumer.secret,
  callbackUrl: CALLBACK,
  fetch: (input, init) => fake.fetch(new Request(input, init)),
});
const app = (create: Create): ReturnType<Create> =>
  create({
    client,
    cookieSecret: COOKIE_SECRET,
    onSuccess: ({ returnTo }) => new Response(null, { status: 303, headers: { location: returnTo } }),
  });

/** Login on `start`, approval as the fake's user, callback on `finish`; the callback's status. */
async function completeSignIn(start: ReturnType<Create>, finish = start): Promise<number> {
  const login = await start.login(new Request(LOGIN));
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const callback = fake.approve(tokenOf(login.headers.get("location")!));
  return (await finish.callback(new Request(callback, { headers: { cookie } }))).status;
}

const SUBTLE = ["digest", "encrypt", "decrypt", "importKey", "deriveKey", "deriveBits"] as const;

describe("crypto work per sign-in", () => {
  it("on the WebCrypto path, the request token is hashed once in the login and once in the callback", async () => {
    const web = app((await loadWebCryptoHandlers()).handlers.createSignInHandlers);
    expect(await completeSignIn(web)).toBe(303); // warm: the cookie secret's key is derived
    const digest = vi.spyOn(crypto.subtle, "digest");
    expect(await completeSignIn(web)).toBe(303);
    expect(digest).toHaveBeenCalledTimes(2);
  });

  it("with node:crypto available, a sign-in starts no WebCrypto job for its cookie once the key is derived", async () => {
    const node = app(createSignInHandlers);
    expect(await completeSignIn(node)).toBe(303);
    const spies = SUBTLE.map((name) => vi.spyOn(crypto.subtle, name));
    expect(await completeSignIn(node)).toBe(303);
    expect(await completeSignIn(node)).toBe(303);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it("a sign-in started on one path finishes on the other, both ways", async () => {
    const node = app(createSignInHandlers);
    const web = app((await loadWebCryptoHandlers()).handlers.createSignInHandlers);
    expect(await completeSignIn(node, web)).toBe(303);
    expect(await completeSignIn(web, node)).toBe(303);
  });
});
