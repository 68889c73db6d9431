import type { TwitterOAuth2 } from "../oauth2/client.js";
import type { OAuth2Tokens, XUser } from "../oauth2/types.js";
import type { TwitterOAuthError } from "../common/errors.js";
import type { TwitterOAuth } from "../twitter/client.js";
import type { AccessToken, TwitterUser } from "../twitter/types.js";

/** What a sign-in over OAuth 1.0a (a {@link TwitterOAuth} client) hands to `onSuccess`. */
export interface OAuth1SignInResult {
  /** Tells the two results apart: `"oauth1"` for a `TwitterOAuth` client. */
  protocol: "oauth1";
  /** The user's access token and secret, with `userId` and `screenName` as X returned them in step 3. */
  accessToken: AccessToken;
  /** The user from `GET account/verify_credentials`; absent with `fetchUser: false`. */
  user?: TwitterUser;
  /** Where the sign-in was started from: a path on this site (never another host), default `"/"`. */
  returnTo: string;
}

/** What a sign-in over OAuth 2.0 with PKCE (a `TwitterOAuth2` client) hands to `onSuccess`. */
export interface OAuth2SignInResult {
  /** Tells the two results apart: `"oauth2"` for a `TwitterOAuth2` client. */
  protocol: "oauth2";
  /**
   * The user's token pair. Store `refreshToken` (present with the `offline.access` scope) at once:
   * it is single use, and the access token lives two hours.
   */
  tokens: OAuth2Tokens;
  /** The user from `GET /2/users/me` (`id`, `name`, `username`); absent with `fetchUser: false`. */
  user?: XUser;
  /** Where the sign-in was started from: a path on this site (never another host), default `"/"`. */
  returnTo: string;
}

/**
 * What a finished sign-in hands to {@link SignInHandlersOptions.onSuccess}: tell the protocols apart
 * with `result.protocol` (`"oauth1"`: `accessToken`; `"oauth2"`: `tokens`).
 */
export type SignInResult = OAuth1SignInResult | OAuth2SignInResult;

/** The client types {@link SignInHandlersOptions.client} takes. */
export type SignInClient = TwitterOAuth | TwitterOAuth2;

/**
 * The result a client's sign-ins give: {@link OAuth1SignInResult} for `TwitterOAuth`,
 * {@link OAuth2SignInResult} for `TwitterOAuth2`, either for a client typed as both.
 */
export type SignInResultOf<Client extends SignInClient> =
  | (Client extends TwitterOAuth2 ? OAuth2SignInResult : never)
  | (Client extends TwitterOAuth ? OAuth1SignInResult : never);

/** Options of {@link SignInHandlers.login}, one sign-in at a time. */
export interface LoginOptions {
  /**
   * Where to go once signed in, handed to `onSuccess` as `returnTo`. Kept only when it is a path on
   * this site (`"/account?tab=1"`); anything else (`"//evil.example"`, `"https://…"`, a backslash, a
   * control character, or the same once percent-decoded) becomes `"/"`.
   */
  returnTo?: string;
  /**
   * `force_login=true`: X asks for the password even when someone is signed in on X. OAuth 1.0a
   * only: X's OAuth 2.0 authorize page has no such parameter.
   */
  forceLogin?: boolean;
  /** `screen_name`: prefills the username box of X's login form. OAuth 1.0a only, as `forceLogin`. */
  screenName?: string;
}

/** Options of {@link createSignInHandlers}. */
export interface SignInHandlersOptions<Client extends SignInClient = SignInClient> {
  /**
   * The X client: a `TwitterOAuth` signs in over OAuth 1.0a, a `TwitterOAuth2` (from
   * `twitter-oauth1/oauth2`) over OAuth 2.0 with PKCE. Its `callbackUrl` (an absolute http or https
   * URL, registered in the X app's settings) is where X sends the browser back, and decides the
   * cookies' `Secure` attribute. Switching an app between the protocols is a change of client.
   */
  client: Client;
  /**
   * Seals each pending sign-in (AES-256-GCM): at least 32 characters, random, kept on the server
   * and the same on every instance of the app. Changing it cancels the sign-ins in progress.
   */
  cookieSecret: string;
  /**
   * Called once X has let the user in: start the app's own session here (set its cookie) and answer,
   * usually with a redirect to `result.returnTo`. The cookie of this sign-in is cleared on the answer.
   */
  onSuccess(result: SignInResultOf<Client>, request: Request): Response | Promise<Response>;
  /**
   * Decides the answer when a sign-in fails or is cancelled (`error.code` tells which). Default: a
   * small HTML page in the end user's words with a "Try again" link to `loginPath` (keeping
   * `return_to`); the code and the developer message are logged with `console.error`, except for
   * `AUTHORIZATION_DENIED`, which is the user's choice, and never shown on the page.
   */
  onError?(error: TwitterOAuthError, request: Request): Response | Promise<Response>;
  /** The path `handle` routes to `login` (GET). Default `"/auth/x/login"`. */
  loginPath?: string;
  /** The path `handle` routes to `callback` (GET). Default: the path of the client's `callbackUrl`. */
  callbackPath?: string;
  /**
   * Asks `verify_credentials` for the email (`include_email=true`); the X app needs that permission.
   * OAuth 1.0a only (`true` with a `TwitterOAuth2` client is a TypeError). Default false.
   */
  includeEmail?: boolean;
  /**
   * Default true. `false` skips fetching the user (X bills API calls): `GET
   * account/verify_credentials` over OAuth 1.0a, `GET /2/users/me` over OAuth 2.0. `result.user` is
   * then absent; an OAuth 1.0a `result.accessToken` still has `userId` and `screenName`.
   */
  fetchUser?: boolean;
  /** How long a started sign-in may take, in seconds. Default 900 (15 minutes). */
  maxAgeSeconds?: number;
}

/** The handlers made by {@link createSignInHandlers}: `Request` in, `Response` out. */
export interface SignInHandlers {
  /**
   * Starts a sign-in and answers 302 to X. OAuth 1.0a: gets a request token from X, keeps it in a
   * sealed cookie of its own, and redirects to X's `oauth/authenticate` (when X cannot be reached,
   * answers with `onError`). OAuth 2.0: keeps a fresh PKCE code verifier in a sealed cookie named
   * after a fresh `state`, and redirects to X's authorize page with the S256 challenge and `state`.
   */
  login(request: Request, options?: LoginOptions): Promise<Response>;
  /**
   * Finishes one: finds the pending sign-in of the callback's `oauth_token` (or `denied`), or of its
   * `state` over OAuth 2.0, exchanges the verifier (or the code, with the code verifier), fetches the
   * user (unless `fetchUser: false`), calls `onSuccess`, and clears that sign-in's cookie. A callback that matches no pending sign-in answers with `onError`
   * (`INVALID_STATE`) and leaves every cookie alone.
   */
  callback(request: Request): Promise<Response>;
  /**
   * Routes GET `loginPath` to `login` (query `return_to`, `force_login`, `screen_name`) and GET
   * `callbackPath` to `callback`; answers `undefined` for any other request, for the app to serve.
   */
  handle(request: Request): Promise<Response | undefined>;
}
