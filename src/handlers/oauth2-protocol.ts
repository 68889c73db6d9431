import type { TwitterOAuth2 } from "../oauth2/client.js";
import type { OAuth2Tokens } from "../oauth2/types.js";
import type { SignInProtocol } from "./protocol.js";

/**
 * "Log in with X" over OAuth 2.0 (docs.x.com "OAuth 2.0 Authorization Code Flow with PKCE"): X's
 * authorize page with an S256 challenge and a `state`, a callback with `code` and `state` (or
 * `error=access_denied` and `state`), and the token pair. The pending sign-in is kept under `state`
 * (RFC 6749 10.12: it binds the callback to this browser), the code verifier sealed with it (RFC
 * 7636 4.1: only the app that started the sign-in may redeem the code). X's OAuth 2.0 authorize page
 * takes neither `force_login` nor `screen_name`: they are not sent.
 * @internal
 */
export function oauth2Protocol(client: TwitterOAuth2): SignInProtocol<OAuth2Tokens> {
  return {
    async begin() {
      const { url, state, codeVerifier } = await client.createAuthorization();
      return { location: url, key: state, secret: codeVerifier };
    },
    keyOf: (query) => query.get("state"),
    keyNames: "state",
    async complete(query, pending) {
      // AUTHORIZATION_DENIED for error=access_denied, INVALID_CALLBACK for another error or no code.
      const { code } = client.parseCallback(query, pending.token);
      return client.exchangeCode(code, pending.tokenSecret);
    },
  };
}
