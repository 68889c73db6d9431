import { badArgument } from "../common/describe.js";
import { isLoopback } from "../common/loopback.js";
import type { TwitterOAuthOptions } from "./types.js";

/** X's documented host for the OAuth endpoints (X docs "OAuth API reference index": https://api.x.com/oauth/…). */
export const DEFAULT_BASE_URL = "https://api.x.com";
const DEFAULT_TIMEOUT = 10_000;

/** Whether a URL may carry a signed request: https, or http on a loopback host. @internal */
export function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname));
}

function parseUrl(value: unknown, name: string): URL {
  let url: URL | undefined;
  try {
    if (typeof value === "string") url = new URL(value);
  } catch {
    // reported below with the other shapes refused
  }
  // https only: the requests carry signatures and tokens (plain http only to this machine, for tests).
  if (typeof value !== "string" || !url || !isSecureOrLoopback(url)) {
    throw new TypeError(`${name} must use https: in an absolute URL string (http: only on a loopback host)`);
  }
  if (url.search || url.hash || value.includes("#") || url.username || url.password) {
    throw new TypeError(`${name} must not have a query, fragment or credentials`);
  }
  return url;
}

/** Checks `baseUrl`: https, or http on a loopback host; returns it without a trailing slash. @internal */
export function checkBaseUrl(value: unknown): string {
  const url = parseUrl(value, "options.baseUrl");
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/** Checks `allowedOrigins`: a list of origins, each https or loopback http, without a path. @internal */
export function checkOrigins(value: unknown): readonly string[] {
  if (!Array.isArray(value)) badArgument(`options.allowedOrigins`, `an array`, value);
  return value.map((item: unknown, i) => {
    const url = parseUrl(item, `options.allowedOrigins[${i}]`);
    if (url.pathname !== "/") badArgument(`options.allowedOrigins[${i}]`, `an origin, without a path`);
    return url.origin;
  });
}

/** Checks a callback: "oob" or an absolute URL (custom schemes such as myapp://callback are legal). @internal */
export function checkCallbackOption(value: unknown, what: string): string {
  try {
    if (value === "oob" || (typeof value === "string" && new URL(value))) return value as string;
  } catch {
    // reported below
  }
  badArgument(`${what}`, `"oob" or an absolute URL string`);
}

/** The checked options with defaults applied. @internal */
export interface ResolvedOptions {
  consumerKey: string;
  consumerSecret: string;
  callbackUrl: string | undefined;
  baseUrl: string;
  allowedOrigins: readonly string[];
  fetch: NonNullable<TwitterOAuthOptions["fetch"]>;
  timeout: number | false;
  now: () => number;
  nonce: (() => string) | undefined;
}

/** Validates the constructor options; every problem is a TypeError naming the option. @internal */
export function resolveOptions(options: TwitterOAuthOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    badArgument(`options`, `an object`, options);
  }
  const { consumerKey, consumerSecret } = options;
  for (const name of ["consumerKey", "consumerSecret"] as const) {
    if (typeof options[name] !== "string" || options[name] === "") {
      badArgument(`options.${name}`, `a non-empty string: the API key or its secret from the X developer portal`);
    }
  }
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (timeout !== false && !(typeof timeout === "number" && timeout > 0 && timeout < Infinity)) {
    badArgument("options.timeout", "a positive number of milliseconds, or false");
  }
  for (const name of ["fetch", "now", "nonce"] as const) {
    if (options[name] !== undefined && typeof options[name] !== "function") {
      badArgument(`options.${name}`, `a function`, options[name]);
    }
  }
  const userFetch = options.fetch;
  return {
    consumerKey,
    consumerSecret,
    callbackUrl:
      options.callbackUrl === undefined ? undefined : checkCallbackOption(options.callbackUrl, "options.callbackUrl"),
    baseUrl: options.baseUrl === undefined ? DEFAULT_BASE_URL : checkBaseUrl(options.baseUrl),
    allowedOrigins: options.allowedOrigins === undefined ? [] : checkOrigins(options.allowedOrigins),
    // Looked up at call time, so that msw or another fetch patch installed later still applies.
    fetch: userFetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeout,
    now: options.now ?? Date.now,
    nonce: options.nonce,
  };
}
