// The app of setup.ts with a TwitterOAuth2 client: the same handlers over OAuth 2.0 with PKCE,
// against the same in-process fake X (its /i/oauth2/authorize pages and /2/oauth2/token).
import type { createSignInHandlers, OAuth2SignInResult, SignInHandlersOptions } from "../../src/handlers/index.js";
import type { TwitterOAuthError } from "../../src/index.js";
import { TwitterOAuth2 } from "../../src/oauth2/index.js";
import { createFakeTwitter, defaultClient, type FakeTwitter } from "../../src/testing/index.js";
import type { Browser } from "./browser.js";
import { CALLBACK, LOGIN, recordingFetch, wireApp, X } from "./setup.js";

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
  const client = new TwitterOAuth2({
    clientId: defaultClient.clientId,
    clientSecret: defaultClient.clientSecret!,
    callbackUrl,
    baseUrl: X,
    authorizeUrl: `${X}/i/oauth2/authorize`,
    ...(timeout === undefined ? {} : { timeout }),
    fetch: recordingFetch(fake, wrapX, xCalls),
  });
  return { fake, client, xCalls, ...wireApp(fake, client, callbackUrl, handlerOptions, false) };
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
