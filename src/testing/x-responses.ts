// How X answers, byte for byte where its answers were recorded (X docs and client libraries' fixtures).

/** Headers every answer carries: X sends an RFC 1123 `Date` on every response (X docs, Log in with X: every recorded answer has one). @internal */
export function baseHeaders(now: number, contentType: string): Headers {
  return new Headers({
    "content-type": contentType,
    date: new Date(now).toUTCString(),
    "cache-control": "no-cache, no-store, must-revalidate",
  });
}

/**
 * An X v1.1 error: `{"errors":[{"code":32,"message":"Could not authenticate you."}]}` (as recorded
 * from api.twitter.com). 401s carry `www-authenticate` with the api_error_code, as recorded from api.twitter.com.
 * @internal
 */
export function xError(now: number, status: number, code: number, message: string, realm?: string): Response {
  const headers = baseHeaders(now, "application/json; charset=utf-8");
  if (status === 401 && realm !== undefined) {
    headers.set("www-authenticate", `OAuth realm="${realm}", api_error_code=${code}`);
  }
  return new Response(JSON.stringify({ errors: [{ code, message }] }), { status, headers });
}

/** The error texts of X's v1.1 table that the fake uses (X API "Response codes and errors"). @internal */
export const X_ERRORS = {
  pageNotFound: [404, 34, "Sorry, that page does not exist."],
  couldNotAuthenticate: [401, 32, "Could not authenticate you."],
  invalidToken: [401, 89, "Invalid or expired token."],
  timestamp: [401, 135, "Timestamp out of bounds."],
  badAuthData: [400, 215, "Bad authentication data."],
  callbackNotApproved: [
    403,
    415,
    "Callback URL not approved for this client application. Approved callback URLs can be adjusted in your application settings",
  ],
  desktopOob: [401, 417, "Desktop applications only support the oauth_callback value 'oob'"],
  cannotWrite: [
    403,
    261,
    "Application cannot perform write actions. Contact Twitter Platform Operations through https://help.twitter.com/forms/platform.",
  ],
  missingStatus: [403, 170, "Missing required parameter: status."],
  tooLong: [403, 186, "Tweet needs to be a bit shorter."],
  tooLarge: [413, 215, "Bad authentication data."],
  // X API "Rate limits" page, "Handling rate limits".
  rateLimited: [429, 88, "Rate limit exceeded."],
} as const satisfies Record<string, readonly [number, number, string]>;

/**
 * X's v1.1 error table (X API "Response codes and errors"): the status and message of each code the
 * fake can be asked to answer with. Code 89 is listed there as 403, but X's invalidate_token page and
 * real answers use 401, so the fake does too.
 * @internal
 */
export const X_CODES: Readonly<Record<number, readonly [number, string]>> = {
  32: [401, "Could not authenticate you."],
  34: [404, "Sorry, that page does not exist."],
  64: [403, "Your account is suspended and is not permitted to access this feature."],
  87: [403, "Client is not permitted to perform this action."],
  88: [429, "Rate limit exceeded."],
  89: [401, "Invalid or expired token."],
  92: [403, "SSL is required."],
  93: [403, "This application is not allowed to access or delete your direct messages."],
  99: [403, "Unable to verify your credentials."],
  130: [503, "Over capacity."],
  131: [500, "Internal error."],
  135: [401, "Timestamp out of bounds."],
  215: [400, "Bad authentication data."],
  220: [403, "Your credentials do not allow access to this resource."],
  226: [
    403,
    "This request looks like it might be automated. To protect our users from spam and other malicious activity, we can't complete this action right now.",
  ],
  261: [403, X_ERRORS.cannotWrite[2]],
  326: [
    403,
    "To protect our users from spam and other malicious activity, this account is temporarily locked. Please log in to https://x.com to unlock your account.",
  ],
  415: [403, X_ERRORS.callbackNotApproved[2]],
  416: [401, "Invalid / suspended application."],
  417: [401, X_ERRORS.desktopOob[2]],
};

/** The code a status alone stands for when a failure is injected without one. @internal */
export const DEFAULT_CODE_FOR_STATUS: Readonly<Record<number, number>> = {
  400: 215,
  401: 32,
  403: 87,
  404: 34,
  429: 88,
};

// The titles X API v2 gives its problem JSON: the status's reason phrase (RFC 9110 15).
const V2_TITLES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  413: "Payload Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/**
 * An X API v2 error as problem JSON (RFC 7807): `{"title","type":"about:blank","status","detail"}`,
 * the title the status's reason phrase, the detail `detail` or the title again.
 * @internal
 */
export function v2Problem(now: number, status: number, detail?: string): Response {
  const title = V2_TITLES[status] ?? "Error";
  const body = { title, type: "about:blank", status, detail: detail ?? title };
  return new Response(JSON.stringify(body), { status, headers: baseHeaders(now, "application/problem+json") });
}

/**
 * X API v2's answer to a request without credentials: problem JSON (RFC 7807),
 * `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`.
 * @internal
 */
export function v2Unauthorized(now: number): Response {
  return v2Problem(now, 401);
}

/** One of {@link X_ERRORS} as a response. @internal */
export function xKnownError(now: number, error: readonly [number, number, string], realm?: string): Response {
  return xError(now, error[0], error[1], error[2], realm);
}

/**
 * X's plain-text OAuth failure on access_token (as recorded from api.twitter.com): HTTP 401, `text/html`,
 * `Error processing your OAuth request: Invalid oauth_verifier parameter`.
 * @internal
 */
export function oauthTextError(
  now: number,
  reason: "Invalid oauth_verifier parameter" | "Invalid / expired Token",
  realm: string,
): Response {
  const headers = baseHeaders(now, "text/html; charset=utf-8");
  headers.set("www-authenticate", `OAuth realm="${realm}"`);
  return new Response(`Error processing your OAuth request: ${reason}`, { status: 401, headers });
}

/**
 * A token endpoint's success: form data served as `text/html; charset=utf-8`, as X does
 * (X docs, Log in with X: the step 1 answer is `text/html`).
 * @internal
 */
export function formSuccess(now: number, fields: Record<string, string>): Response {
  return new Response(new URLSearchParams(fields).toString(), {
    status: 200,
    headers: baseHeaders(now, "text/html; charset=utf-8"),
  });
}

/** A JSON success. `rawJson` lets 64-bit ids go out as bare digits, as X writes them. @internal */
export function jsonSuccess(now: number, rawJson: string, status = 200): Response {
  return new Response(rawJson, { status, headers: baseHeaders(now, "application/json; charset=utf-8") });
}
