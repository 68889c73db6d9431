// The exact requests of the OAuth 2.0 client, as X documents them: docs.x.com
// "fundamentals/authentication/oauth-2-0/oauth-1-0a-token-exchange" (the exchange) and
// "fundamentals/authentication/oauth-2-0/user-access-token" (authorize URL, code, refresh, revoke),
// with RFC 6749 2.3.1 client authentication. Expected bodies and headers are written out by hand.
import { describe, expect, it } from "vitest";
import { recorded, tokenJson } from "./recorder.js";

const NOW = 1_800_000_000_000;
const CONFIDENTIAL = { clientId: "client-id", clientSecret: "client secret/+=&" };
// base64("client-id:client+secret%2F%2B%3D%26"): id and secret form-urlencoded first (RFC 6749 2.3.1).
const BASIC = "Basic Y2xpZW50LWlkOmNsaWVudCtzZWNyZXQlMkYlMkIlM0QlMjY=";
const FORM = "application/x-www-form-urlencoded";

describe("docs.x.com oauth-1-0a-token-exchange: POST /2/oauth2/token", () => {
  it("a confidential client sends the four documented fields, form-encoded, with HTTP Basic and no client_id", async () => {
    const { client, sent } = recorded(CONFIDENTIAL);
    const tokens = await client.exchangeOAuth1Token({ token: "12-OAuth1Token", tokenSecret: "oauth1 secret/+" });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe("POST");
    expect(sent[0]!.url).toBe("https://api.x.com/2/oauth2/token");
    expect(sent[0]!.headers).toEqual({ authorization: BASIC, "content-type": FORM });
    expect(sent[0]!.body).toBe(
      "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange" +
        "&subject_token=12-OAuth1Token" +
        "&subject_token_type=urn%3Ax%3Aparams%3Aoauth%3Atoken-type%3Aoauth1_token" +
        "&oauth_token_secret=oauth1+secret%2F%2B",
    );
    expect(sent[0]!.redirect).toBe("manual");
    expect(tokens).toEqual({
      accessToken: "ACCESS-TOKEN-2",
      refreshToken: "REFRESH-TOKEN-2",
      expiresAt: NOW + 7_200_000,
      scopes: ["tweet.read", "users.read", "offline.access"],
    });
  });

  it("docs.x.com user-access-token's own Basic header, for its example client id and secret", async () => {
    const { client, sent } = recorded({
      clientId: "WTNrQS14bUhpMl83aU5adTd2NWM6MTpjaQ",
      clientSecret: "-RoKx3x58JA8Sm9JIt2fmAjq3q5GX-bqZ3vjJxSeGsdmGtXEbP",
    });
    await client.refresh("r");
    expect(sent[0]!.headers.authorization).toBe(
      "Basic V1ROclFTMTRiVWhwTWw4M2FVNWFkVGQyTldNNk1UcGphUTotUm9LeDN4NThKQThTbTlKSXQyZm1BanEzcTVHWC1icVozdmpKeFNlR3NkbUd0WEViUA==",
    );
  });

  it("the client says which kind it is, and where it sends requests", () => {
    expect(recorded(CONFIDENTIAL).client).toMatchObject({
      clientId: "client-id",
      confidential: true,
      baseUrl: "https://api.x.com",
    });
    expect(recorded({ baseUrl: "http://[::1]:9000/x/" }).client).toMatchObject({
      confidential: false,
      baseUrl: "http://[::1]:9000/x",
    });
  });

  it("a public client sends client_id in the body and no Authorization header", async () => {
    const { client, sent } = recorded({ clientId: "public-id" });
    await client.exchangeOAuth1Token({ token: "t", tokenSecret: "s" });
    expect(sent[0]!.headers).toEqual({ "content-type": FORM });
    expect(sent[0]!.body).toBe(
      "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=t" +
        "&subject_token_type=urn%3Ax%3Aparams%3Aoauth%3Atoken-type%3Aoauth1_token&oauth_token_secret=s" +
        "&client_id=public-id",
    );
  });

  it("asks for a subset of scopes with scope, space-separated (RFC 6749 3.3)", async () => {
    const { client, sent, setAnswer } = recorded(CONFIDENTIAL);
    setAnswer(() => tokenJson({ scope: undefined }));
    const tokens = await client.exchangeOAuth1Token(
      { token: "t", tokenSecret: "s" },
      { scopes: ["tweet.read", "users.read"] },
    );
    expect(new URLSearchParams(sent[0]!.body).get("scope")).toBe("tweet.read users.read");
    expect(sent[0]!.body.endsWith("&scope=tweet.read+users.read")).toBe(true);
    // RFC 6749 5.1: scope may be left out when it is the scope asked for.
    expect(tokens.scopes).toEqual(["tweet.read", "users.read"]);
  });

  it("expiresAt is the client's clock at the answer plus expires_in seconds", async () => {
    let clock = 1_000;
    const { client } = recorded({ ...CONFIDENTIAL, now: () => clock });
    clock = 5_000;
    const tokens = await client.exchangeOAuth1Token({ token: "t", tokenSecret: "s" });
    expect(tokens.expiresAt).toBe(5_000 + 7_200_000);
  });

  it("honours baseUrl (a loopback fake X over plain http)", async () => {
    const { client, sent } = recorded({ ...CONFIDENTIAL, baseUrl: "http://127.0.0.1:8787/" });
    await client.exchangeOAuth1Token({ token: "t", tokenSecret: "s" });
    expect(sent[0]!.url).toBe("http://127.0.0.1:8787/2/oauth2/token");
  });
});

