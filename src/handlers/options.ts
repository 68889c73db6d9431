import type { TwitterOAuthError } from "../common/errors.js";
import { describe } from "../common/describe.js";
import { parseHttpUrl } from "../oauth1/url.js";
import type { TwitterOAuth2 } from "../oauth2/client.js";
import type { TwitterOAuth } from "../twitter/client.js";
import { checkCookieSecret } from "./cookie-store.js";
import type { TaggedClient } from "./sign-in-grant.js";
import type { SignInHandlersOptions, SignInResult } from "./types.js";

const DEFAULT_MAX_AGE = 15 * 60;
const DEFAULT_LOGIN_PATH = "/auth/x/login";
const OAUTH1_METHODS = ["getRequestToken", "buildAuthenticateUrl", "parseCallback", "exchangeVerifier"] as const;
const OAUTH2_METHODS = ["createAuthorization", "parseCallback", "exchangeCode", "me"] as const;

/** The checked options, defaults applied. @internal */
export interface ResolvedOptions {
  client: TaggedClient;
  cookieSecret: string;
  onSuccess: (result: SignInResult, request: Request) => Response | Promise<Response>;
  onError: ((error: TwitterOAuthError, request: Request) => Response | Promise<Response>) | undefined;
  callbackUrl: string;
  loginPath: string;
  callbackPath: string;
  includeEmail: boolean;
  fetchUser: boolean;
  maxAgeSeconds: number;
  /** The callback is https: cookies get `Secure` and the `__Host-` prefix. */
  secure: boolean;
}

/**
 * The callback URL the client sends with step 1: an absolute http(s) URL. The PIN flow (`"oob"`) has
 * no callback to finish a sign-in at, and a custom scheme is for native apps.
 * @internal
 */
export function webCallbackUrl(value: unknown, what: string): string {
  if (value === undefined) {
    throw new TypeError(
      `${what} is missing: X must send the browser back to this app, so create the client with new TwitterOAuth({ …, callbackUrl: "https://your.app/auth/x/callback" }), registered in the X app's settings`,
    );
  }
  if (value === "oob") {
    throw new TypeError(
      `${what} is "oob" (the PIN flow), which has no callback for a sign-in to finish at; use the app's callback URL, such as "https://your.app/auth/x/callback"`,
    );
  }
  const url = parseHttpUrl(value);
  if (url === undefined) throw new TypeError(`${what} must be an absolute http or https URL, got ${describe(value)}`);
  return url.href;
}

function checkPath(value: unknown, name: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !/^\/[^?#\s]*$/.test(value)) {
    throw new TypeError(`options.${name} must be a path starting with "/" (no query), got ${describe(value)}`);
  }
  return value;
}

function checkBoolean(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new TypeError(`options.${name} must be true or false, got ${describe(value)}`);
  return value;
}

/** Checks the options once, when the handlers are created, so a misconfigured app fails at start. @internal */
// Duck-typed, as the request: a client may come from another copy of the package.
function hasMethods(value: unknown, names: readonly string[]): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    names.every((name) => typeof (value as Record<string, unknown>)[name] === "function")
  );
}

function tagClient(client: unknown): TaggedClient {
  if (hasMethods(client, OAUTH2_METHODS)) return { protocol: "oauth2", client: client as TwitterOAuth2 };
  if (hasMethods(client, OAUTH1_METHODS)) return { protocol: "oauth1", client: client as TwitterOAuth };
  throw new TypeError(
    `options.client must be a TwitterOAuth client (OAuth 1.0a) or a TwitterOAuth2 client (OAuth 2.0, from twitter-oauth1/oauth2), got ${describe(client)}`,
  );
}

export function resolveOptions(options: SignInHandlersOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`options must be an object with client, cookieSecret and onSuccess, got ${describe(options)}`);
  }
  const client = tagClient(options.client);
  const callbackUrl = webCallbackUrl(client.client.callbackUrl, "options.client's callbackUrl");
  const cookieSecret = checkCookieSecret(options.cookieSecret, "options.cookieSecret");
  if (typeof options.onSuccess !== "function") {
    throw new TypeError(
      `options.onSuccess must be a function (result, request) => Response that starts the app's session, got ${describe(options.onSuccess)}`,
    );
  }
  if (options.onError !== undefined && typeof options.onError !== "function") {
    throw new TypeError(
      `options.onError must be a function (error, request) => Response, got ${describe(options.onError)}`,
    );
  }
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE;
  if (typeof maxAge !== "number" || !Number.isFinite(maxAge) || maxAge < 1) {
    throw new TypeError(`options.maxAgeSeconds must be a number of seconds, at least 1, got ${describe(maxAge)}`);
  }
  const includeEmail = checkBoolean(options.includeEmail, "includeEmail", false);
  if (includeEmail && client.protocol === "oauth2") {
    throw new TypeError(
      "options.includeEmail works with a TwitterOAuth client (OAuth 1.0a, verify_credentials) only: GET /2/users/me of OAuth 2.0 has no include_email; leave it out",
    );
  }
  const callback = new URL(callbackUrl);
  return {
    client,
    cookieSecret,
    onSuccess: options.onSuccess,
    onError: options.onError,
    callbackUrl,
    loginPath: checkPath(options.loginPath, "loginPath", DEFAULT_LOGIN_PATH),
    callbackPath: checkPath(options.callbackPath, "callbackPath", callback.pathname),
    includeEmail,
    fetchUser: checkBoolean(options.fetchUser, "fetchUser", true),
    maxAgeSeconds: Math.floor(maxAge),
    secure: callback.protocol === "https:",
  };
}
