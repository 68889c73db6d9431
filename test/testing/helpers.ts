// Requests signed with the core's signRequest, independent of the X client, for the fake X tests.
import { signRequest, type SignOptions } from "../../src/oauth1/index.js";
import {
  createFakeTwitter,
  defaultConsumer,
  type FakeTwitter,
  type FakeTwitterOptions,
} from "../../src/testing/index.js";

export const ORIGIN = "https://api.x.com";
export const CALLBACK = "https://app.example/auth/callback";
export const FORM = "application/x-www-form-urlencoded";

export interface Signer {
  consumerKey?: string;
  consumerSecret?: string;
  token?: string;
  tokenSecret?: string;
}

// The clock of each fake made by fakeOn, so that the helpers sign their requests to it on that clock.
const clocks = new WeakMap<FakeTwitter, () => number>();

/**
 * A fake X running on `clock` (see {@link manualClock}); {@link send} and the helpers built on it
 * sign their requests to it with the same clock, so a test pins time without reading the machine's.
 */
export function fakeOn(clock: { now: () => number }, options: FakeTwitterOptions = {}): FakeTwitter {
  const fake = createFakeTwitter({ ...options, now: clock.now });
  clocks.set(fake, clock.now);
  return fake;
}

/**
 * Signs and sends a request to the fake; `body` is a form body (signed) unless `json` is given.
 * The timestamp is the fake's clock when it was made by {@link fakeOn} and none is given.
 */
export async function send(
  fake: FakeTwitter,
  method: string,
  path: string,
  signer: Signer,
  options: SignOptions & { body?: string; json?: string } = {},
): Promise<Response> {
  const url = ORIGIN + path;
  const { body, json, ...given } = options;
  const clock = clocks.get(fake);
  const signOptions =
    clock === undefined || given.timestamp !== undefined ? given : { ...given, timestamp: Math.floor(clock() / 1000) };
  const credentials = {
    consumerKey: signer.consumerKey ?? defaultConsumer.key,
    consumerSecret: signer.consumerSecret ?? defaultConsumer.secret,
    ...(signer.token === undefined ? {} : { token: signer.token, tokenSecret: signer.tokenSecret ?? "" }),
  };
  const signed = await signRequest({ method, url, body: body ?? null }, credentials, signOptions);
  const headers: Record<string, string> = { authorization: signed.authorization };
  if (body !== undefined) headers["content-type"] = FORM;
  if (json !== undefined) headers["content-type"] = "application/json";
  return fake.fetch(new Request(url, { method, headers, body: body ?? json ?? null }));
}

export interface Tokens {
  token: string;
  tokenSecret: string;
}

/** Step 1 with the default consumer. */
export async function requestToken(fake: FakeTwitter, callback = CALLBACK, signer: Signer = {}): Promise<Tokens> {
  const response = await send(fake, "POST", "/oauth/request_token", signer, { callback });
  const form = new URLSearchParams(await response.text());
  if (response.status !== 200) throw new Error(`request_token answered ${response.status}`);
  return { token: form.get("oauth_token")!, tokenSecret: form.get("oauth_token_secret")! };
}

/** Step 3, verifier in the form body as in X's Log-in guide. */
export async function exchange(
  fake: FakeTwitter,
  tokens: Tokens,
  verifier: string,
  signer: Signer = {},
): Promise<Response> {
  return send(
    fake,
    "POST",
    "/oauth/access_token",
    { ...signer, ...tokens },
    { body: `oauth_verifier=${encodeURIComponent(verifier)}` },
  );
}

/** The three legs, headless: an access token for the first user. */
export async function signIn(
  fake: FakeTwitter,
  options: { screenName?: string } = {},
): Promise<Tokens & { userId: string; screenName: string }> {
  const tokens = await requestToken(fake);
  const verifier = new URL(fake.approve(tokens.token, options)).searchParams.get("oauth_verifier")!;
  const response = await exchange(fake, tokens, verifier);
  const form = new URLSearchParams(await response.text());
  return {
    token: form.get("oauth_token")!,
    tokenSecret: form.get("oauth_token_secret")!,
    userId: form.get("user_id")!,
    screenName: form.get("screen_name")!,
  };
}

/** X's JSON error body, parsed. */
export async function xErrors(response: Response): Promise<Array<{ code: number; message: string }>> {
  return ((await response.json()) as { errors: Array<{ code: number; message: string }> }).errors;
}

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2026, 0, 15, 12, 0, 0)): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}
