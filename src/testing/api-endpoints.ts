import { checkSignedRequest, type IncomingRequest } from "./check-signed-request.js";
import type { AccessTokenRecord, FakeState } from "./store.js";
import { findUserById } from "./store.js";
import { countRequest, setRateLimitHeaders } from "./rate-limits.js";
import type { FakeUser } from "./types.js";
import { X_ERRORS, jsonSuccess, v2Unauthorized, xError, xKnownError } from "./x-responses.js";
import { bearerIdentity, hasRequiredScopes, isBearer } from "./oauth2/bearer.js";
import { v2Forbidden } from "./oauth2/responses.js";

// X's epoch for Snowflake ids (X docs, "X IDs").
const TWITTER_EPOCH = 1288834974657n;

/** X's `created_at` format: "Wed Oct 10 20:19:24 +0000 2018". @internal */
export function twitterDate(ms: number): string {
  const [weekday, day, month, year, time] = new Date(ms).toUTCString().replace(",", "").split(" ");
  return `${weekday} ${month} ${day} ${time} +0000 ${year}`;
}

/** Serialises with 64-bit ids as bare JSON numbers, as X does (a plain JS number would round them). */
function withRawIds(value: unknown, ids: Record<string, string>): string {
  let json = JSON.stringify(value);
  for (const [placeholder, digits] of Object.entries(ids)) {
    json = json.replaceAll(JSON.stringify(placeholder), /^[0-9]{1,20}$/.test(digits) ? digits : JSON.stringify(digits));
  }
  return json;
}

function userObject(state: FakeState, user: FakeUser, includeEmail: boolean): Record<string, unknown> {
  const object: Record<string, unknown> = {
    id: "\u0000user-id",
    id_str: user.id,
    name: user.name,
    screen_name: user.screenName,
    location: "",
    description: "",
    url: null,
    protected: false,
    followers_count: 0,
    friends_count: 0,
    listed_count: 0,
    created_at: twitterDate(Date.UTC(2021, 0, 1)),
    favourites_count: 0,
    verified: false,
    statuses_count: state.tweetCounts.get(user.id) ?? 0,
    profile_image_url_https: "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png",
    default_profile: true,
    default_profile_image: true,
  };
  // GET account/verify_credentials: `email` only with include_email=true, and null when the user has none.
  if (includeEmail) object.email = user.email ?? null;
  return object;
}

function accessLevel(token: CallerToken): string {
  return token.accessType === "write" ? "read-write" : "read";
}

function nextId(state: FakeState): string {
  state.sequence = (state.sequence + 1) % 4096;
  return (
    (BigInt(Math.max(0, Math.floor(state.now()))) - TWITTER_EPOCH) * 4194304n +
    BigInt(state.sequence)
  ).toString();
}

/** Whose token a call carries: a 1.0a access token or an OAuth 2.0 user token. */
type CallerToken = Pick<AccessTokenRecord, "token" | "consumerKey" | "userId" | "accessType">;

async function authenticated(
  state: FakeState,
  request: IncomingRequest,
): Promise<
  { ok: true; user: FakeUser; token: CallerToken; params: Array<[string, string]> } | { ok: false; response: Response }
> {
  // X API v2 takes an OAuth 2.0 user token as well as a 1.0a signature; an expired or revoked one
  // answers v2's 401 problem JSON (X docs, OAuth 2.0 Authorization Code Flow with PKCE).
  if (request.url.pathname.startsWith("/2/") && isBearer(request.headers)) {
    const identity = bearerIdentity(state, request.headers);
    const user = identity === undefined ? undefined : findUserById(state, identity.userId);
    if (identity === undefined || user === undefined) return { ok: false, response: v2Unauthorized(state.now()) };
    if (!hasRequiredScopes(identity, request.method, request.url.pathname)) {
      return { ok: false, response: v2Forbidden(state.now()) };
    }
    return { ok: true, user, token: identity, params: [...request.url.searchParams] };
  }
  const checked = await checkSignedRequest(state, request, "access");
  if (!checked.ok) return checked;
  const token = checked.context.accessToken!;
  const user = findUserById(state, token.userId);
  if (user === undefined)
    return { ok: false, response: xKnownError(state.now(), X_ERRORS.invalidToken, request.realm) };
  return { ok: true, user, token, params: checked.context.params };
}

type Authenticated = { user: FakeUser; token: CallerToken; params: Array<[string, string]> };

