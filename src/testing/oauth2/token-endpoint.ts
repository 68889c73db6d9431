// POST /2/oauth2/token (X docs, OAuth 2.0 Authorization Code Flow with PKCE; OAuth 1.0a token
// exchange): the app's rate limit first, then client authentication, then the grant.
import type { IncomingRequest } from "../check-signed-request.js";
import { setRateLimitHeaders } from "../rate-limits.js";
import type { FakeState } from "../store.js";
import { authenticateClient, claimedClientId } from "./client-auth.js";
import { codeGrant } from "./code-grant.js";
import { TOKEN_EXCHANGE, exchangeGrant } from "./exchange-grant.js";
import { countTokenRequest } from "./rate-limit.js";
import { refreshGrant } from "./refresh-grant.js";
import { oauth2Error } from "./responses.js";

/** The form body, or a description of what is wrong with it (RFC 6749 3.2: no parameter twice). @internal */
export function readTokenForm(request: IncomingRequest): URLSearchParams | string {
  if (request.form === null) return "Send the parameters as application/x-www-form-urlencoded.";
  const form = new URLSearchParams(request.form);
  const seen = new Set<string>();
  for (const name of form.keys()) {
    if (seen.has(name)) return `${name} is sent more than once.`;
    seen.add(name);
  }
  return form;
}

async function grant(state: FakeState, request: IncomingRequest, form: URLSearchParams): Promise<Response> {
  const now = state.now();
  const auth = authenticateClient(state.oauth2.clients, request.headers, form);
  if (!auth.ok) return oauth2Error(now, auth.error, auth.description);
  const type = form.get("grant_type");
  switch (type) {
    case TOKEN_EXCHANGE:
      return exchangeGrant(state, auth.client, form);
    case "refresh_token":
      return refreshGrant(state, auth.client, form);
    case "authorization_code":
      return codeGrant(state, auth.client, form);
    case null:
    case "":
      return oauth2Error(now, "invalid_request", "grant_type is missing.");
    default:
      return oauth2Error(now, "unsupported_grant_type", "grant_type is not one this endpoint supports.");
  }
}

/** POST /2/oauth2/token. Every answer carries the app's `x-rate-limit-*` headers. @internal */
export async function tokenEndpoint(state: FakeState, request: IncomingRequest): Promise<Response> {
  const now = state.now();
  const form = readTokenForm(request);
  const params = typeof form === "string" ? new URLSearchParams() : form;
  const clientId = claimedClientId(request.headers, params);
  const client = clientId === undefined ? undefined : state.oauth2.clients.get(clientId);
  const rate = countTokenRequest(state.oauth2, client?.consumerKey, now);
  let response: Response;
  if (rate.exceeded) {
    response = oauth2Error(now, "rate_limited", "Too many token requests for this app; wait for x-rate-limit-reset.");
  } else if (typeof form === "string") {
    response = oauth2Error(now, "invalid_request", form);
  } else {
    response = await grant(state, request, form);
  }
  setRateLimitHeaders(response.headers, rate);
  return response;
}
