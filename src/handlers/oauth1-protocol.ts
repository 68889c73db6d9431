import { TwitterOAuthError } from "../common/errors.js";
import type { AuthorizeUrlOptions, TwitterOAuth } from "../twitter/client.js";
import type { AccessToken } from "../twitter/types.js";
import type { SignInProtocol } from "./protocol.js";

/**
 * "Log in with X" over OAuth 1.0a (RFC 5849 2; docs.x.com "Log in with X"): a request token, X's
 * `oauth/authenticate`, a callback with `oauth_token` and `oauth_verifier` (or `denied`), and the
 * access token. The pending sign-in is kept under the request token, its secret sealed with it.
 * @internal
 */
export function oauth1Protocol(client: TwitterOAuth): SignInProtocol<AccessToken> {
  return {
    async begin(start) {
      const requestToken = await client.getRequestToken({ callbackUrl: start.callbackUrl });
      // `forceLogin` and `screenName`, checked by the caller; the URL builder reads nothing else.
      const location = client.buildAuthenticateUrl(requestToken, start as AuthorizeUrlOptions);
      return { location, key: requestToken.token, secret: requestToken.tokenSecret };
    },
    keyOf: (query) => query.get("denied") ?? query.get("oauth_token"),
    keyNames: "oauth_token or denied",
    async complete(query, pending) {
      // AUTHORIZATION_DENIED for `denied`, INVALID_CALLBACK without a verifier (X docs, Log in with X, step 2).
      const { verifier } = client.parseCallback(query, pending.token);
      if (verifier.trim() === "") {
        throw new TwitterOAuthError(
          "INVALID_CALLBACK",
          "The callback's oauth_verifier is blank; start the sign-in again",
        );
      }
      return client.exchangeVerifier(pending, verifier);
    },
  };
}
