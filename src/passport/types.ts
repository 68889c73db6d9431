// Structural types: what the strategy reads of Express's request and writes to its response, and
// passport-twitter's profile. Declared here so that the published types need neither passport nor
// express nor @types/node.
import type { TwitterUser } from "../twitter/types.js";

/** The parts of a Node response (Express's `req.res`) the strategy writes: its `Set-Cookie` in cookie mode. */
export interface PassportResponse {
  /** Reads a header already set (Node's `OutgoingMessage#getHeader`). */
  getHeader(name: string): number | string | string[] | undefined;
  /** Sets a header (Node's `OutgoingMessage#setHeader`). */
  setHeader(name: string, value: string | string[]): unknown;
}

/** The part of Express's application the strategy reads. */
export interface PassportApp {
  /** Reads a setting: `app.get("trust proxy")`. */
  get?(setting: string): unknown;
}

/** One entry of a profile's `emails` or `photos`, as Passport's normalized profile has them. */
export interface ProfileValue<T = string> {
  /** The address or the URL. */
  value: T;
}

/** The parts of a Node/Express request the strategy reads. */
export interface PassportRequest {
  /** The request target (path and query), as Node gives it. */
  url?: string | undefined;
  /** Express: the target before a router stripped its mount path; read first when present. */
  originalUrl?: string | undefined;
  /** The headers, lower-cased (`host`, `cookie`, `x-forwarded-proto`, `x-forwarded-host`). */
  headers: Record<string, string | string[] | undefined>;
  /** The session of `express-session` (or any session middleware), where pending sign-ins go without `cookieSecret`. */
  session?: object | null | undefined;
  /** Express's link to the response, written to in cookie mode. */
  res?: PassportResponse | undefined;
  /** The socket, to tell https from http (a TLS socket has `encrypted: true`). */
  socket?: object | undefined;
  /** Express's application, read for its `"trust proxy"` setting. */
  app?: PassportApp | undefined;
}

/** What `passport.authenticate("twitter", options)` may pass to the strategy besides Passport's own options. */
export interface AuthenticateOptions {
  /** This route's callback URL, absolute or relative to the request (passport-oauth1's per-route option). */
  callbackURL?: string;
  /** `force_login=true` for this sign-in. */
  forceLogin?: boolean;
  /** Prefills X's username box for this sign-in. */
  screenName?: string;
  /** Passport's own options (`failureRedirect`, `keepSessionInfo`, …), ignored by the strategy. */
  [option: string]: unknown;
}

/** The user profile given to `verify`, shaped exactly as passport-twitter shapes it. */
export interface Profile {
  /** Always `"twitter"`. */
  provider: "twitter";
  /** The user id, as a string (`id_str`). */
  id: string;
  /** The handle, without "@" (`screen_name`). */
  username: string;
  /** The display name (`name`); absent with `skipExtendedUserProfile`. */
  displayName?: string;
  /** `[{ value: email }]` when `includeEmail` is set and X returned an address. */
  emails?: ProfileValue[];
  /** `[{ value: profile_image_url_https }]`; absent with `skipExtendedUserProfile`. */
  photos?: ProfileValue<string | undefined>[];
  /** The profile body exactly as X sent it; absent with `skipExtendedUserProfile`. */
  _raw?: string;
  /** The profile body, parsed; absent with `skipExtendedUserProfile`. */
  _json?: TwitterUser;
  /** X's `x-access-level` header (`"read"`, `"read-write"`, …), when it sent one. */
  _accessLevel?: string | undefined;
}

/** Passport's `done`: `done(error)`, `done(null, false, info)` to refuse, `done(null, user, info)` to sign in. */
export type VerifyCallback = (error: unknown, user?: unknown, info?: unknown) => void;

/** What `verify` receives besides the profile: step 3's extra fields, as passport-oauth1 hands them over. */
export interface AccessTokenParams {
  /** `user_id` from `POST oauth/access_token`. */
  user_id: string;
  /** `screen_name` from `POST oauth/access_token`. */
  screen_name: string;
}

