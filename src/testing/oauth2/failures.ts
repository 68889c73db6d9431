// Injected failures on the OAuth 2.0 endpoints answer as those endpoints do: `{"error",
// "error_description"}` with the token endpoint's `x-rate-limit-*` headers (X docs, OAuth 1.0a
// token exchange, errors and rate limits).
import { setRateLimitHeaders } from "../rate-limits.js";
import type { FakeState, InjectedFailure } from "../store.js";
import { claimedClientId } from "./client-auth.js";
import { defaultErrorForStatus, oauth2Error } from "./responses.js";
import { TOKEN_LIMIT, windowEnd } from "./rate-limit.js";

/** The paths whose failures answer in OAuth 2.0's shape. @internal */
export const OAUTH2_ENDPOINTS: ReadonlySet<string> = new Set(["/2/oauth2/token", "/2/oauth2/revoke"]);

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  rate_limited: "Too many token requests for this app; wait for x-rate-limit-reset.",
  temporarily_unavailable: "The service is temporarily unavailable; retry later.",
  server_error: "Something went wrong; retry later.",
};

/**
 * The answer of an injected failure with a status on an OAuth 2.0 endpoint. A 429 reports the app's
 * window as used up, resetting after `resetSeconds` or at the end of the app's 15-minute window.
 * @internal
 */
export function oauth2FailureResponse(
  state: FakeState,
  failure: InjectedFailure & { status: number },
  headers: Headers,
): Response {
  const now = state.now();
  const error = failure.error ?? defaultErrorForStatus(failure.status);
  const description = failure.message ?? DESCRIPTIONS[error] ?? `Injected failure: ${error}.`;
  const response = oauth2Error(now, error, description, failure.status);
  const clientId = claimedClientId(headers, new URLSearchParams());
  const consumerKey = clientId === undefined ? undefined : state.oauth2.clients.get(clientId)?.consumerKey;
  const resetMs =
    failure.resetSeconds === undefined ? windowEnd(state.oauth2, consumerKey, now) : now + failure.resetSeconds * 1000;
  const used = consumerKey === undefined ? 0 : (state.oauth2.rateWindows.get(consumerKey)?.used ?? 0);
  setRateLimitHeaders(response.headers, {
    limit: TOKEN_LIMIT,
    remaining: failure.status === 429 ? 0 : Math.max(0, TOKEN_LIMIT - used),
    reset: Math.ceil(resetMs / 1000),
  });
  return response;
}