/**
 * An API endpoint: authenticated with an access token, then counted against X's per-user rate limit
 * (429 code 88 once the window is used up). Every answer after authentication carries X's
 * `x-rate-limit-limit`, `x-rate-limit-remaining` and `x-rate-limit-reset` headers (X API "Rate limits").
 */
function rateLimited(
  endpoint: (state: FakeState, request: IncomingRequest, auth: Authenticated) => Response,
): (state: FakeState, request: IncomingRequest) => Promise<Response> {
  return async (state, request) => {
    const auth = await authenticated(state, request);
    if (!auth.ok) return auth.response;
    const rate = countRequest(state, auth.token.consumerKey, auth.user.id, request.method, request.url.pathname);
    const response = rate.exceeded
      ? xKnownError(state.now(), X_ERRORS.rateLimited, request.realm)
      : endpoint(state, request, auth);
    setRateLimitHeaders(response.headers, rate);
    return response;
  };
}

function param(params: Array<[string, string]>, name: string): string | undefined {
  return params.find(([key]) => key === name)?.[1];
}

/** GET /1.1/account/verify_credentials.json (X API reference, GET account/verify_credentials): the signed-in user as a v1.1 user object. @internal */
export const verifyCredentialsEndpoint = rateLimited((state, _request, auth) => {
  const includeEmail = param(auth.params, "include_email") === "true";
  const response = jsonSuccess(
    state.now(),
    withRawIds(userObject(state, auth.user, includeEmail), { "\u0000user-id": auth.user.id }),
  );
  response.headers.set("x-access-level", accessLevel(auth.token));
  return response;
});

/** POST /1.1/oauth/invalidate_token (X API reference, POST oauth/invalidate_token): `{"access_token":"…"}`, then the token answers 89. @internal */
export const invalidateTokenEndpoint = rateLimited((state, _request, auth) => {
  state.accessTokens.delete(auth.token.token);
  return jsonSuccess(state.now(), JSON.stringify({ access_token: auth.token.token }));
});

/** POST /1.1/statuses/update.json: a form-encoded, signed write. @internal */
export const statusUpdateEndpoint = rateLimited((state, _request, auth) => {
  const now = state.now();
  if (auth.token.accessType !== "write") return xKnownError(now, X_ERRORS.cannotWrite);
  const status = param(auth.params, "status");
  if (status === undefined || status.trim() === "") return xKnownError(now, X_ERRORS.missingStatus);
  if ([...status].length > 280) return xKnownError(now, X_ERRORS.tooLong);
  state.tweetCounts.set(auth.user.id, (state.tweetCounts.get(auth.user.id) ?? 0) + 1);
  const id = nextId(state);
  const tweet = {
    created_at: twitterDate(now),
    id: "\u0000tweet-id",
    id_str: id,
    text: status,
    user: userObject(state, auth.user, false),
  };
  return jsonSuccess(now, withRawIds(tweet, { "\u0000tweet-id": id, "\u0000user-id": auth.user.id }));
});

/** GET /2/users/me: the v2 user (`data.id` as a string, X docs v2). @internal */
export const usersMeEndpoint = rateLimited((state, _request, auth) => {
  const data = { id: auth.user.id, name: auth.user.name, username: auth.user.screenName };
  return jsonSuccess(state.now(), JSON.stringify({ data }));
});

/**
 * POST /2/tweets: a JSON body, which is not signed (RFC 5849 3.4.1.3.1; X's own sample code signs no JSON body).
 * @internal
 */
export const createTweetEndpoint = rateLimited((state, request, auth) => {
  const now = state.now();
  if (auth.token.accessType !== "write") {
    return xError(now, 403, 453, "You are not permitted to perform this action with a read-only token.");
  }
  let text: unknown;
  try {
    text = (JSON.parse(request.bodyText) as { text?: unknown } | null)?.text;
  } catch {
    text = undefined;
  }
  if (typeof text !== "string" || text.trim() === "" || [...text].length > 280) {
    return xError(
      now,
      400,
      44,
      "The `text` field must be a non-empty string of at most 280 characters in a JSON body.",
    );
  }
  state.tweetCounts.set(auth.user.id, (state.tweetCounts.get(auth.user.id) ?? 0) + 1);
  const id = nextId(state);
  return jsonSuccess(now, JSON.stringify({ data: { id, text, edit_history_tweet_ids: [id] } }), 201);
});
