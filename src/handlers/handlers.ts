import { isTwitterOAuthError } from "../common/errors.js";
import { type CookieStore, createCookieStore } from "./cookie-store.js";
import { defaultErrorResponse } from "./error-page.js";
import { errorHints, finishSignIn, startSignIn } from "./flow.js";
import { check, resolveOptions } from "./options.js";
import { DEFAULT_RETURN_TO, safeReturnTo } from "./return-to.js";
import type { LoginOptions, SignInClient, SignInHandlers, SignInHandlersOptions, SignInResult } from "./types.js";

// X's screen names have at most 15 characters; a longer prefill from a query string is dropped.
const MAX_SCREEN_NAME = 64;

function checkRequest(request: unknown): asserts request is Request {
  // Duck-typed: frameworks hand over their own Request subclasses, sometimes from another realm.
  const candidate = request as { url?: unknown; headers?: { get?: unknown } } | null;
  check(
    typeof candidate?.url === "string" && typeof candidate.headers?.get === "function",
    "request",
    "a Request",
    request,
  );
}

function checkLoginOptions(options: LoginOptions): void {
  check(typeof options === "object" && options !== null, "options", "an object", options);
  const { forceLogin, screenName } = options;
  check(forceLogin === undefined || typeof forceLogin === "boolean", "options.forceLogin", "true or false", forceLogin);
  check(screenName === undefined || typeof screenName === "string", "options.screenName", "a string", screenName);
}

/**
 * The URL as the browser asked for it: the `Host` header it sent names the host its cookies belong to
 * (RFC 9110 7.2), even where a framework rewrites `request.url` (Next.js's NextRequest turns
 * 127.0.0.1 and [::1] into localhost). The URL `host` setter leaves the URL as it was for a value
 * that is not a host (WHATWG URL), so a missing or malformed header keeps `request.url`.
 */
function browserUrl(request: Request): URL {
  const url = new URL(request.url);
  url.host = request.headers.get("host") ?? url.host;
  return url;
}

