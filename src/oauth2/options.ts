import { describe } from "../common/describe.js";
import { isLoopback } from "../common/loopback.js";
import { checkBaseUrl, DEFAULT_BASE_URL, isSecureOrLoopback } from "../twitter/options.js";
import type { TwitterOAuth2Options } from "./types.js";

/** X's authorize page (docs.x.com "OAuth 2.0 Authorization Code Flow with PKCE", step 1). */
export const DEFAULT_AUTHORIZE_URL = "https://x.com/i/oauth2/authorize";
/** The scopes of a sign-in that can identify the user and stay signed in (`offline.access`: a refresh token). */
export const DEFAULT_SCOPES: readonly string[] = Object.freeze(["tweet.read", "users.read", "offline.access"]);
const DEFAULT_TIMEOUT = 10_000;

/** The checked options with defaults applied. @internal */
export interface ResolvedOAuth2Options {
  clientId: string;
  clientSecret: string | undefined;
  callbackUrl: string | undefined;
  scopes: readonly string[];
  baseUrl: string;
  /** The origin of baseUrl: the only one `fetch` sends a Bearer token to. */
  origin: string;
  authorizeUrl: string;
  fetch: NonNullable<TwitterOAuth2Options["fetch"]>;
  timeout: number | false;
  now: () => number;
}

/**
 * Checks a scope list: scope tokens are printable ASCII without space, `"` or `\` (RFC 6749 3.3).
 * @internal
 */
export function checkScopes(value: unknown, what: string): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(
      `${what} must be a non-empty array of scope names such as "tweet.read", got ${describe(value)}`,
    );
  }
  for (const [i, scope] of value.entries()) {
    if (typeof scope !== "string" || !/^[\x21\x23-\x5B\x5D-\x7E]+$/.test(scope)) {
      throw new TypeError(
        `${what}[${i}] must be a scope name (printable ASCII, no space, quote or backslash; RFC 6749 3.3)`,
      );
    }
  }
  return Object.freeze([...new Set(value as string[])]);
}

function checkAuthorizeUrl(value: unknown): string {
  if (typeof value !== "string") throw new TypeError(`options.authorizeUrl must be a string, got ${describe(value)}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`options.authorizeUrl must be an absolute URL such as "${DEFAULT_AUTHORIZE_URL}"`);
  }
  if (url.search || url.hash || value.includes("#")) {
    throw new TypeError("options.authorizeUrl must not have a query or a fragment");
  }
  if (url.username || url.password) throw new TypeError("options.authorizeUrl must not carry credentials");
  if (!isSecureOrLoopback(url)) {
    throw new TypeError("options.authorizeUrl must use https: (plain http: is allowed only for loopback hosts)");
  }
  return url.href;
}

function checkRedirectUri(value: unknown): string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(
      `options.callbackUrl must be an absolute URL, got ${value === "" ? "an empty string" : describe(value)}`,
    );
  }
  try {
    new URL(value);
  } catch {
    throw new TypeError("options.callbackUrl must be an absolute URL registered in the app's settings (Callback URI)");
  }
  // RFC 6749 3.1.2: the redirection endpoint URI must not include a fragment component.
  if (value.includes("#")) throw new TypeError("options.callbackUrl must not have a fragment (RFC 6749 3.1.2)");
  return value;
}

/** Validates the constructor options; every problem is a TypeError naming the option. @internal */
export function resolveOAuth2Options(options: TwitterOAuth2Options): ResolvedOAuth2Options {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`options must be an object with clientId, got ${describe(options)}`);
  }
  const { clientId, clientSecret } = options;
  if (typeof clientId !== "string" || clientId === "") {
    throw new TypeError(
      "options.clientId must be a non-empty string: the OAuth 2.0 Client ID from the X developer portal (not the API key)",
    );
  }
  if (clientSecret !== undefined && (typeof clientSecret !== "string" || clientSecret === "")) {
    throw new TypeError(
      "options.clientSecret must be a non-empty string (the OAuth 2.0 Client Secret), or left out for a public client",
    );
  }
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (timeout !== false && (typeof timeout !== "number" || !Number.isFinite(timeout) || timeout <= 0)) {
    throw new TypeError("options.timeout must be a positive number of milliseconds, or false for none");
  }
  for (const name of ["fetch", "now"] as const) {
    if (options[name] !== undefined && typeof options[name] !== "function") {
      throw new TypeError(`options.${name} must be a function, got ${describe(options[name])}`);
    }
  }
  const baseUrl = options.baseUrl === undefined ? DEFAULT_BASE_URL : checkBaseUrl(options.baseUrl);
  const base = new URL(baseUrl);
  const userFetch = options.fetch;
  return {
    clientId,
    clientSecret,
    callbackUrl: options.callbackUrl === undefined ? undefined : checkRedirectUri(options.callbackUrl),
    scopes: options.scopes === undefined ? DEFAULT_SCOPES : checkScopes(options.scopes, "options.scopes"),
    baseUrl,
    origin: base.origin,
    authorizeUrl:
      options.authorizeUrl !== undefined
        ? checkAuthorizeUrl(options.authorizeUrl)
        : isLoopback(base.hostname)
          ? `${baseUrl}/i/oauth2/authorize`
          : DEFAULT_AUTHORIZE_URL,
    // Looked up at call time, so that msw or another fetch patch installed later still applies.
    fetch: userFetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeout,
    now: options.now ?? Date.now,
  };
}
