// The OAuth 2.0 client of `twitter-oauth1/oauth2` through an in-memory fetch: no network in any
// runtime. Only what can differ between runtimes: WebCrypto's SHA-256 (the RFC 7636 Appendix B
// challenge), getRandomValues and base64url (verifiers and state), btoa (HTTP Basic), URLSearchParams
// and Request bodies (the form as sent), Response JSON and streams (capped reads), timers and
// AbortSignal, and how each engine serialises an error. The client's rules (every request's wire
// format, errors, arguments, secrets) are owned by test/oauth2/.
import { deepEqual, equal, excludes, match, oauthError, ok, settles, typeError } from "../assert.js";
import { need } from "./client.js";

const CALLBACK = "https://app.example/auth/x/callback";
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CLIENT_SECRET = "client secret/+=&";

/** A client on a recording, in-memory fetch that answers with `answer(request, body, signal)`. */
function recording(oauth2, answer, options = {}) {
  const TwitterOAuth2 = need(oauth2, "TwitterOAuth2", "dist/oauth2.js");
  const sent = [];
  const client = new TwitterOAuth2({
    clientId: "client-id",
    clientSecret: CLIENT_SECRET,
    callbackUrl: CALLBACK,
    now: () => 1_800_000_000_000,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const body = await request.text();
      sent.push({
        method: request.method,
        url: request.url,
        authorization: request.headers.get("authorization"),
        body,
      });
      return answer(request, body, init?.signal);
    },
    ...options,
  });
  return { client, sent };
}

