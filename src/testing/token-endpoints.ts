import { checkCallback } from "./callback-url.js";
import { checkSignedRequest, sameSecret, type IncomingRequest } from "./check-signed-request.js";
import { randomToken } from "./random.js";
import { STORE_LIMITS, findUserById, remember, type AccessType, type FakeState } from "./store.js";
import { X_ERRORS, formSuccess, oauthTextError, xKnownError } from "./x-responses.js";

function accessTypeOf(params: Array<[string, string]>): AccessType {
  // x_auth_access_type "read" narrows a read-write app; anything else keeps its level (X API reference).
  const value = params.find(([name]) => name === "x_auth_access_type")?.[1];
  return value === "read" ? "read" : "write";
}

/**
 * POST /oauth/request_token (X API reference, POST oauth/request_token): signed with the consumer secret
 * only; `oauth_callback` is required and checked against the app's allow-list.
 * @internal
 */
export async function requestTokenEndpoint(state: FakeState, request: IncomingRequest): Promise<Response> {
  const checked = await checkSignedRequest(state, request, "none");
  if (!checked.ok) return checked.response;
  const now = state.now();
  const { consumer, oauthParams, params } = checked.context;
  const callback = oauthParams.oauth_callback;
  if (callback === undefined || callback === "") return xKnownError(now, X_ERRORS.badAuthData, request.realm);
  const problem = checkCallback(callback, consumer);
  if (problem === 415) return xKnownError(now, X_ERRORS.callbackNotApproved, request.realm);
  if (problem === 417) return xKnownError(now, X_ERRORS.desktopOob, request.realm);

  // Real request tokens look like "CE545gAAAAAAABtaAAABcbPlJBQ" (27 characters, as recorded from X).
  const token = randomToken(27);
  const secret = randomToken(32);
  remember(
    state.requestTokens,
    token,
    {
      token,
      secret,
      consumerKey: consumer.key,
      callback,
      accessType: accessTypeOf(params),
      expiresAt: now + state.requestTokenTtlMs,
      formToken: randomToken(32),
      state: "pending",
    },
    STORE_LIMITS.requestTokens,
  );
  return formSuccess(now, { oauth_token: token, oauth_token_secret: secret, oauth_callback_confirmed: "true" });
}

/**
 * POST /oauth/access_token (X API reference, POST oauth/access_token): signed with the consumer secret and the request-token
 * secret, `oauth_verifier` from anywhere (header, body or query). The request token is single-use.
 * @internal
 */
export async function accessTokenEndpoint(state: FakeState, request: IncomingRequest): Promise<Response> {
  const checked = await checkSignedRequest(state, request, "request");
  if (!checked.ok) return checked.response;
  const now = state.now();
  const record = checked.context.requestToken!;
  if (record.state === "used" || record.state === "denied")
    return oauthTextError(now, "Invalid / expired Token", request.realm);
  if (record.state !== "approved" || !sameSecret(record.verifier, checked.context.oauthParams.oauth_verifier)) {
    return oauthTextError(now, "Invalid oauth_verifier parameter", request.realm);
  }
  const user = findUserById(state, record.userId!);
  if (user === undefined) return oauthTextError(now, "Invalid / expired Token", request.realm);
  record.state = "used";

  // X hands back the same access token to an app that signs the same user in again, until it is revoked.
  let access = [...state.accessTokens.values()].find(
    (t) => t.consumerKey === record.consumerKey && t.userId === user.id,
  );
  if (access === undefined) {
    // X's access tokens start with the user id (as in X's documented examples: an observation, not a rule).
    access = {
      token: `${user.id}-${randomToken(40)}`,
      secret: randomToken(45),
      consumerKey: record.consumerKey,
      userId: user.id,
      accessType: record.accessType,
    };
    remember(state.accessTokens, access.token, access, STORE_LIMITS.accessTokens);
  }
  access.accessType = record.accessType;
  return formSuccess(now, {
    oauth_token: access.token,
    oauth_token_secret: access.secret,
    user_id: user.id,
    screen_name: user.screenName,
  });
}
