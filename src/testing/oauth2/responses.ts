// How X's OAuth 2.0 endpoints answer: JSON, never cached (RFC 6749 5.1), errors as
// `{"error","error_description"}` (RFC 6749 5.2, X docs, OAuth 1.0a token exchange, errors).
import { baseHeaders } from "../x-responses.js";

/** The `error` strings the fake answers with and their statuses, as X's exchange page lists them. @internal */
export const OAUTH2_ERROR_STATUS: Readonly<Record<string, number>> = {
  invalid_request: 400,
  invalid_grant: 400,
  invalid_scope: 400,
  invalid_client: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  unsupported_token_type: 400,
  access_denied: 400,
  rate_limited: 429,
  server_error: 500,
  temporarily_unavailable: 503,
};

/**
 * Checks the `error` of an injected failure: an RFC 6749 5.2 error string (`%x20-21 / %x23-5B /
 * %x5D-7E`), kept short.
 * @throws TypeError when it is not one.
 * @internal
 */
export function oauth2ErrorOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^[a-z_]{1,64}$/.test(value)) {
    throw new TypeError('fail: error must be an OAuth 2.0 error such as "invalid_grant" or "temporarily_unavailable"');
  }
  return value;
}

/** The `error` a status alone stands for when a failure is injected without one. @internal */
export function defaultErrorForStatus(status: number): string {
  if (status === 401) return "invalid_client";
  if (status === 429) return "rate_limited";
  if (status === 503) return "temporarily_unavailable";
  if (status >= 500) return "server_error";
  return "invalid_request";
}

function jsonHeaders(now: number): Headers {
  const headers = baseHeaders(now, "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  headers.set("pragma", "no-cache");
  return headers;
}

/** An OAuth 2.0 error answer. @internal */
export function oauth2Error(now: number, error: string, description: string, status?: number): Response {
  return new Response(JSON.stringify({ error, error_description: description }), {
    status: status ?? OAUTH2_ERROR_STATUS[error] ?? 400,
    headers: jsonHeaders(now),
  });
}

/** A token endpoint's success, as X's pages show it. @internal */
export function tokenSuccess(
  now: number,
  tokens: { accessToken: string; refreshToken: string | undefined; expiresIn: number; scopes: readonly string[] },
): Response {
  const body: Record<string, string | number> = {
    token_type: "bearer",
    expires_in: tokens.expiresIn,
    access_token: tokens.accessToken,
    scope: tokens.scopes.join(" "),
  };
  if (tokens.refreshToken !== undefined) body.refresh_token = tokens.refreshToken;
  return new Response(JSON.stringify(body), { status: 200, headers: jsonHeaders(now) });
}

/** RFC 7009 2.2: the revocation endpoint answers 200 whether or not the token was known. @internal */
export function revokeSuccess(now: number): Response {
  return new Response(JSON.stringify({ revoked: true }), { status: 200, headers: jsonHeaders(now) });
}

/**
 * X API v2's answer to a user token without the scopes an endpoint needs: problem JSON (RFC 7807),
 * as its 401 is.
 * @internal
 */
export function v2Forbidden(now: number): Response {
  const body = { title: "Forbidden", type: "about:blank", status: 403, detail: "Forbidden" };
  return new Response(JSON.stringify(body), { status: 403, headers: baseHeaders(now, "application/problem+json") });
}
