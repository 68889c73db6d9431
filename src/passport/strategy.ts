import { isTwitterOAuthError } from "../common/errors.js";
import { checkCookieSecret, createCookieStore } from "../handlers/cookie-store.js";
import { type FlowConfig, finishSignIn, startSignIn } from "../handlers/flow.js";
import { oauth1Protocol } from "../handlers/oauth1-protocol.js";
import type { PendingStore } from "../handlers/pending.js";
import { DEFAULT_RETURN_TO } from "../handlers/return-to.js";
import { describe } from "../common/describe.js";
import { parseHttpUrl } from "../oauth1/url.js";
import { TwitterOAuth } from "../twitter/client.js";
import type { AccessToken } from "../twitter/types.js";
import { loadProfile, type ProfileOptions } from "./profile.js";
import { createSessionStore } from "./session-store.js";
import type {
  AccessTokenParams,
  AuthenticateOptions,
  PassportRequest,
  PassportResponse,
  Profile,
  StrategyOptions,
  VerifyCallback,
  VerifyFunction,
  VerifyFunctionWithParams,
  VerifyFunctionWithRequest,
} from "./types.js";
import { baseUrlFrom } from "./endpoint-urls.js";

const MAX_AGE_SECONDS = 15 * 60;

interface StrategyState {
  client: TwitterOAuth;
  /** Only to redact X's error bodies; never a property of the strategy. */
  consumerSecret: string;
  // biome-ignore lint/complexity/noBannedTypes: verify is called with 4 to 6 arguments, chosen by its arity as passport-oauth1 does
  verify: Function;
  passReqToCallback: boolean;
  callbackURL: string;
  cookieSecret: string | undefined;
  sessionKey: string;
  forceLogin: boolean;
  screenName: string | undefined;
  proxy: boolean | undefined;
  profile: ProfileOptions;
}

// Passport calls authenticate() on Object.create(strategy), a fresh object per request whose
// prototype is the registered instance: `#private` fields would throw there ("Receiver must be an
// instance"), so the state lives here, found through the prototype chain. Nothing secret is ever a
// property of the strategy.
const states = new WeakMap<object, StrategyState>();

function stateOf(strategy: object): StrategyState {
  for (let object: object | null = strategy; object !== null; object = Object.getPrototypeOf(object)) {
    const state = states.get(object);
    if (state !== undefined) return state;
  }
  throw new TypeError("authenticate must be called on a Strategy from twitter-oauth1/passport, through Passport");
}

function optional<T>(value: unknown, name: string, type: "boolean" | "string"): T | undefined {
  if (value !== undefined && typeof value !== type) {
    throw new TypeError(`options.${name} must be a ${type}, got ${describe(value)}`);
  }
  return value as T | undefined;
}

function checkCallbackURL(value: unknown): string {
  if (typeof value === "string" && value.startsWith("/") && !value.startsWith("//")) return value;
  const url = parseHttpUrl(value);
  if (url === undefined) {
    throw new TypeError(
      `options.callbackURL must be an absolute http(s) URL or a path such as "/auth/twitter/callback", registered in the X app's settings; got ${describe(value)}`,
    );
  }
  return url.href;
}

