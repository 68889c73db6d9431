import type { TwitterOAuth2 } from "../oauth2/client.js";
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
  if (tagged.protocol === "oauth2") {
    const { client } = tagged;
    const base = oauth2Protocol(client);
    return {
      ...base,
      async complete(query, pending) {
        const tokens = await base.complete(query, pending);
        if (!options.fetchUser) return { protocol: "oauth2", tokens };
        return { protocol: "oauth2", tokens, user: await client.me(tokens) };
      },
    };
  }
  const { client } = tagged;
  const base = oauth1Protocol(client);
  return {
    ...base,
    async complete(query, pending) {
      const accessToken = await base.complete(query, pending);
      if (!options.fetchUser) return { protocol: "oauth1", accessToken };
      const user = await client.verifyCredentials(accessToken, { includeEmail: options.includeEmail });
      return { protocol: "oauth1", accessToken, user };
    },
  };
}
