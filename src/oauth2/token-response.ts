import { TwitterOAuthError } from "../common/errors.js";
import type { OAuth2Answer } from "./transport.js";
import type { OAuth2Tokens } from "./types.js";

/**
 * Reads a token endpoint's 200 answer (RFC 6749 5.1; docs.x.com "oauth-1-0a-token-exchange":
 * `{"token_type":"bearer","expires_in":7200,"access_token","refresh_token","scope"}`) into
 * {@link OAuth2Tokens}: `expiresAt` is `now` plus `expires_in` seconds, `scope` is split on spaces
 * (RFC 6749 3.3), and a missing `scope` means the scopes asked for (RFC 6749 5.1).
 * @internal
 */
export function readTokens(
  { response, text }: OAuth2Answer,
  endpoint: string,
  now: number,
  asked: readonly string[],
): OAuth2Tokens {
  const problem = (what: string): TwitterOAuthError =>
    new TwitterOAuthError("INVALID_RESPONSE", `${endpoint} answered ${response.status} ${what}; check baseUrl`, {
      status: response.status,
      endpoint,
    });
  if (text === undefined) throw problem("with a body too large for a token response");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw problem("with a body that is not JSON");
  }
  if (typeof body !== "object" || body === null) throw problem("with JSON that is not an object");
  const fields = body as Record<string, unknown>;
  const { access_token: accessToken, refresh_token: refreshToken, token_type: tokenType, scope } = fields;
  if (typeof accessToken !== "string" || accessToken === "") throw problem("without an access_token");
  // RFC 6749 7.1: the type is case-insensitive; the client sends the token as a Bearer token only.
  if (typeof tokenType !== "string" || tokenType.toLowerCase() !== "bearer") {
    throw problem('without token_type "bearer"');
  }
  const expiresIn = typeof fields.expires_in === "string" ? Number(fields.expires_in) : fields.expires_in;
  if (typeof expiresIn !== "number" || !Number.isFinite(expiresIn) || expiresIn < 0) {
    throw problem("without a valid expires_in");
  }
  if (refreshToken !== undefined && (typeof refreshToken !== "string" || refreshToken === "")) {
    throw problem("with a refresh_token that is not a token");
  }
  if (scope !== undefined && typeof scope !== "string") throw problem("with a scope that is not a string");
  return {
    accessToken,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    expiresAt: now + expiresIn * 1000,
    scopes: scope === undefined ? [...asked] : scope.split(" ").filter((s) => s !== ""),
  };
}
