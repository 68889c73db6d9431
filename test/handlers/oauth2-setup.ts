// The app of setup.ts with a TwitterOAuth2 client: the same handlers over OAuth 2.0 with PKCE,
// against the same in-process fake X (its /i/oauth2/authorize pages and /2/oauth2/token).
import { createSignInHandlers, type OAuth2SignInResult, type SignInHandlersOptions } from "../../src/handlers/index.js";
import type { TwitterOAuthError } from "../../src/index.js";
import { TwitterOAuth2 } from "../../src/oauth2/index.js";
import { createFakeTwitter, defaultClient, type FakeTwitter } from "../../src/testing/index.js";
import { Browser } from "./browser.js";
import { CALLBACK, COOKIE_SECRET, LOGIN, X } from "./setup.js";

type XFetch = (request: Request) => Promise<Response>;

export interface OAuth2SetupOptions extends Partial<Omit<SignInHandlersOptions<TwitterOAuth2>, "client">> {
  callbackUrl?: string;
  wrapX?: (next: XFetch) => XFetch;
  timeout?: number;
}

export interface OAuth2Setup {
  fake: FakeTwitter;
  client: TwitterOAuth2;
  signIn: ReturnType<typeof createSignInHandlers>;
  browser: Browser;
  xCalls: { request: Request; response: Response }[];
  successes: OAuth2SignInResult[];
  errors: TwitterOAuthError[];
}

export function setupOAuth2(options: OAuth2SetupOptions = {}): OAuth2Setup {
  const { callbackUrl = CALLBACK, wrapX, timeout, ...handlerOptions } = options;
  const fake = createFakeTwitter();
  const xCalls: OAuth2Setup["xCalls"] = [];
  const toX: XFetch = wrapX ? wrapX((request) => fake.fetch(request)) : (request) => fake.fetch(request);
  const client = new TwitterOAuth2({
    clientId: defaultClient.clientId,
    clientSecret: defaultClient.clientSecret!,
    callbackUrl,
    baseUrl: X,
    authorizeUrl: `${X}/i/oauth2/authorize`,
    ...(timeout === undefined ? {} : { timeout }),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const copy = request.clone();
      const response = await toX(request);
      xCalls.push({ request: copy, response: response.clone() });
      return response;
    },
  });
  const successes: OAuth2SignInResult[] = [];
  const errors: TwitterOAuthError[] = [];
  const signIn = createSignInHandlers({
    client,
    cookieSecret: COOKIE_SECRET,
    onSuccess(result) {
      successes.push(result);
      return Response.redirect(new URL(result.returnTo, callbackUrl).href, 303);
    },
    ...handlerOptions,
    ...(handlerOptions.onError
      ? {
          onError(error, request) {
            errors.push(error);
            return handlerOptions.onError!(error, request);
          },
        }
      : {}),
  });
  const appOrigin = new URL(callbackUrl).origin;
  const browser = new Browser(async (request) => {
    const url = new URL(request.url);
    if (url.origin === X) return fake.fetch(request);
    if (url.origin === appOrigin) {
      return (await signIn.handle(request)) ?? new Response(`page ${url.pathname}`, { status: 200 });
    }
    return new Response("no such host", { status: 502 });
  });
  return { fake, client, signIn, browser, xCalls, successes, errors };
}

/** Starts a sign-in in a "tab" and stops at X's authorize page: the page, its URL and the sign-in's state. */
export async function startOAuth2Tab(
  { browser }: OAuth2Setup,
  loginUrl = LOGIN,
): Promise<{ authorizeUrl: string; page: Response; state: string }> {
  const started = await browser.request(loginUrl);
  const authorizeUrl = started.headers.get("location")!;
  const page = await browser.request(authorizeUrl);
  return { authorizeUrl, page, state: new URL(authorizeUrl).searchParams.get("state")! };
}