describe("docs.x.com user-access-token: refresh and revoke", () => {
  it("refresh: refresh_token and grant_type=refresh_token, Basic for a confidential client", async () => {
    const { client, sent } = recorded(CONFIDENTIAL);
    const tokens = await client.refresh("REFRESH-1");
    expect(sent[0]!.method).toBe("POST");
    expect(sent[0]!.url).toBe("https://api.x.com/2/oauth2/token");
    expect(sent[0]!.headers).toEqual({ authorization: BASIC, "content-type": FORM });
    expect(sent[0]!.body).toBe("refresh_token=REFRESH-1&grant_type=refresh_token");
    expect(tokens.refreshToken).toBe("REFRESH-TOKEN-2");
  });

  it("refresh: client_id in the body for a public client", async () => {
    const { client, sent } = recorded();
    await client.refresh("REFRESH-1");
    expect(sent[0]!.headers).toEqual({ "content-type": FORM });
    expect(sent[0]!.body).toBe("refresh_token=REFRESH-1&grant_type=refresh_token&client_id=client-id");
  });

  it("refresh: an answer without a refresh token has none in OAuth2Tokens", async () => {
    const { client } = recorded({}, () => tokenJson({ refresh_token: undefined, scope: "tweet.read" }));
    const tokens = await client.refresh("REFRESH-1");
    expect(tokens).toEqual({ accessToken: "ACCESS-TOKEN-2", expiresAt: NOW + 7_200_000, scopes: ["tweet.read"] });
    expect("refreshToken" in tokens).toBe(false);
  });

  it("revoke: POST /2/oauth2/revoke with token (RFC 7009 2.1)", async () => {
    const { client, sent } = recorded(CONFIDENTIAL, () => Response.json({ revoked: true }));
    await expect(client.revoke("ACCESS-1")).resolves.toBeUndefined();
    expect(sent[0]!.method).toBe("POST");
    expect(sent[0]!.url).toBe("https://api.x.com/2/oauth2/revoke");
    expect(sent[0]!.headers).toEqual({ authorization: BASIC, "content-type": FORM });
    expect(sent[0]!.body).toBe("token=ACCESS-1");
  });

  it("revoke: client_id in the body for a public client", async () => {
    const { client, sent } = recorded({}, () => new Response(null, { status: 200 }));
    await client.revoke("ACCESS-1");
    expect(sent[0]!.body).toBe("token=ACCESS-1&client_id=client-id");
  });
});