/** A fetch answer that never comes: it rejects with the signal's reason once the signal aborts, as fetch does. */
function never(signal) {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

const tokens = () =>
  new Response(
    JSON.stringify({
      token_type: "bearer",
      expires_in: 7200,
      access_token: "access-2",
      refresh_token: "refresh-2",
      scope: "tweet.read users.read offline.access",
    }),
    { headers: { "content-type": "application/json" } },
  );

/** @returns the named cases for the OAuth 2.0 client. */
export function oauth2Cases(oauth2) {
  return [
    {
      name: "RFC 7636 Appendix B: the S256 challenge of dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk on this runtime's SHA-256",
      async run() {
        const createCodeChallenge = need(oauth2, "createCodeChallenge", "dist/oauth2.js");
        equal(await createCodeChallenge(VERIFIER), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge");
        await typeError(
          () => createCodeChallenge("short"),
          /^codeVerifier must be 43 to 128 characters/,
          "a short verifier",
        );
      },
    },
    {
      name: "docs.x.com user-access-token step 1: the authorize URL, a fresh 43-character verifier and state, the challenge of the verifier",
      async run() {
        const { client } = recording(oauth2, tokens);
        const createCodeChallenge = need(oauth2, "createCodeChallenge", "dist/oauth2.js");
        const first = await client.createAuthorization();
        const second = await client.createAuthorization();
        const url = new URL(first.url);
        equal(url.origin + url.pathname, "https://x.com/i/oauth2/authorize", "authorize page");
        deepEqual(
          [...url.searchParams.keys()],
          ["response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method"],
          "authorize parameters",
        );
        equal(url.searchParams.get("redirect_uri"), CALLBACK, "redirect_uri");
        equal(url.searchParams.get("scope"), "tweet.read users.read offline.access", "scope");
        equal(url.searchParams.get("code_challenge_method"), "S256", "code_challenge_method");
        equal(url.searchParams.get("code_challenge"), await createCodeChallenge(first.codeVerifier), "code_challenge");
        match(first.codeVerifier, /^[A-Za-z0-9_-]{43}$/, "code verifier");
        match(first.state, /^[A-Za-z0-9_-]{43}$/, "state");
        ok(
          first.codeVerifier !== second.codeVerifier && first.state !== second.state,
          "a second sign-in reuses a value",
        );
        excludes(first.url, first.codeVerifier, "authorize URL");
      },
    },
    {
      name: "docs.x.com oauth-1-0a-token-exchange: the form and HTTP Basic as this runtime's Request sends them, then the pair",
      async run() {
        const { client, sent } = recording(oauth2, tokens);
        const pair = await client.exchangeOAuth1Token({ token: "oauth1-token", tokenSecret: "oauth1 secret/+" });
        deepEqual(
          pair,
          {
            accessToken: "access-2",
            refreshToken: "refresh-2",
            expiresAt: 1_800_000_000_000 + 7_200_000,
            scopes: ["tweet.read", "users.read", "offline.access"],
          },
          "the pair",
        );
        equal(sent[0].method, "POST", "method");
        equal(sent[0].url, "https://api.x.com/2/oauth2/token", "URL");
        // base64("client-id:client+secret%2F%2B%3D%26"): RFC 6749 2.3.1 form-encodes id and secret first.
        equal(sent[0].authorization, "Basic Y2xpZW50LWlkOmNsaWVudCtzZWNyZXQlMkYlMkIlM0QlMjY=", "Authorization");
        equal(
          sent[0].body,
          "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=oauth1-token" +
            "&subject_token_type=urn%3Ax%3Aparams%3Aoauth%3Atoken-type%3Aoauth1_token&oauth_token_secret=oauth1+secret%2F%2B",
          "form body",
        );
      },
    },
    {
      name: "sign-in round trip: callback as a Request, code for tokens, GET /2/users/me with Bearer",
      async run() {
        const { client, sent } = recording(oauth2, (request) =>
          request.url.endsWith("/2/users/me")
            ? new Response(JSON.stringify({ data: { id: "2244994945", name: "X Dev", username: "XDevelopers" } }))
            : tokens(),
        );
        const { state, codeVerifier } = await client.createAuthorization();
        const { code } = client.parseCallback(new Request(`${CALLBACK}?state=${state}&code=the-code`), state);
        equal(code, "the-code", "code");
        const pair = await client.exchangeCode(code, codeVerifier);
        equal(new URLSearchParams(sent[0].body).get("code_verifier"), codeVerifier, "code_verifier sent");
        const me = await client.me(pair);
        deepEqual(me, { id: "2244994945", name: "X Dev", username: "XDevelopers" }, "users/me data");
        equal(sent[1].authorization, "Bearer access-2", "Bearer header");
      },
    },
    {
      name: "RFC 6749 5.2 errors: invalid_grant and a 429 with x-rate-limit-reset, serialised by this engine without secrets",
      async run() {
        const { client } = recording(oauth2, (_request, body) =>
          body.includes("grant_type=refresh_token")
            ? new Response(JSON.stringify({ error: "invalid_grant", error_description: `refresh ${CLIENT_SECRET}` }), {
                status: 400,
              })
            : new Response(JSON.stringify({ error: "rate_limited" }), {
                status: 429,
                headers: {
                  "x-rate-limit-limit": "10000",
                  "x-rate-limit-remaining": "0",
                  "x-rate-limit-reset": "1800000060",
                },
              }),
        );
        const refused = await oauthError(oauth2, () => client.refresh("used-refresh-token"), "HTTP_ERROR", "refresh");
        equal(refused.status, 400, "status");
        equal(refused.oauthError, "invalid_grant", "oauthError");
        for (const view of [refused.message, JSON.stringify(refused), String(refused.stack)]) {
          excludes(view, CLIENT_SECRET, "error");
          excludes(view, "used-refresh-token", "error");
        }
        const limited = await oauthError(
          oauth2,
          () => client.exchangeOAuth1Token({ token: "t", tokenSecret: "s" }),
          "HTTP_ERROR",
          "429",
        );
        equal(limited.oauthError, "rate_limited", "oauthError");
        equal(limited.rateLimit?.reset.getTime(), 1_800_000_060_000, "rateLimit.reset");
        match(limited.message, /retry in 60 s/, "message");
      },
    },
    {
      name: "transport: a token endpoint that never answers is TIMEOUT, an endless body stops at the cap, a caller's abort wins",
      async run() {
        const hanging = recording(oauth2, (_request, _body, signal) => never(signal), { timeout: 50 });
        await settles(
          oauthError(oauth2, () => hanging.client.revoke("token"), "TIMEOUT", "revoke"),
          "timeout",
        );
        const filler = new Uint8Array(16 * 1024).fill(0x20);
        const endless = recording(oauth2, () => new Response(new ReadableStream({ pull: (c) => c.enqueue(filler) })), {
          timeout: false,
        });
        await settles(
          oauthError(oauth2, () => endless.client.refresh("r"), "INVALID_RESPONSE", "endless body"),
          "endless",
        );
        const controller = new AbortController();
        const reason = new Error("caller stopped");
        const aborted = recording(oauth2, (_request, _body, signal) => {
          controller.abort(reason);
          return never(signal);
        });
        const error = await settles(
          aborted.client.refresh("r", { signal: controller.signal }).catch((e) => e),
          "abort",
        );
        equal(error, reason, "the caller's abort reason");
      },
    },
  ];
}