/** Adds `Set-Cookie` values to an answer; copies it when its headers are immutable (`Response.redirect`). */
function withCookies(response: Response, cookies: readonly string[]): Response {
  try {
    for (const cookie of cookies) response.headers.append("set-cookie", cookie);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    for (const cookie of cookies) headers.append("set-cookie", cookie);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/**
 * "Log in with X" as two Web-standard handlers, `Request` in and `Response` out, for every runtime
 * and framework that speaks them (Workers, Deno, Bun, Next.js route handlers, Hono, SvelteKit, Astro,
 * React Router, Nuxt through h3's `toWebRequest`, and Node through `toNodeListener` from
 * `twitter-oauth1/node`).
 *
 * Each pending sign-in lives in a sealed cookie of its own (`HttpOnly`, `SameSite=Lax`, `Secure` and
 * the `__Host-` prefix when the callback is https, `Max-Age` = `maxAgeSeconds`), named after its
 * request token: several tabs can sign in at once (at most 5 pending; a 6th drops the oldest), and a
 * callback finds its own sign-in by `oauth_token` or `denied`. A callback that matches none (expired,
 * used, forged, or started on another host) touches no cookie. No server-side store is needed.
 *
 * @param options - the client (with its `callbackUrl`), the cookie secret, `onSuccess`, and options.
 * @returns `login`, `callback` and `handle`.
 * @throws TypeError at creation when an option is missing or malformed (a `cookieSecret` under 32
 *   characters, a client without a web callback URL), naming it.
 *
 * @example
 * ```ts
 * import { TwitterOAuth } from "twitter-oauth1";
 * import { createSignInHandlers } from "twitter-oauth1/handlers";
 *
 * const signIn = createSignInHandlers({
 *   client: new TwitterOAuth({
 *     consumerKey: "your-api-key",
 *     consumerSecret: "your-api-key-secret",
 *     callbackUrl: "https://app.example/auth/x/callback",
 *   }),
 *   cookieSecret: "at-least-32-random-characters-kept-on-the-server",
 *   onSuccess({ accessToken, returnTo }) {
 *     // Start the app's own session here, then go back where the user was.
 *     return new Response(null, { status: 303, headers: { location: returnTo } });
 *   },
 * });
 * // In any fetch-style server: GET /auth/x/login and GET /auth/x/callback.
 * export default {
 *   async fetch(request: Request): Promise<Response> {
 *     return (await signIn.handle(request)) ?? new Response("Not found", { status: 404 });
 *   },
 * };
 * ```
 */
export function createSignInHandlers<Client extends SignInClient>(
  options: SignInHandlersOptions<Client>,
): SignInHandlers {
  // The flow's config and the cookies' attributes too.
  const resolved = resolveOptions(options as SignInHandlersOptions);
  const { callbackUrl } = resolved;
  const loginUrl = new URL(resolved.loginPath, callbackUrl).href;
  const storeFor = (request: Request): CookieStore =>
    createCookieStore(request.headers.get("cookie"), resolved.cookieSecret, resolved);

  const fail = async (
    error: unknown,
    request: Request,
    store: CookieStore,
    returnTo: string | undefined,
  ): Promise<Response> => {
    if (!isTwitterOAuthError(error)) throw error; // a bug, not a sign-in outcome: let the framework report it
    if (resolved.onError) return withCookies(await resolved.onError(error, request), store.setCookies);
    // "Try again" starts a new sign-in that returns where this one would have.
    const tryAgain = new URL(loginUrl);
    const back = returnTo ?? errorHints.get(error)?.returnTo;
    if (back !== undefined && back !== DEFAULT_RETURN_TO) tryAgain.searchParams.set("return_to", back);
    return withCookies(defaultErrorResponse(error, tryAgain.href), store.setCookies);
  };

  const login = async (request: Request, loginOptions: LoginOptions = {}): Promise<Response> => {
    checkRequest(request);
    checkLoginOptions(loginOptions);
    const store = storeFor(request);
    const returnTo = safeReturnTo(loginOptions.returnTo);
    let location: string;
    try {
      location = await startSignIn(resolved, store, {
        ...loginOptions,
        requestUrl: browserUrl(request),
        callbackUrl,
        returnTo,
      });
    } catch (error) {
      return fail(error, request, store, returnTo); // X is asked first: a failure has changed no cookie
    }
    return withCookies(
      new Response(null, { status: 302, headers: { location, "cache-control": "no-store" } }),
      store.setCookies,
    );
  };

  const callback = async (request: Request): Promise<Response> => {
    checkRequest(request);
    const store = storeFor(request);
    let result: SignInResult;
    try {
      // The user is fetched inside finishSignIn (the protocol's last step), so a failure there
      // still knows returnTo (errorHints) for the error page's "Try again".
      const { grant, returnTo } = await finishSignIn(resolved, store, {
        requestUrl: browserUrl(request),
        callbackUrl,
        loginUrl,
      });
      result = { ...grant, returnTo };
    } catch (error) {
      return fail(error, request, store, undefined);
    }
    return withCookies(await resolved.onSuccess(result, request), store.setCookies);
  };

  const handle = async (request: Request): Promise<Response | undefined> => {
    checkRequest(request);
    if (request.method !== "GET") return undefined;
    const url = new URL(request.url);
    if (url.pathname === resolved.loginPath) {
      const query = url.searchParams;
      const screenName = query.get("screen_name");
      return login(request, {
        returnTo: query.get("return_to") ?? undefined,
        forceLogin: /^(1|true|yes)$/i.test(query.get("force_login") ?? ""),
        ...(screenName && screenName.length <= MAX_SCREEN_NAME ? { screenName } : {}),
      });
    }
    if (url.pathname === resolved.callbackPath) return callback(request);
    return undefined;
  };

  return { login, callback, handle };
}