describe("docs.x.com user-access-token: sign-in with PKCE", () => {
  const signIn = { callbackUrl: "https://app.example/auth/x/callback" };

  it("step 1: the authorize URL has the documented parameters, in order, S256 always", async () => {
    const { client } = recorded({ ...signIn, clientId: "M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ" });
    const { url, state, codeVerifier } = await client.createAuthorization();
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe("https://x.com/i/oauth2/authorize");
    expect([...parsed.searchParams.keys()]).toEqual([
      "response_type",
      "client_id",
      "redirect_uri",
      "scope",
      "state",
      "code_challenge",
      "code_challenge_method",
    ]);
    expect(parsed.searchParams.get("response_type")).toBe("code");
    expect(parsed.searchParams.get("client_id")).toBe("M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ");
    expect(parsed.searchParams.get("redirect_uri")).toBe("https://app.example/auth/x/callback");
    expect(parsed.searchParams.get("state")).toBe(state);
    expect(parsed.searchParams.get("code_challenge_method")).toBe("S256");
    // As X's example spells it: scope=tweet.read%20users.read%20offline.access, redirect_uri encoded.
    expect(url).toContain("&scope=tweet.read%20users.read%20offline.access&");
    expect(url).toContain("&redirect_uri=https%3A%2F%2Fapp.example%2Fauth%2Fx%2Fcallback&");
    // The challenge is the verifier's SHA-256 (RFC 7636 4.2), computed here with node:crypto.
    const { createHash } = await import("node:crypto");
    expect(parsed.searchParams.get("code_challenge")).toBe(
      createHash("sha256").update(codeVerifier).digest("base64url"),
    );
    expect(url).not.toContain(codeVerifier);
  });

  it("step 1: state and verifier are fresh for every sign-in, 43 base64url characters (256 bits)", async () => {
    const { client } = recorded(signIn);
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const { state, codeVerifier } = await client.createAuthorization();
      expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
      seen.add(state).add(codeVerifier);
    }
    expect(seen.size).toBe(40);
  });

  it("step 1: scopes and state of the caller's own", async () => {
    const { client } = recorded({ ...signIn, scopes: ["users.read"] });
    const state = "caller-state-0123456789abcdef";
    const a = await client.createAuthorization({ state });
    expect(a.state).toBe(state);
    expect(new URL(a.url).searchParams.get("scope")).toBe("users.read");
    const b = await client.createAuthorization({ scopes: ["tweet.read", "tweet.write", "offline.access"] });
    expect(new URL(b.url).searchParams.get("scope")).toBe("tweet.read tweet.write offline.access");
  });

  it("step 1: the authorize page is the loopback baseUrl's for a fake X, or authorizeUrl", async () => {
    const loopback = recorded({ ...signIn, baseUrl: "http://localhost:8787" }).client;
    expect((await loopback.createAuthorization()).url).toMatch(/^http:\/\/localhost:8787\/i\/oauth2\/authorize\?/);
    const own = recorded({ ...signIn, authorizeUrl: "https://twitter.com/i/oauth2/authorize" }).client;
    expect((await own.createAuthorization()).url).toMatch(/^https:\/\/twitter\.com\/i\/oauth2\/authorize\?/);
  });

  it("step 3: code, grant_type=authorization_code, redirect_uri and code_verifier; client_id for a public client", async () => {
    const { client, sent } = recorded(signIn);
    const verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    const tokens = await client.exchangeCode("CODE-1", verifier);
    expect(sent[0]!.method).toBe("POST");
    expect(sent[0]!.url).toBe("https://api.x.com/2/oauth2/token");
    expect(sent[0]!.headers).toEqual({ "content-type": FORM });
    expect(sent[0]!.body).toBe(
      "code=CODE-1&grant_type=authorization_code&redirect_uri=https%3A%2F%2Fapp.example%2Fauth%2Fx%2Fcallback" +
        `&code_verifier=${verifier}&client_id=client-id`,
    );
    expect(tokens.accessToken).toBe("ACCESS-TOKEN-2");
  });

  it("step 3: HTTP Basic and no client_id for a confidential client", async () => {
    const { client, sent } = recorded({ ...signIn, ...CONFIDENTIAL });
    await client.exchangeCode("CODE-1", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    expect(sent[0]!.headers).toEqual({ authorization: BASIC, "content-type": FORM });
    expect(sent[0]!.body).not.toContain("client_id");
  });
});

describe("X API v2: GET /2/users/me and Bearer fetch (RFC 6750 2.1)", () => {
  it("me: GET /2/users/me with Authorization: Bearer, returns data", async () => {
    const { client, sent } = recorded(CONFIDENTIAL, () =>
      Response.json({ data: { id: "2244994945", name: "X Dev", username: "XDevelopers" } }),
    );
    const user = await client.me({ accessToken: "ACCESS-1", expiresAt: 0, scopes: [] });
    expect(user).toEqual({ id: "2244994945", name: "X Dev", username: "XDevelopers" });
    expect(sent[0]!.method).toBe("GET");
    expect(sent[0]!.url).toBe("https://api.x.com/2/users/me");
    expect(sent[0]!.headers).toEqual({ authorization: "Bearer ACCESS-1" });
    expect(sent[0]!.body).toBe("");
    expect(sent[0]!.redirect).toBe("manual");
    await client.me("ACCESS-2");
    expect(sent[1]!.headers.authorization).toBe("Bearer ACCESS-2");
  });

  it("fetch: a path resolves against baseUrl; the caller's method, headers and body go as given, plus Bearer", async () => {
    const { client, sent } = recorded(CONFIDENTIAL, () => Response.json({ data: { id: "1" } }, { status: 201 }));
    const response = await client.fetch("/2/tweets", {
      method: "post",
      token: "ACCESS-1",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "hi" }),
    });
    expect(response.status).toBe(201);
    expect(sent[0]!.method).toBe("POST");
    expect(sent[0]!.url).toBe("https://api.x.com/2/tweets");
    expect(sent[0]!.headers).toEqual({ authorization: "Bearer ACCESS-1", "content-type": "application/json" });
    expect(sent[0]!.body).toBe('{"text":"hi"}');
    expect(sent[0]!.redirect).toBe("manual");
  });

  it("fetch: the caller's Authorization header is replaced by the Bearer token", async () => {
    const { client, sent } = recorded({}, () => new Response("{}"));
    await client.fetch(new URL("https://api.x.com/2/users/me?user.fields=created_at"), {
      token: { accessToken: "ACCESS-1", expiresAt: 0, scopes: [] },
      headers: { authorization: "Basic other" },
    });
    expect(sent[0]!.url).toBe("https://api.x.com/2/users/me?user.fields=created_at");
    expect(sent[0]!.headers.authorization).toBe("Bearer ACCESS-1");
  });

  it("fetch: any status comes back as the Response, a 3xx included (not followed)", async () => {
    const { client } = recorded(
      {},
      () => new Response(null, { status: 302, headers: { location: "https://evil.example/" } }),
    );
    const response = await client.fetch("/2/users/me", { token: "ACCESS-1" });
    expect(response.status).toBe(302);
  });
});
