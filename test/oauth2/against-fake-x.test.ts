// The OAuth 2.0 client against the fake X of `twitter-oauth1/testing`, which answers as
// docs.x.com "oauth-1-0a-token-exchange" and "user-access-token" document: the whole move of a
// stored OAuth 1.0a user, a PKCE sign-in, rotation, revocation and the documented failures.
import { describe, expect, it } from "vitest";
import { TwitterOAuth } from "../../src/index.js";
import { isTwitterOAuthError, TwitterOAuth2, type TwitterOAuthError } from "../../src/oauth2/index.js";
import {
  createFakeTwitter,
  defaultClient,
  defaultConsumer,
  defaultUser,
  type FakeTwitter,
  type FakeTwitterOptions,
} from "../../src/testing/index.js";

const CALLBACK = "https://app.example/auth/x/callback";

function setup(
  options?: FakeTwitterOptions,
  client: { clientId: string; clientSecret?: string } = defaultClient,
  now?: () => number,
) {
  // One clock for the fake and both clients when a test pins it.
  const fake = createFakeTwitter(now === undefined ? options : { ...options, now });
  const fetch = (input: string | URL | Request, init?: RequestInit) => fake.fetch(new Request(input, init));
  const oauth1 = new TwitterOAuth({
    consumerKey: defaultConsumer.key,
    consumerSecret: defaultConsumer.secret,
    callbackUrl: "oob",
    fetch,
    now,
  });
  const x = new TwitterOAuth2({
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    callbackUrl: CALLBACK,
    fetch,
    now,
  });
  return { fake, oauth1, x };
}

/** A stored OAuth 1.0a user, as an app that signed them in years ago has them. */
async function storedUser(fake: FakeTwitter, oauth1: TwitterOAuth) {
  const requestToken = await oauth1.getRequestToken();
  return oauth1.exchangeVerifier(requestToken, fake.approve(requestToken.token));
}

async function failure(promise: Promise<unknown>): Promise<TwitterOAuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isTwitterOAuthError(error)) throw new Error(`expected a TwitterOAuthError, got ${String(error)}`);
  return error;
}

describe("moving a stored OAuth 1.0a user (docs.x.com oauth-1-0a-token-exchange)", () => {
  it("exchange, users/me, refresh: the same user, a rotated single-use refresh token", async () => {
    const now = (): number => Date.UTC(2026, 0, 15, 12, 0, 0);
    const { fake, oauth1, x } = setup(undefined, defaultClient, now);
    const stored = await storedUser(fake, oauth1);
    const tokens = await x.exchangeOAuth1Token(stored);
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.scopes).toContain("offline.access");
    // X's access tokens live 7,200 s (docs.x.com, "user-access-token"), counted from the answer.
    expect(tokens.expiresAt).toBe(now() + 7_200_000);
    expect((await x.me(tokens)).id).toBe(defaultUser.id);

    const next = await x.refresh(tokens.refreshToken!);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    expect((await x.me(next)).username).toBe(defaultUser.screenName);
    const reused = await failure(x.refresh(tokens.refreshToken!));
    expect(reused).toMatchObject({ code: "HTTP_ERROR", status: 400, oauthError: "invalid_grant" });
    expect(reused.message).toMatch(/already used or rotated/);

    // The 1.0a token stays valid after the exchange.
    expect((await oauth1.verifyCredentials(stored)).id_str).toBe(defaultUser.id);
  });

  it("a second exchange of the same token invalidates the pair issued before it", async () => {
    const { fake, oauth1, x } = setup();
    const stored = await storedUser(fake, oauth1);
    const first = await x.exchangeOAuth1Token(stored);
    const second = await x.exchangeOAuth1Token(stored);
    expect((await failure(x.me(first))).status).toBe(401);
    expect((await failure(x.refresh(first.refreshToken!))).oauthError).toBe("invalid_grant");
    expect((await x.me(second)).id).toBe(defaultUser.id);
  });

  it("a subset of scopes, and one beyond the mapping is invalid_scope", async () => {
    const { fake, oauth1, x } = setup();
    const stored = await storedUser(fake, oauth1);
    const narrow = await x.exchangeOAuth1Token(stored, { scopes: ["users.read", "tweet.read"] });
    expect([...narrow.scopes].sort()).toEqual(expect.arrayContaining(["tweet.read", "users.read"]));
    expect(narrow.scopes).not.toContain("tweet.write");
    const error = await failure(x.exchangeOAuth1Token(stored, { scopes: ["no.such.scope"] }));
    expect(error.oauthError).toBe("invalid_scope");
  });

  it("a revoked or unknown 1.0a token is invalid_grant: do not retry", async () => {
    const { x } = setup();
    const error = await failure(x.exchangeOAuth1Token({ token: "not-a-token", tokenSecret: "nor-a-secret" }));
    expect(error).toMatchObject({ status: 400, oauthError: "invalid_grant" });
    expect(error.message).toMatch(/do not retry it/);
  });

  it("a wrong client secret is invalid_client, with what to check", async () => {
    const { fake, oauth1 } = setup();
    const stored = await storedUser(fake, oauth1);
    const wrong = new TwitterOAuth2({
      clientId: defaultClient.clientId,
      clientSecret: "not-the-secret",
      fetch: (input, init) => fake.fetch(new Request(input, init)),
    });
    const error = await failure(wrong.exchangeOAuth1Token(stored));
    expect(["invalid_client", "unauthorized_client"]).toContain(error.oauthError);
    expect(error.message).toMatch(/check the client id and secret/);
  });

  it("a public client sends client_id in the body", async () => {
    const options = { clients: [{ clientId: "public-client", consumerKey: defaultConsumer.key }] };
    const { fake, oauth1, x } = setup(options, { clientId: "public-client" });
    const tokens = await x.exchangeOAuth1Token(await storedUser(fake, oauth1));
    expect((await x.me(tokens)).id).toBe(defaultUser.id);
  });

  it("injected failures: 429 rate_limited with x-rate-limit-reset, 503 temporarily_unavailable", async () => {
    const { fake, oauth1, x } = setup();
    const stored = await storedUser(fake, oauth1);
    fake.fail({ status: 429, error: "rate_limited", resetSeconds: 120, path: "/2/oauth2/token" });
    const limited = await failure(x.exchangeOAuth1Token(stored));
    expect(limited).toMatchObject({ status: 429, oauthError: "rate_limited" });
    expect(limited.rateLimit?.remaining).toBe(0);
    expect(limited.message).toMatch(/retry in 1[12]\d s, at .* \(x-rate-limit-reset\)$/);
    fake.fail({ status: 503, error: "temporarily_unavailable", path: "/2/oauth2/token" });
    const unavailable = await failure(x.exchangeOAuth1Token(stored));
    expect(unavailable).toMatchObject({ status: 503, oauthError: "temporarily_unavailable" });
    // Rerunning the exchange is safe: it rotates.
    expect((await x.exchangeOAuth1Token(stored)).accessToken).toEqual(expect.any(String));
  });
});

