import { timingSafeEqual } from "../oauth1/constant-time.js";
import { type VerifyOptions, verifySignature } from "../oauth1/verify-signature.js";
import { type AccessTokenRecord, type FakeState, type RequestTokenRecord, STORE_LIMITS, remember } from "./store.js";
import type { FakeConsumer } from "./types.js";
import { X_ERRORS, oauthTextError, v2Unauthorized, xKnownError } from "./x-responses.js";

/** A request as the fake received it: the body already read (bounded) as text. @internal */
export interface IncomingRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The body text when the content type is `application/x-www-form-urlencoded`, else null. */
  form: string | null;
  /** The raw body text (any content type), "" when none. */
  bodyText: string;
  /** The origin X would name in `www-authenticate`. */
  realm: string;
}

// X documents HMAC-SHA1 only ("Authorizing a request"). X accepts what the clients in use send: its
// own SDK and twitter-api-v2 send oauth_token in two places with the same value, npm `oauth` sends
// oauth_version="1.0A" as its README's Twitter example configures it. strict: RFC 5849 3.1 and 3.2.
const STRICT: VerifyOptions = { signatureMethods: ["HMAC-SHA1"] };
const LENIENT: VerifyOptions = {
  signatureMethods: ["HMAC-SHA1"],
  mergeDuplicates: true,
  versions: ["1.0", "1.0A", "1.0a"],
};

// X's own values are short (a 27-character request token, a 32-character nonce, a 28-character
// signature); a callback URL is the one long one. Above these the request is refused as malformed
// (400 code 215) instead of stored: 150 request tokens with a 1 MB oauth_callback grew the fake by
// 190 MiB before.
const MAX_CALLBACK_LENGTH = 2048;
const MAX_OAUTH_PARAMETER_LENGTH = 512;

function oversized(oauthParams: Record<string, string>): boolean {
  for (const [name, value] of Object.entries(oauthParams)) {
    if (value.length > (name === "oauth_callback" ? MAX_CALLBACK_LENGTH : MAX_OAUTH_PARAMETER_LENGTH)) return true;
  }
  return false;
}

/** Which token a signed endpoint expects in `oauth_token`. @internal */
export type TokenKind = "none" | "request" | "access";

/** What a correctly signed request carries. @internal */
export interface SignedRequestContext {
  consumer: FakeConsumer;
  oauthParams: Record<string, string>;
  params: Array<[string, string]>;
  requestToken?: RequestTokenRecord;
  accessToken?: AccessTokenRecord;
}

/** The checked request, or the answer X gives when a check fails. @internal */
export type CheckResult = { ok: true; context: SignedRequestContext } | { ok: false; response: Response };

/**
 * Checks an OAuth 1.0a request the way X does: the signature recomputed from exactly what arrived
 * (core `verifySignature`), HMAC-SHA1 only (X "Authorizing a request"), the timestamp window
 * (code 135), nonce reuse per consumer, token and timestamp (RFC 5849 3.3; code 32) and the token
 * kind the endpoint wants (code 89 for an unknown or revoked access token).
 * @internal
 */
export async function checkSignedRequest(
  state: FakeState,
  request: IncomingRequest,
  kind: TokenKind,
): Promise<CheckResult> {
  const now = state.now();
  const fail = (error: readonly [number, number, string]): CheckResult => ({
    ok: false,
    response: xKnownError(now, error, request.realm),
  });
  let consumer: FakeConsumer | undefined;
  let tokenProblem: "missing" | "unknown" | undefined;
  let requestToken: RequestTokenRecord | undefined;
  let accessToken: AccessTokenRecord | undefined;

  const lookup = ({ consumerKey, token }: { consumerKey: string; token: string | undefined }) => {
    consumer = state.consumers.get(consumerKey);
    if (consumer === undefined) return undefined;
    if (kind === "none") return { consumerSecret: consumer.secret };
    if (token === undefined) {
      tokenProblem = "missing";
      return undefined;
    }
    if (kind === "request") {
      // A used or denied token is still known here, so its signature is checked before refusing it.
      requestToken = state.requestTokens.get(token);
      if (requestToken === undefined || requestToken.consumerKey !== consumer.key || requestToken.expiresAt <= now) {
        tokenProblem = "unknown";
        return undefined;
      }
      return { consumerSecret: consumer.secret, tokenSecret: requestToken.secret };
    }
    accessToken = state.accessTokens.get(token);
    if (accessToken === undefined || accessToken.consumerKey !== consumer.key) {
      tokenProblem = "unknown";
      return undefined;
    }
    return { consumerSecret: consumer.secret, tokenSecret: accessToken.secret };
  };
  const verify = (url: URL) =>
    verifySignature(
      { method: request.method, url, authorization: request.headers.get("authorization"), body: request.form },
      lookup,
      state.strict ? STRICT : LENIENT,
    );
  // options.origin: the signature may be made for that origin (a client that signs for X's host and
  // reaches the fake through a proxy), or for the one the request arrived at.
  const configured =
    state.origin === undefined ? undefined : new URL(state.origin + request.url.pathname + request.url.search);
  let result = await verify(configured ?? request.url);
  if (
    configured !== undefined &&
    !result.valid &&
    result.reason === "bad_signature" &&
    configured.origin !== request.url.origin
  ) {
    result = await verify(request.url);
  }

  // What the fake would store or echo is bounded before anything else is looked at.
  if (oversized(result.oauthParams)) return fail(X_ERRORS.badAuthData);
  if (!result.valid) {
    // X API v2 answers a request that carries no credentials at all with its problem JSON.
    if (request.url.pathname.startsWith("/2/") && Object.keys(result.oauthParams).length === 0) {
      return { ok: false, response: v2Unauthorized(now) };
    }
    switch (result.reason) {
      case "unknown_credentials":
        if (consumer === undefined) return fail(X_ERRORS.couldNotAuthenticate);
        if (kind === "request") {
          return { ok: false, response: oauthTextError(now, "Invalid / expired Token", request.realm) };
        }
        return fail(tokenProblem === "missing" ? X_ERRORS.badAuthData : X_ERRORS.invalidToken);
      case "bad_signature":
      case "unsupported_signature_method":
        return fail(X_ERRORS.couldNotAuthenticate);
      default:
        // malformed, missing or duplicated protocol parameters, a wrong oauth_version (X code 215).
        return fail(X_ERRORS.badAuthData);
    }
  }
  const oauthParams = result.oauthParams;

  const timestamp = oauthParams.oauth_timestamp ?? "";
  const seconds = /^[0-9]{1,15}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!(Math.abs(seconds * 1000 - now) <= state.windowSeconds * 1000)) return fail(X_ERRORS.timestamp);

  const nonceKey = [consumer!.key, oauthParams.oauth_token ?? "", timestamp, oauthParams.oauth_nonce ?? ""].join("\n");
  if (state.nonces.has(nonceKey)) return fail(X_ERRORS.couldNotAuthenticate);
  remember(state.nonces, nonceKey, (seconds + state.windowSeconds) * 1000 + 1000, STORE_LIMITS.nonces);

  const context: SignedRequestContext = { consumer: consumer!, oauthParams, params: result.params };
  if (requestToken !== undefined) context.requestToken = requestToken;
  if (accessToken !== undefined) context.accessToken = accessToken;
  return { ok: true, context };
}

/** Constant-time comparison for verifiers and form tokens. @internal */
export function sameSecret(expected: string | undefined, received: string | undefined | null): boolean {
  if (typeof expected !== "string" || typeof received !== "string" || expected === "") return false;
  return timingSafeEqual(expected, received);
}
