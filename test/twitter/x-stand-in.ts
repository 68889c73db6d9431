/**
 * An msw stand-in for X's OAuth endpoints on api.twitter.com and api.x.com. It checks every
 * signature with the independent reference signer (test/conformance/oracle.js), never with src/, and answers
 * with the bodies X documents. Tests add their own handlers in front with `server.use`.
 */
import { http, HttpResponse } from "msw";
import { setupServer, type SetupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import {
  readAuthorizationHeader,
  referenceBaseString,
  referenceParseForm,
  referenceSignature,
} from "../conformance/oracle.js";
import { TwitterOAuth, type TwitterOAuthOptions } from "../../src/index.js";

export const HOSTS = ["https://api.twitter.com", "https://api.x.com"] as const;

/** X's documented example of X docs "Log in with X" (consumer secret published on that page). */
export const DOCS = {
  consumerKey: "cChZNFj6T5R0TigYB9yd1w",
  consumerSecret: "L8qq9PZyRg6ieKGEKhZolGC0vJWLw8iEJ88DRdyOg",
  timestampMs: 1318467427 * 1000,
  step1Nonce: "ea9ec8429b68d6b77cd5600adbbb0456",
  callback: "http://localhost/sign-in-with-twitter/",
  step1Signature: "F1Li3tvehgcraF8DMJ7OyxO4w9Y=",
  requestToken: "NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0",
  requestTokenSecret: "veNRnAWe6inFuo8o2u8SLLZLjolYDmDP7SzL0YfYI",
  step1Response:
    "oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0&oauth_token_secret=veNRnAWe6inFuo8o2u8SLLZLjolYDmDP7SzL0YfYI&oauth_callback_confirmed=true",
  step3Nonce: "a9900fe68e2573b27a37f10fbad6a755",
  verifier: "uw7NjWHT6OJ1MpJOXsHfNxoAhPKpgI8BlYDhxEjIBY",
  step3Signature: "39cipBtIOHEEnybAR4sATQTpl2I=",
  accessToken: "7588892-kagSNqWge8gB1WwE3plnFsJHAZVfxWD7Vb57p0b4",
  accessTokenSecret: "PbKfYqSryyeKDWz4ebtY3o5ogNLG11WJuZBc9fQrQo",
  step3Response:
    "oauth_token=7588892-kagSNqWge8gB1WwE3plnFsJHAZVfxWD7Vb57p0b4&oauth_token_secret=PbKfYqSryyeKDWz4ebtY3o5ogNLG11WJuZBc9fQrQo",
  date: "Thu, 13 Oct 2011 00:57:06 GMT",
} as const;

/** One request as the stand-in saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | null;
  contentType: string | null;
  body: string;
  oauth: Record<string, string>;
  signatureValid: boolean;
}

/** The header's parameters, read strictly by the oracle (a malformed header fails the test). */
function readHeader(value: string | null): Record<string, string> {
  if (value === null) return {};
  return Object.fromEntries(readAuthorizationHeader(value).map((pair) => [pair.name, pair.value]));
}

export interface StandIn {
  server: SetupServer;
  seen: SeenRequest[];
  /** Consumer key -> secret the stand-in accepts. */
  consumers: Map<string, string>;
  /** Token -> secret the stand-in accepts. */
  tokens: Map<string, string>;
}

/** X's 401 for a bad signature, as abraham/twitteroauth recorded it in 2020 (tests/fixtures). */
export function code32(): Response {
  return HttpResponse.json({ errors: [{ code: 32, message: "Could not authenticate you." }] }, { status: 401 });
}

export function createStandIn(): StandIn {
  const seen: SeenRequest[] = [];
  const consumers = new Map<string, string>([[DOCS.consumerKey, DOCS.consumerSecret]]);
  const tokens = new Map<string, string>([
    [DOCS.requestToken, DOCS.requestTokenSecret],
    [DOCS.accessToken, DOCS.accessTokenSecret],
  ]);

  async function check(request: Request): Promise<SeenRequest> {
    const url = new URL(request.url);
    const contentType = request.headers.get("content-type");
    const body = await request.clone().text();
    const authorization = request.headers.get("authorization");
    const oauth = readHeader(authorization);
    const pairs: Array<[string, string]> = [...referenceParseForm(url.search.slice(1))];
    if (contentType?.startsWith("application/x-www-form-urlencoded")) pairs.push(...referenceParseForm(body));
    for (const [name, value] of Object.entries(oauth)) if (name !== "realm") pairs.push([name, value]);
    const consumerSecret = consumers.get(oauth.oauth_consumer_key ?? "");
    const tokenSecret = oauth.oauth_token === undefined ? "" : tokens.get(oauth.oauth_token);
    let signatureValid = false;
    if (consumerSecret !== undefined && tokenSecret !== undefined && oauth.oauth_signature) {
      const base = referenceBaseString(request.method, request.url, pairs);
      const method = (oauth.oauth_signature_method ?? "HMAC-SHA1") as "HMAC-SHA1";
      signatureValid = (await referenceSignature(method, base, consumerSecret, tokenSecret)) === oauth.oauth_signature;
    }
    const entry = { method: request.method, url: request.url, authorization, contentType, body, oauth, signatureValid };
    seen.push(entry);
    return entry;
  }

  const handlers = HOSTS.flatMap((host) => [
    http.post(`${host}/oauth/request_token`, async ({ request }) => {
      const entry = await check(request);
      if (!entry.signatureValid) return code32();
      return new HttpResponse(DOCS.step1Response, {
        headers: { "content-type": "text/html; charset=utf-8", date: new Date().toUTCString() },
      });
    }),
    http.post(`${host}/oauth/access_token`, async ({ request }) => {
      const entry = await check(request);
      if (!entry.signatureValid) return code32();
      if (entry.oauth.oauth_verifier !== DOCS.verifier) {
        return new HttpResponse("Error processing your OAuth request: Invalid oauth_verifier parameter", {
          status: 401,
          headers: { "content-type": "text/html; charset=utf-8" },
        });
      }
      return new HttpResponse(DOCS.step3Response + "&user_id=7588892&screen_name=kurrik", {
        headers: { "content-type": "text/html; charset=utf-8" },
      });
    }),
    http.get(`${host}/1.1/account/verify_credentials.json`, async ({ request }) => {
      const entry = await check(request);
      if (!entry.signatureValid) return code32();
      const withEmail = new URL(request.url).searchParams.get("include_email") === "true";
      return HttpResponse.json({
        id: 7588892,
        id_str: "7588892",
        name: "Arne Roomann-Kurrik",
        screen_name: "kurrik",
        protected: false,
        ...(withEmail ? { email: "kurrik@example.com" } : {}),
      });
    }),
    http.post(`${host}/1.1/oauth/invalidate_token`, async ({ request }) => {
      const entry = await check(request);
      if (!entry.signatureValid) return code32();
      return HttpResponse.json({ access_token: entry.oauth.oauth_token });
    }),
    http.all(`${host}/*`, async ({ request }) => {
      const entry = await check(request);
      if (!entry.signatureValid) return code32();
      return HttpResponse.json({ ok: true });
    }),
  ]);
  return { server: setupServer(...handlers), seen, consumers, tokens };
}

/** A stand-in that listens for the current test file, with handlers and the log reset after each test. */
export function useStandIn(): StandIn {
  const x = createStandIn();
  beforeAll(() => x.server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    x.server.resetHandlers();
    x.seen.length = 0;
  });
  afterAll(() => x.server.close());
  return x;
}

/** A client with the app credentials of X's docs, for tests against the stand-in; `options` adds or overrides. */
export function docsClient(options: Partial<TwitterOAuthOptions> = {}): TwitterOAuth {
  return new TwitterOAuth({ consumerKey: DOCS.consumerKey, consumerSecret: DOCS.consumerSecret, ...options });
}
