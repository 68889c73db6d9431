import type { TwitterOAuthError } from "../common/errors.js";
import { describe } from "../common/describe.js";
import { parseHttpUrl } from "../oauth1/url.js";
import type { TwitterOAuth2 } from "../oauth2/client.js";
import type { TwitterOAuth } from "../twitter/client.js";
import { checkCookieSecret } from "./cookie-store.js";
import type { CookieAttributes } from "./cookies.js";
import type { FlowConfig } from "./flow.js";
import { type SignInGrant, signInProtocol, type TaggedClient } from "./sign-in-grant.js";
import type { SignInHandlersOptions, SignInResult } from "./types.js";

/** The checked options, defaults applied, with the flow's protocol and clock. @internal */
export interface ResolvedOptions extends FlowConfig<SignInGrant>, CookieAttributes {
  cookieSecret: string;
  onSuccess: (result: SignInResult, request: Request) => Response | Promise<Response>;
  onError: ((error: TwitterOAuthError, request: Request) => Response | Promise<Response>) | undefined;
  callbackUrl: string;
  loginPath: string;
  callbackPath: string;
}

/**
 * Throws, unless `ok`, the TypeError of a bad argument: its name, what it must be, and the kind of
 * value it got (never the value: it may be a secret).
 * @internal
 */
export function check(ok: unknown, name: string, expected: string, value: unknown): asserts ok {
  if (!ok) throw new TypeError(`${name} must be ${expected}, got ${describe(value)}`);
}

// Duck-typed, as the request: a client may come from another copy of the package.
function hasMethods(value: unknown, names: string): boolean {
  return names.split(" ").every((name) => typeof (value as Record<string, unknown> | null)?.[name] === "function");
}

function tagClient(client: unknown): TaggedClient {
  if (hasMethods(client, "createAuthorization parseCallback exchangeCode me")) {
    return { protocol: "oauth2", client: client as TwitterOAuth2 };
  }
  check(
    hasMethods(client, "getRequestToken buildAuthenticateUrl parseCallback exchangeVerifier"),
    "options.client",
    "a TwitterOAuth client (OAuth 1.0a) or a TwitterOAuth2 client (OAuth 2.0)",
    client,
  );
  return { protocol: "oauth1", client: client as TwitterOAuth };
}

const isBoolean = (value: unknown): boolean => typeof value === "boolean";
// onSuccess and onError: their parameters are in the types and docs/handlers.md.
const RESPONDER = "a function returning a Response";
const isPath = (value: unknown): boolean => typeof value === "string" && /^\/[^?#\s]*$/.test(value);

/** Checks the options once, when the handlers are created, so a misconfigured app fails at start. @internal */
export function resolveOptions(options: SignInHandlersOptions): ResolvedOptions {
  check(typeof options === "object" && options !== null, "options", "an object", options);
  // An option left out takes its default; one given must be valid.
  const option = <T>(
    name: keyof SignInHandlersOptions,
    fallback: T | undefined,
    ok: (value: unknown) => boolean,
    expected: string,
  ): T => {
    const value = options[name] === undefined ? fallback : options[name];
    check(ok(value), `options.${name}`, expected, value);
    return value as T;
  };
  const client = tagClient(options.client);
  // The callback URL the client sends with step 1: an absolute http(s) URL. The PIN flow ("oob") has
  // no callback to finish a sign-in at, and a custom scheme is for native apps.
  const callback = parseHttpUrl(client.client.callbackUrl);
  check(
    callback,
    "options.client's callbackUrl",
    "the http(s) callback URL registered in the X app",
    client.client.callbackUrl,
  );
  const callbackUrl = callback.href;
  // X's OAuth 2.0 gives no email: only false there.
  const oauth2 = client.protocol === "oauth2";
  const includeEmail = option(
    "includeEmail",
    false,
    (value) => value === false || (value === true && !oauth2),
    oauth2 ? "false with a TwitterOAuth2 client" : "true or false",
  );
  const maxAgeSeconds = Math.floor(
    option(
      "maxAgeSeconds",
      15 * 60,
      (value) => Number.isFinite(value) && (value as number) >= 1,
      "a number of seconds, at least 1",
    ),
  );
  const fetchUser = option("fetchUser", true, isBoolean, "true or false");
  return {
    protocol: signInProtocol(client, { fetchUser, includeEmail }),
    // Date.now at each call (not a captured reference), so that a test clock applies.
    now: () => Date.now(),
    maxAgeSeconds,
    // The callback is https: cookies get `Secure` and the `__Host-` prefix.
    secure: callback.protocol === "https:",
    callbackUrl,
    cookieSecret: checkCookieSecret(options.cookieSecret, "options.cookieSecret"),
    onSuccess: option<ResolvedOptions["onSuccess"]>(
      "onSuccess",
      undefined,
      (value) => typeof value === "function",
      RESPONDER,
    ),
    onError: option<ResolvedOptions["onError"]>(
      "onError",
      undefined,
      (value) => value === undefined || typeof value === "function",
      RESPONDER,
    ),
    loginPath: option("loginPath", "/auth/x/login", isPath, 'a path starting with "/", no query'),
    callbackPath: option("callbackPath", callback.pathname, isPath, 'a path starting with "/", no query'),
  };
}
