// One app with the sign-in handlers, the in-process fake X behind the client's fetch, and a browser
// that reaches both: https://app.example is the app, https://api.x.com is X.
import { expect } from "vitest";
import { TwitterOAuth, type TwitterOAuthError } from "../../src/index.js";
import {
  createSignInHandlers,
  type SignInClient,
  type SignInHandlersOptions,
  type SignInResult,
  type SignInResultOf,
} from "../../src/handlers/index.js";
import { createFakeTwitter, defaultConsumer, defaultUser, type FakeTwitter } from "../../src/testing/index.js";
import { Browser, isLoginForm } from "./browser.js";

export const APP = "https://app.example";
export const X = "https://api.x.com";
export const CALLBACK = `${APP}/auth/x/callback`;
export const LOGIN = `${APP}/auth/x/login`;
export const COOKIE_SECRET = "handlers-test-cookie-secret-0123456789abcdef";
export const PENDING_PREFIX = "__Host-x-signin-";
export const USER = { username: defaultUser.screenName, password: defaultUser.password };

type XFetch = (request: Request) => Promise<Response>;

export interface SetupOptions extends Partial<Omit<SignInHandlersOptions, "client">> {
  /** The client's callback URL; default CALLBACK. */
  callbackUrl?: string;
  /** Wraps the fake X as the client sees it (to inject X's errors). */
  wrapX?: (next: XFetch) => XFetch;
  /** The client's timeout. */
  timeout?: number;
}

export interface Setup {
  fake: FakeTwitter;
  client: TwitterOAuth;
  signIn: ReturnType<typeof createSignInHandlers>;
  browser: Browser;
  /** Every request the client sent to X, and X's answer (clones). */
  xCalls: { request: Request; response: Response }[];
  successes: SignInResult[];
  errors: TwitterOAuthError[];
}

/** The app: onSuccess records the result and redirects to returnTo (with immutable headers, as Response.redirect makes them). */
export function setup(options: SetupOptions = {}): Setup {
  const { callbackUrl = CALLBACK, wrapX, timeout, ...handlerOptions } = options;
  const fake = createFakeTwitter();
  const xCalls: Setup["xCalls"] = [];
  const client = new TwitterOAuth({
    consumerKey: defaultConsumer.key,
    consumerSecret: defaultConsumer.secret,
    callbackUrl,
    ...(timeout === undefined ? {} : { timeout }),
    fetch: recordingFetch(fake, wrapX, xCalls),
  });
  // The 1.0a app also answers on localhost and 127.0.0.1, for the host-mismatch cases.
  const app = wireApp(fake, client, callbackUrl, handlerOptions, true);
  return { fake, client, xCalls, ...app };
}

/** The fake X as a client sees it, `wrapX` around it (to inject X's errors), every call cloned into xCalls. */
export function recordingFetch(
  fake: FakeTwitter,
  wrapX: ((next: XFetch) => XFetch) | undefined,
  xCalls: { request: Request; response: Response }[],
): typeof fetch {
  const toX: XFetch = wrapX ? wrapX((request) => fake.fetch(request)) : (request) => fake.fetch(request);
  return async (input, init) => {
    const request = new Request(input, init);
    const copy = request.clone();
    const response = await toX(request);
    xCalls.push({ request: copy, response: response.clone() });
    return response;
  };
}

/**
 * The app around either client: the handlers (onSuccess records the result and redirects to
 * returnTo, with immutable headers as Response.redirect makes them; onError, when given, records
 * the error) and a browser that reaches the app and the fake X.
 */
export function wireApp<Client extends SignInClient>(
  fake: FakeTwitter,
  client: Client,
  callbackUrl: string,
  handlerOptions: Partial<Omit<SignInHandlersOptions<Client>, "client">>,
  loopbackToo: boolean,
): {
  signIn: ReturnType<typeof createSignInHandlers>;
  browser: Browser;
  successes: SignInResultOf<Client>[];
  errors: TwitterOAuthError[];
} {
  const successes: SignInResultOf<Client>[] = [];
  const errors: TwitterOAuthError[] = [];
  const { onError } = handlerOptions;
  const signIn = createSignInHandlers<Client>({
    client,
    cookieSecret: COOKIE_SECRET,
    onSuccess(result) {
      successes.push(result);
      return Response.redirect(new URL(result.returnTo, callbackUrl).href, 303);
    },
    ...handlerOptions,
    ...(onError
      ? {
          onError(error, request) {
            errors.push(error);
            return onError(error, request);
          },
        }
      : {}),
  });
  const appOrigin = new URL(callbackUrl).origin;
  const browser = new Browser(async (request) => {
    const url = new URL(request.url);
    if (url.origin === X) return fake.fetch(request);
    if (url.origin === appOrigin || (loopbackToo && (url.hostname === "localhost" || url.hostname === "127.0.0.1"))) {
      return (await signIn.handle(request)) ?? new Response(`page ${url.pathname}`, { status: 200 });
    }
    return new Response("no such host", { status: 502 });
  });
  return { signIn, browser, successes, errors };
}

/** The request token in a login answer's Location (the URL of X's authenticate page). */
export function tokenOf(location: string): string {
  return new URL(location).searchParams.get("oauth_token")!;
}

/** A first sign-in through X's pages: login, X's form with the password, back to the callback, onSuccess. */
export async function signInWithPassword(
  { browser }: Setup,
  loginUrl = LOGIN,
): Promise<{ response: Response; url: string }> {
  const page = await browser.open(loginUrl);
  const html = await page.response!.clone().text();
  if (!isLoginForm(html)) throw new Error(`expected X's login form at ${page.url}, got:\n${html.slice(0, 300)}`);
  const submitted = await browser.submitXForm(page.url, page.response!, "authorize", USER);
  const back = await browser.open(new URL(submitted.headers.get("location")!, page.url).href);
  return { response: back.response!, url: back.url };
}

/** Starts a sign-in in a "tab" and stops at X's page: returns the page and its request token. */
export async function startTab(
  { browser }: Setup,
  loginUrl = LOGIN,
): Promise<{ pageUrl: string; page: Response; token: string }> {
  const page = await browser.open(loginUrl);
  return { pageUrl: page.url, page: page.response!, token: new URL(page.url).searchParams.get("oauth_token")! };
}

/** What an end user sees of a default error page: its visible text and its links, entities decoded. */
export async function readErrorPage(
  response: Response,
): Promise<{ html: string; text: string; links: Array<{ href: string; text: string }> }> {
  const html = await response.text();
  const decode = (value: string): string =>
    value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, "&");
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? "";
  const links = [...body.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => ({
    href: decode(m[1]!),
    text: decode(m[2]!),
  }));
  const text = decode(
    body
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
  return { html, text, links };
}

/** The head every default error page has: UTF-8, phone-width, no caching. */
export function expectErrorPageHead(response: Response, html: string): void {
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
  expect(html).toContain('<meta charset="utf-8">');
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
}