describe("signing in with PKCE (docs.x.com user-access-token)", () => {
  it("authorize, approve, callback, code for tokens, users/me; then revoke", async () => {
    const { fake, x } = setup();
    const { url, state, codeVerifier } = await x.createAuthorization();
    const callback = fake.approveAuthorization(url);
    const { code } = x.parseCallback(callback, state);
    const tokens = await x.exchangeCode(code, codeVerifier);
    expect((await x.me(tokens)).id).toBe(defaultUser.id);
    // The code is single use.
    expect((await failure(x.exchangeCode(code, codeVerifier))).oauthError).toBe("invalid_grant");
    await x.revoke(tokens.accessToken);
    const revoked = await failure(x.me(tokens));
    expect(revoked.status).toBe(401);
    expect(revoked.message).toMatch(/refresh it, or sign the user in again$/);
  });

  it("another verifier is invalid_grant (RFC 7636 4.6)", async () => {
    const { fake, x } = setup();
    const { url, state } = await x.createAuthorization();
    const { code } = x.parseCallback(fake.approveAuthorization(url), state);
    const other = (await x.createAuthorization()).codeVerifier;
    expect((await failure(x.exchangeCode(code, other))).oauthError).toBe("invalid_grant");
  });

  it("Cancel is AUTHORIZATION_DENIED; another sign-in's callback is TOKEN_MISMATCH", async () => {
    const { fake, x } = setup();
    const first = await x.createAuthorization();
    const second = await x.createAuthorization();
    expect(() => x.parseCallback(fake.denyAuthorization(first.url), first.state)).toThrow(
      expect.objectContaining({ code: "AUTHORIZATION_DENIED", oauthError: "access_denied" }),
    );
    expect(() => x.parseCallback(fake.approveAuthorization(second.url), first.state)).toThrow(
      expect.objectContaining({ code: "TOKEN_MISMATCH" }),
    );
  });

  it("an expired access token is 401 on users/me, and its refresh token still works", async () => {
    const { fake, x } = setup();
    const { url, state, codeVerifier } = await x.createAuthorization();
    const tokens = await x.exchangeCode(x.parseCallback(fake.approveAuthorization(url), state).code, codeVerifier);
    fake.expire(tokens.accessToken);
    expect((await failure(x.me(tokens))).status).toBe(401);
    const fresh = await x.refresh(tokens.refreshToken!);
    expect((await x.me(fresh)).id).toBe(defaultUser.id);
    const response = await x.fetch("/2/users/me", { token: fresh });
    expect(response.status).toBe(200);
  });
});