/** `verify(token, tokenSecret, profile, done)`: finds or creates the app's user. */
export type VerifyFunction = (token: string, tokenSecret: string, profile: Profile, done: VerifyCallback) => void;

/** `verify(token, tokenSecret, params, profile, done)`: the same with step 3's fields (passport-oauth1's five-argument form). */
export type VerifyFunctionWithParams = (
  token: string,
  tokenSecret: string,
  params: AccessTokenParams,
  profile: Profile,
  done: VerifyCallback,
) => void;

/**
 * `verify(req, token, tokenSecret, profile, done)`, with `passReqToCallback: true`. `req` is typed
 * `any` by default so that a verify written for Express (`req: express.Request`) fits without this
 * package knowing Express's types.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; a narrower default would refuse express.Request
export type VerifyFunctionWithRequest<Req = any> = (
  req: Req,
  token: string,
  tokenSecret: string,
  profile: Profile,
  done: VerifyCallback,
) => void;

/** Options of {@link Strategy}: passport-twitter's, plus `baseUrl` and `cookieSecret`. */
export interface StrategyOptions {
  /** The app's API key (consumer key). */
  consumerKey: string;
  /** The app's API key secret. Never sent, never shown in errors or logs. */
  consumerSecret: string;
  /**
   * Where X sends the browser back: an absolute http(s) URL, or a path resolved against the request
   * (`"/auth/twitter/callback"`). Must be registered in the X app's settings.
   */
  callbackURL: string;
  /** Asks X for the email (`include_email=true`; the X app needs the permission): `profile.emails`. Default false. */
  includeEmail?: boolean;
  /** `force_login=true` on every sign-in (a route can also pass `forceLogin` to `passport.authenticate`). */
  forceLogin?: boolean;
  /** Prefills X's username box on every sign-in (a route can also pass `screenName`). */
  screenName?: string;
  /**
   * Skips `GET account/verify_credentials` (X bills API calls): `profile` then has only `provider`,
   * `id` and `username`, from step 3's answer. Default false.
   */
  skipExtendedUserProfile?: boolean;
  /** Sends `skip_status=true` when false (passport-twitter's option). Default true. */
  includeStatus?: boolean;
  /** Sends `include_entities=false` when false (passport-twitter's option). Default true. */
  includeEntities?: boolean;
  /** The profile URL; default `<baseUrl>/1.1/account/verify_credentials.json`. A `users/show.json` URL gets `user_id`. */
  userProfileURL?: string;
  /** Passes the request first to `verify`. */
  passReqToCallback?: boolean;
  /**
   * X's API host; default `"https://api.x.com"` (passport-twitter's was `https://api.twitter.com`).
   * Point it at the fake X in tests (`http://127.0.0.1:3001`).
   */
  baseUrl?: string;
  /**
   * passport-twitter's option: honoured when it is `<baseUrl>/oauth/request_token` (without
   * `baseUrl`, its base becomes the baseUrl); any other URL is a TypeError: set `baseUrl` instead.
   */
  requestTokenURL?: string;
  /** passport-twitter's option: `<baseUrl>/oauth/access_token`, as {@link StrategyOptions.requestTokenURL}. */
  accessTokenURL?: string;
  /** passport-twitter's option: `<baseUrl>/oauth/authenticate`, as {@link StrategyOptions.requestTokenURL}. */
  userAuthorizationURL?: string;
  /**
   * Keeps each pending sign-in in a sealed cookie of its own instead of `req.session` (at least 32
   * characters, kept on the server): no session store is needed, several tabs can sign in at once,
   * and Passport's session regeneration at login cannot drop them.
   */
  cookieSecret?: string;
  /** Where pending sign-ins go in `req.session`; default `"oauth:twitter"`, as passport-twitter. */
  sessionKey?: string;
  /** Trusts `X-Forwarded-Proto` and `X-Forwarded-Host` to resolve a relative `callbackURL` (or set Express's `"trust proxy"`). */
  proxy?: boolean;
}
