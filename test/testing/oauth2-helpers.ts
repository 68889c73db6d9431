// Raw HTTP to the fake X's OAuth 2.0 endpoints, as X's pages show the requests: independent of the
// package's own OAuth 2.0 client.
import { defaultClient, type FakeTwitter } from "../../src/testing/index.js";
import { ORIGIN } from "./helpers.js";

export const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
export const OAUTH1_TOKEN = "urn:x:params:oauth:token-type:oauth1_token";
export const REDIRECT = "https://app.example/oauth2/callback";

/** `Authorization: Basic` as RFC 6749 2.3.1 builds it: each part form-urlencoded, then base64. */
export function basic(id: string, secret: string): string {
  const encode = (value: string): string => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${btoa(`${encode(id)}:${encode(secret)}`)}`;
}

/** Who authenticates: Basic (confidential), client_id in the body (public), or nothing. */
export type ClientCredentials = { id: string; secret?: string } | null;

const DEFAULT_CREDENTIALS = { id: defaultClient.clientId, secret: defaultClient.clientSecret };

/** POSTs a form to an OAuth 2.0 endpoint of the fake. */
export function post(
  fake: FakeTwitter,
  path: string,
  fields: Record<string, string>,
  credentials: ClientCredentials = DEFAULT_CREDENTIALS,
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = new URLSearchParams(fields);
  const all: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", ...headers };
  if (credentials?.secret !== undefined) all.authorization = basic(credentials.id, credentials.secret);
  else if (credentials !== null) body.set("client_id", credentials.id);
  return fake.fetch(new Request(ORIGIN + path, { method: "POST", headers: all, body }));
}

/** The token endpoint's answer, parsed. */
export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function token(
  fake: FakeTwitter,
  fields: Record<string, string>,
  credentials?: ClientCredentials,
): Promise<TokenAnswer> {
  const response = await post(fake, "/2/oauth2/token", fields, credentials);
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** X's token exchange of a 1.0a access token and secret. */
export function exchangeOAuth1(
  fake: FakeTwitter,
  oauth1: { token: string; tokenSecret: string },
  extra: Record<string, string> = {},
  credentials?: ClientCredentials,
): Promise<TokenAnswer> {
  return token(
    fake,
    {
      grant_type: TOKEN_EXCHANGE,
      subject_token: oauth1.token,
      subject_token_type: OAUTH1_TOKEN,
      oauth_token_secret: oauth1.tokenSecret,
      ...extra,
    },
    credentials,
  );
}

export function refresh(
  fake: FakeTwitter,
  refreshToken: string,
  credentials?: ClientCredentials,
): Promise<TokenAnswer> {
  return token(fake, { grant_type: "refresh_token", refresh_token: refreshToken }, credentials);
}

/** GET /2/users/me with a Bearer token. */
export function me(fake: FakeTwitter, accessToken: string): Promise<Response> {
  return fake.fetch(new Request(`${ORIGIN}/2/users/me`, { headers: { authorization: `Bearer ${accessToken}` } }));
}

/** RFC 7636 appendix B's verifier and its S256 challenge. */
export const RFC7636_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
export const RFC7636_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

/** An authorize URL as an app builds it (X docs, step 1). */
export function authorizeUrl(params: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: defaultClient.clientId,
    redirect_uri: REDIRECT,
    scope: "tweet.read users.read offline.access",
    state: "state-123",
    code_challenge: RFC7636_CHALLENGE,
    code_challenge_method: "S256",
    ...params,
  });
  return `${ORIGIN}/i/oauth2/authorize?${query}`;
}
