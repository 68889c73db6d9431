import type { TwitterOAuth2 } from "../oauth2/client.js";
import type { OAuth2Tokens } from "../oauth2/types.js";
import type { AccessToken } from "../twitter/types.js";
import type { TwitterOAuth } from "../twitter/client.js";
import { oauth1Protocol } from "./oauth1-protocol.js";
import { oauth2Protocol } from "./oauth2-protocol.js";
import type { SignInProtocol } from "./protocol.js";
import type { OAuth1SignInResult, OAuth2SignInResult } from "./types.js";

/** A result without `returnTo`, which the flow adds from the pending sign-in. @internal */
export type SignInGrant = Omit<OAuth1SignInResult, "returnTo"> | Omit<OAuth2SignInResult, "returnTo">;

/** The client, told apart once when the handlers are created. @internal */
export type TaggedClient = { protocol: "oauth1"; client: TwitterOAuth } | { protocol: "oauth2"; client: TwitterOAuth2 };

/** What the handlers ask of the user once signed in. @internal */
export interface UserOptions {
  fetchUser: boolean;
  includeEmail: boolean;
}

/**
 * The handlers' protocol: the client's own (see `oauth1-protocol.ts`, `oauth2-protocol.ts`), plus
 * the user it fetches after the exchange (1.0a: `GET account/verify_credentials`; OAuth 2.0:
 * `GET /2/users/me`), shaped as the result `onSuccess` receives.
 * @internal
 */
export function signInProtocol(tagged: TaggedClient, options: UserOptions): SignInProtocol<SignInGrant> {
  const oauth2 = tagged.protocol === "oauth2";
  const base: SignInProtocol<AccessToken | OAuth2Tokens> = oauth2
    ? oauth2Protocol(tagged.client)
    : oauth1Protocol(tagged.client);
  return {
    ...base,
    async complete(query, pending) {
      const grant = await base.complete(query, pending);
      const result = (
        oauth2 ? { protocol: "oauth2", tokens: grant } : { protocol: "oauth1", accessToken: grant }
      ) as SignInGrant;
      if (options.fetchUser) {
        result.user = oauth2
          ? await tagged.client.me(grant as OAuth2Tokens)
          : await tagged.client.verifyCredentials(grant as AccessToken, { includeEmail: options.includeEmail });
      }
      return result;
    },
  };
}