function header(req: PassportRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The URL the browser asked for, as passport-oauth1 rebuilds it (`X-Forwarded-*` only behind a trusted proxy). */
function requestUrl(req: PassportRequest, proxy: boolean | undefined): URL {
  const trust = proxy ?? Boolean(req.app?.get?.("trust proxy"));
  const forwardedProto = (header(req, "x-forwarded-proto") ?? "").split(",")[0]!.trim().toLowerCase();
  const tls =
    (req.socket as { encrypted?: unknown } | undefined)?.encrypted === true || (trust && forwardedProto === "https");
  const host = (trust ? header(req, "x-forwarded-host")?.split(",")[0]?.trim() : undefined) || header(req, "host");
  if (!host) throw new TypeError("the request has no Host header, so its URL and the callback URL cannot be known");
  return new URL(req.originalUrl ?? req.url ?? "/", `${tls ? "https" : "http"}://${host}`);
}

function appendSetCookie(res: PassportResponse, cookies: readonly string[]): void {
  if (cookies.length === 0) return;
  const existing = res.getHeader("set-cookie");
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader("set-cookie", [...list, ...cookies]);
}

/**
 * "Log in with X" for Passport: a drop-in for passport-twitter's `Strategy`, with the same options,
 * `verify` signatures and profile, and no runtime dependency (Passport takes any object with `name`
 * and `authenticate`).
 *
 * Where the request token waits between the legs:
 * - with `cookieSecret`: in a sealed cookie per sign-in (`HttpOnly`, `SameSite=Lax`, `Secure` and
 *   `__Host-` on https), so no session store is needed, several tabs can sign in at once, and a
 *   callback that matches none touches nothing;
 * - otherwise in `req.session["oauth:twitter"]` as passport-oauth1 keeps it, one entry per tab. Passport
 *   0.7 regenerates the session when a user signs in, which drops the other tabs' entries: pass
 *   `keepSessionInfo: true` to the callback route's `passport.authenticate` to keep them.
 *
 * Cancel on X calls `fail()` (Passport's failure redirect); `verify` is reached only by a callback
 * that matches a pending sign-in and has been exchanged. Every other failure calls `error()` with a
 * `TwitterOAuthError` (match on `error.code`).
 *
 * @example
 * ```ts
 * import express from "express";
 * import passport from "passport";
 * import { Strategy as TwitterStrategy } from "twitter-oauth1/passport";
 *
 * passport.use(
 *   new TwitterStrategy(
 *     {
 *       consumerKey: "your-api-key",
 *       consumerSecret: "your-api-key-secret",
 *       callbackURL: "https://app.example/auth/twitter/callback",
 *       cookieSecret: "at-least-32-random-characters-kept-on-the-server",
 *     },
 *     (token, tokenSecret, profile, done) => done(null, { id: profile.id, name: profile.username }),
 *   ),
 * );
 * const app = express();
 * app.get("/auth/twitter", passport.authenticate("twitter", { session: false }));
 * app.get(
 *   "/auth/twitter/callback",
 *   passport.authenticate("twitter", { session: false, failureRedirect: "/login" }),
 *   (req, res) => res.redirect("/"),
 * );
 * ```
 */
export class Strategy {
  /** `"twitter"`: the name `passport.authenticate("twitter")` refers to. */
  name = "twitter";

  /**
   * A strategy whose `verify` gets the request first.
   * @param options - with `passReqToCallback: true`.
   * @param verify - `verify(req, token, tokenSecret, profile, done)`: the request first.
   */
  constructor(options: StrategyOptions & { passReqToCallback: true }, verify: VerifyFunctionWithRequest);
  /**
   * A strategy with passport-twitter's options and `verify(token, tokenSecret, profile, done)`.
   * @param options - passport-twitter's options, plus `baseUrl` and `cookieSecret`.
   * @param verify - finds or creates the app's user and calls `done(null, user)` (or `done(null, false)` to refuse).
   * @throws TypeError when an option is missing or malformed, naming it.
   */
  constructor(options: StrategyOptions, verify: VerifyFunction);
  /**
   * A strategy whose `verify` also gets step 3's fields: `verify(token, tokenSecret, params, profile, done)`.
   * @param options - passport-twitter's options, plus `baseUrl` and `cookieSecret`.
   * @param verify - passport-oauth1's five-argument form, with step 3's `user_id` and `screen_name`
   *   before the profile (annotate its parameters, so that TypeScript picks this form).
   */
  constructor(options: StrategyOptions, verify: VerifyFunctionWithParams);
  constructor(options: StrategyOptions, verify: VerifyFunction | VerifyFunctionWithParams | VerifyFunctionWithRequest) {
    if (typeof options !== "object" || options === null) {
      throw new TypeError(
        `options must be an object with consumerKey, consumerSecret and callbackURL, got ${describe(options)}`,
      );
    }
    if (typeof verify !== "function") {
      throw new TypeError(`verify must be a function (token, tokenSecret, profile, done), got ${describe(verify)}`);
    }
    let profileOrigin: string | undefined;
    if (options.userProfileURL !== undefined) {
      try {
        profileOrigin = new URL(options.userProfileURL).origin;
      } catch {
        throw new TypeError(`options.userProfileURL must be an absolute URL, got ${describe(options.userProfileURL)}`);
      }
    }
    // passport-twitter's requestTokenURL, accessTokenURL and userAuthorizationURL: honoured when they
    // share one base (baseUrl's, when it is given), refused otherwise, never silently ignored.
    const baseUrl = baseUrlFrom(options);
    const client = new TwitterOAuth({
      consumerKey: options.consumerKey,
      consumerSecret: options.consumerSecret,
      ...(baseUrl === undefined ? {} : { baseUrl }),
      // The client signs only for the hosts it is told: the profile's, when it is elsewhere.
      ...(profileOrigin === undefined ? {} : { allowedOrigins: [profileOrigin] }),
    });
    const sessionKey = optional<string>(options.sessionKey, "sessionKey", "string") ?? "oauth:twitter";
    states.set(this, {
      client,
      consumerSecret: options.consumerSecret,
      verify,
      passReqToCallback: optional<boolean>(options.passReqToCallback, "passReqToCallback", "boolean") ?? false,
      callbackURL: checkCallbackURL(options.callbackURL),
      cookieSecret:
        options.cookieSecret === undefined
          ? undefined
          : checkCookieSecret(options.cookieSecret, "options.cookieSecret"),
      sessionKey,
      forceLogin: optional<boolean>(options.forceLogin, "forceLogin", "boolean") ?? false,
      screenName: optional<string>(options.screenName, "screenName", "string"),
      proxy: optional<boolean>(options.proxy, "proxy", "boolean"),
      profile: {
        skipExtendedUserProfile:
          optional<boolean>(options.skipExtendedUserProfile, "skipExtendedUserProfile", "boolean") ?? false,
        userProfileURL: options.userProfileURL,
        includeEmail: optional<boolean>(options.includeEmail, "includeEmail", "boolean") ?? false,
        includeStatus: optional<boolean>(options.includeStatus, "includeStatus", "boolean") ?? true,
        includeEntities: optional<boolean>(options.includeEntities, "includeEntities", "boolean") ?? true,
      },
    });
  }

  /**
   * Called by Passport for the login route (starts a sign-in: a redirect to X) and for the callback
   * route (a request with `oauth_token` or `denied`: finishes it, then `verify`).
   *
   * @param req - the Express (or Node) request.
   * @param options - `passport.authenticate`'s options; `callbackURL`, `forceLogin` and `screenName` are read.
   */
  authenticate(req: PassportRequest, options: AuthenticateOptions = {}): void {
    const state = stateOf(this);
    run(this, state, req, options ?? {}).catch((error: unknown) => {
      try {
        this.error(error);
      } catch {
        // Passport's error() hands the error to next(); nothing is left to tell if that throws.
      }
    });
  }

  /** Set by Passport on each request: signs `user` in. */
  success(_user: unknown, _info?: unknown): void {
    notThroughPassport("success");
  }

  /** Set by Passport on each request: the sign-in failed (Cancel, or `verify` refused). */
  fail(_challenge?: unknown, _status?: number): void {
    notThroughPassport("fail");
  }

  /** Set by Passport on each request: sends the browser to `url`. */
  redirect(_url: string, _status?: number): void {
    notThroughPassport("redirect");
  }

  /** Set by Passport on each request: skips this strategy. */
  pass(): void {
    notThroughPassport("pass");
  }

  /** Set by Passport on each request: the sign-in could not be processed (`error` is a `TwitterOAuthError`). */
  error(_error: unknown): void {
    notThroughPassport("error");
  }
}

function notThroughPassport(method: string): never {
  throw new TypeError(
    `Strategy#${method} is provided by Passport for each request: call the strategy through passport.authenticate("twitter")`,
  );
}

/** Picks where this request's pending sign-ins live, and how their changes reach the browser. */
function storeFor(
  state: StrategyState,
  req: PassportRequest,
  secure: boolean,
): { store: PendingStore; commit(): void } {
  if (state.cookieSecret !== undefined) {
    const res = req.res;
    if (typeof res?.setHeader !== "function" || typeof res.getHeader !== "function") {
      throw new TypeError(
        "cookieSecret mode writes its cookie through req.res (set by Express): use Express, or set req.res to the response",
      );
    }
    const cookieHeader = header(req, "cookie");
    const store = createCookieStore(cookieHeader, state.cookieSecret, { secure, maxAgeSeconds: MAX_AGE_SECONDS });
    return { store, commit: () => appendSetCookie(res, store.setCookies.splice(0)) };
  }
  if (typeof req.session !== "object" || req.session === null) {
    throw new TypeError(
      "twitter-oauth1/passport keeps the request token in req.session, and there is none: add express-session before Passport, or pass cookieSecret to the Strategy to use sealed cookies instead",
    );
  }
  // Read through req each time: reloading the session (to merge with other tabs) replaces req.session.
  const sessionOf = () => req.session as Record<string, unknown>;
  return { store: createSessionStore(sessionOf, state.sessionKey, () => Date.now()), commit: () => {} };
}

async function run(
  strategy: Strategy,
  state: StrategyState,
  req: PassportRequest,
  options: AuthenticateOptions,
): Promise<void> {
  const url = requestUrl(req, state.proxy);
  const callbackOption = options.callbackURL === undefined ? state.callbackURL : checkCallbackURL(options.callbackURL);
  const callbackUrl = new URL(callbackOption, url).href;
  const { store, commit } = storeFor(state, req, callbackUrl.startsWith("https:"));
  const config: FlowConfig<AccessToken> = {
    protocol: oauth1Protocol(state.client),
    maxAgeSeconds: MAX_AGE_SECONDS,
    now: () => Date.now(),
  };
  if (state.cookieSecret === undefined && (options as { keepSessionInfo?: unknown }).keepSessionInfo !== true) {
    config.lostBecause =
      "the session was regenerated when another tab signed in (Passport 0.7 does on login): pass keepSessionInfo: true to passport.authenticate on the callback route, or give the Strategy a cookieSecret";
  }

  if (!url.searchParams.has("oauth_token") && !url.searchParams.has("denied")) {
    const location = await startSignIn(config, store, {
      requestUrl: url,
      callbackUrl,
      returnTo: DEFAULT_RETURN_TO,
      forceLogin: optional<boolean>(options.forceLogin, "forceLogin", "boolean") ?? state.forceLogin,
      screenName: optional<string>(options.screenName, "screenName", "string") ?? state.screenName,
    });
    commit();
    strategy.redirect(location);
    return;
  }

  let accessToken: AccessToken;
  try {
    ({ grant: accessToken } = await finishSignIn(config, store, { requestUrl: url, callbackUrl }));
  } catch (error) {
    commit();
    if (isTwitterOAuthError(error) && error.code === "AUTHORIZATION_DENIED") {
      // As passport-twitter: the user pressed Cancel on X, an authentication failure.
      strategy.fail({ message: "The sign-in was cancelled on X" });
      return;
    }
    throw error;
  }
  commit();
  const profile = await loadProfile(state.client, state.consumerSecret, accessToken, state.profile);
  callVerify(strategy, state, req, accessToken.token, accessToken.tokenSecret, profile, {
    user_id: accessToken.userId,
    screen_name: accessToken.screenName,
  });
}

function callVerify(
  strategy: Strategy,
  state: StrategyState,
  req: PassportRequest,
  token: string,
  tokenSecret: string,
  profile: Profile,
  params: AccessTokenParams,
): void {
  let settled = false;
  const done: VerifyCallback = (error, user, info) => {
    if (settled) return;
    settled = true;
    if (error) strategy.error(error);
    else if (!user) strategy.fail(info);
    else strategy.success(user, info ?? {});
  };
  // The arity picks the form, as passport-oauth1 does: (req,) token, tokenSecret, (params,) profile, done.
  const args: unknown[] = state.passReqToCallback ? [req] : [];
  args.push(token, tokenSecret);
  if (state.verify.length === args.length + 3) args.push(params);
  args.push(profile, done);
  const result: unknown = state.verify(...args);
  if (typeof (result as PromiseLike<unknown> | undefined)?.then === "function") {
    (result as PromiseLike<unknown>).then(undefined, (error: unknown) => done(error));
  }
}
