// passport-twitter's endpoint URL options, mapped onto the client's one baseUrl: the client calls
// X's three endpoints under a single base (X docs, "Log in with X": POST oauth/request_token,
// GET oauth/authenticate, POST oauth/access_token), so URLs that share it are honoured and any
// other is refused, with the baseUrl to use instead.
import { describe } from "../common/describe.js";

/** The endpoint URL options of passport-twitter (and passport-oauth1), with the path each must end in. */
const ENDPOINTS = [
  ["requestTokenURL", "/oauth/request_token"],
  ["accessTokenURL", "/oauth/access_token"],
  ["userAuthorizationURL", "/oauth/authenticate"],
] as const;

/** The options this reads. @internal */
export interface EndpointUrlOptions {
  baseUrl?: string | undefined;
  requestTokenURL?: string | undefined;
  accessTokenURL?: string | undefined;
  userAuthorizationURL?: string | undefined;
}

/** origin + path without trailing slashes, as the client normalises baseUrl. */
function normalise(url: URL): string {
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/**
 * The baseUrl for the client: `options.baseUrl` as given, or, when it is absent, the base the
 * endpoint URLs share (`http://127.0.0.1:3001` for `http://127.0.0.1:3001/oauth/request_token`).
 * @throws TypeError naming the option when an endpoint URL is not an absolute URL ending in its
 *   endpoint's path, or is not under the same base as `baseUrl` and the other endpoint URLs.
 * @internal
 */
export function baseUrlFrom(options: EndpointUrlOptions): string | undefined {
  let base: { value: string; from: string } | undefined;
  if (typeof options.baseUrl === "string") {
    try {
      base = { value: normalise(new URL(options.baseUrl)), from: "baseUrl" };
    } catch {
      return options.baseUrl; // the client refuses it, naming baseUrl
    }
  }
  for (const [name, path] of ENDPOINTS) {
    const given = options[name];
    if (given === undefined) continue;
    let url: URL;
    try {
      if (typeof given !== "string") throw new TypeError();
      url = new URL(given);
    } catch {
      throw new TypeError(
        `options.${name} must be an absolute URL such as "https://api.x.com${path}", got ${describe(given)}; or leave it out and set baseUrl`,
      );
    }
    const full = normalise(url);
    if (name === "userAuthorizationURL" && full.endsWith("/oauth/authorize")) {
      throw new TypeError(
        `options.userAuthorizationURL ${given}: this strategy sends users to /oauth/authenticate ("Log in with X"), not /oauth/authorize; use ${full.slice(0, -"/oauth/authorize".length)}/oauth/authenticate, or leave it out and set baseUrl`,
      );
    }
    if (!full.endsWith(path) || url.search !== "" || url.hash !== "") {
      throw new TypeError(
        `options.${name} must end in ${path} with no query (got ${given}): this strategy calls X's endpoints under one baseUrl; set baseUrl to X's host instead ("https://api.x.com", the default)`,
      );
    }
    const value = full.slice(0, -path.length);
    if (base === undefined) {
      base = { value, from: name };
    } else if (base.value !== value) {
      throw new TypeError(
        `options.${name} (${given}) is not under ${base.from === "baseUrl" ? "baseUrl" : `the base of options.${base.from}`} (${base.value}): this strategy calls X's endpoints under one baseUrl; set baseUrl to the one host (for the fake X, baseUrl: "http://127.0.0.1:3001") and leave out the endpoint URLs`,
      );
    }
  }
  return options.baseUrl ?? base?.value;
}
