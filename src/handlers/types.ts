import type { TwitterOAuthError } from "../shared/errors.js";
import type { TwitterOAuth } from "../twitter/client.js";
import type { AccessToken, TwitterUser } from "../twitter/types.js";

/** What a finished sign-in hands to {@link SignInHandlersOptions.onSuccess}. */
export interface SignInResult {
  /** The user's access token and secret, with `userId` and `screenName` as X returned them in step 3. */
  accessToken: AccessToken;
  /** The user from `GET account/verify_credentials`; absent with `fetchUser: false`. */
  user?: TwitterUser;
  /** Where the sign-in was started from: a path on this site (never another host), default `"/"`. */
  returnTo: string;
}

/** Options of {@link SignInHandlers.login}, one sign-in at a time. */
export interface LoginOptions {
  /**
   * Where to go once signed in, handed to `onSuccess` as `returnTo`. Kept only when it is a path on
   * this site (`"/account?tab=1"`); anything else (`"//evil.example"`, `"https://…"`, a backslash, a
   * control character, or the same once percent-decoded) becomes `"/"`.
   */
  returnTo?: string;
  /** `force_login=true`: X asks for the password even when someone is signed in on X. */
  forceLogin?: boolean;
  /** `screen_name`: prefills the username box of X's login form. */
  screenName?: string;
}

/** Options of {@link createSignInHandlers}. */
export interface SignInHandlersOptions {
  /**
   * The X client. Its `callbackUrl` (an absolute http or https URL, registered in the X app's
   * settings) is where X sends the browser back, and decides the cookies' `Secure` attribute.
   */
  client: TwitterOAuth;
  /**
   * Seals each pending sign-in (AES-256-GCM): at least 32 characters, random, kept on the server
   * and the same on every instance of the app. Changing it cancels the sign-ins in progress.
   */
  cookieSecret: string;
  /**
   * Called once X has let the user in: start the app's own session here (set its cookie) and answer,
   * usually with a redirect to `result.returnTo`. The cookie of this sign-in is cleared on the answer.
   */
  onSuccess(result: SignInResult, request: Request): Response | Promise<Response>;
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
  /** Asks `verify_credentials` for the email (`include_email=true`); the X app needs that permission. Default false. */
  includeEmail?: boolean;
  /**
   * Default true. `false` skips `GET account/verify_credentials` (X bills API calls): `result.user`
   * is then absent, and `result.accessToken` still has `userId` and `screenName`.
   */
  fetchUser?: boolean;
  /** How long a started sign-in may take, in seconds. Default 900 (15 minutes). */
  maxAgeSeconds?: number;
}

/** The handlers made by {@link createSignInHandlers}: `Request` in, `Response` out. */
export interface SignInHandlers {
  /**
   * Starts a sign-in: gets a request token from X, keeps it in a sealed cookie of its own, and
   * answers 302 to X's `oauth/authenticate`. When X cannot be reached, answers with `onError`.
   */
  login(request: Request, options?: LoginOptions): Promise<Response>;
  /**
   * Finishes one: finds the pending sign-in of the callback's `oauth_token` (or `denied`), exchanges
   * the verifier, fetches the user (unless `fetchUser: false`), calls `onSuccess`, and clears that
   * sign-in's cookie. A callback that matches no pending sign-in answers with `onError`
   * (`INVALID_STATE`) and leaves every cookie alone.
   */
  callback(request: Request): Promise<Response>;
  /**
   * Routes GET `loginPath` to `login` (query `return_to`, `force_login`, `screen_name`) and GET
   * `callbackPath` to `callback`; answers `undefined` for any other request, for the app to serve.
   */
  handle(request: Request): Promise<Response | undefined>;
}
