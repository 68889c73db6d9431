// An Express 5 app written the way passport-twitter's README shows it, signing in against the fake X
// served on a loopback port, and a browser (fetch + tough-cookie jar) to drive both.
import type { RequestListener } from "node:http";
import express from "express";
import session from "express-session";
import { Passport } from "passport";
import { createFakeTwitter, defaultConsumer, defaultUser, type FakeTwitter } from "../../src/testing/index.js";
import { toNodeListener } from "../../src/node/index.js";
import { Browser, isLoginForm } from "../handlers/browser.js";
import { type Listening, listen as listenOnLoopback } from "../support/http.js";

export const USER = { username: defaultUser.screenName, password: defaultUser.password };
export const COOKIE_SECRET = "passport-test-cookie-secret-0123456789abcdef";

const servers: Listening[] = [];

/** Listens on a free loopback port; closed by {@link closeAll}. */
export async function listen(handler: RequestListener): Promise<string> {
  const server = await listenOnLoopback(handler);
  servers.push(server);
  return server.origin;
}

export async function closeAll(): Promise<void> {
  await Promise.all(servers.splice(0).map((server) => server.close()));
}

/** The fake X on its own port; `failNext(path, answer)` makes the next request to `path` fail as X would. */
export async function startFakeX(): Promise<{
  fake: FakeTwitter;
  origin: string;
  failNext(path: string, answer: () => Response | Promise<Response>): void;
  /** Every token secret X issued and every signature it received, to look for in the app's answers. */
  secrets: Set<string>;
}> {
  const fake = createFakeTwitter();
  const failures = new Map<string, () => Response | Promise<Response>>();
  const secrets = new Set<string>([defaultConsumer.secret]);
  const origin = await listen(
    toNodeListener(async (request) => {
      const signature = /oauth_signature="([^"]+)"/.exec(request.headers.get("authorization") ?? "")?.[1];
      if (signature) secrets.add(decodeURIComponent(signature));
      const failure = failures.get(new URL(request.url).pathname);
      if (failure) {
        failures.delete(new URL(request.url).pathname);
        return failure();
      }
      const response = await fake.fetch(request);
      const tokenSecret = new URLSearchParams(await response.clone().text()).get("oauth_token_secret");
      if (tokenSecret) secrets.add(tokenSecret);
      return response;
    }),
  );
  return { fake, origin, failNext: (path, answer) => failures.set(path, answer), secrets };
}

/** What verify saw. */
export interface Verified {
  args: unknown[];
  profile: Record<string, unknown>;
}

export interface AppOptions {
  /** The Strategy constructor: ours, or passport-twitter's. */
  Strategy: new (
    options: never,
    verify: never,
  ) => unknown;
  /** Options besides the keys and callbackURL (baseUrl, or passport-twitter's endpoint URLs). */
  strategyOptions: Record<string, unknown>;
  /** express-session before Passport; default true. */
  session?: boolean;
  /** Passed to the callback route's passport.authenticate. */
  keepSessionInfo?: boolean;
  /** A shared session store, to hand a sign-in from one app to another. */
  store?: session.Store;
  /** The verify function; default: records its arguments and signs `{ id, username }` in. */
  // biome-ignore lint/suspicious/noExplicitAny: verify takes 4 to 6 arguments of several shapes
  verify?: (...args: any[]) => void;
  /** Where X sends the browser back, when not to this app. */
  callbackOrigin?: string;
}

export interface App {
  origin: string;
  verified: Verified[];
}

/** The app of passport-twitter's README (routes /auth/twitter and /auth/twitter/callback), on a loopback port. */
export async function startApp(options: AppOptions): Promise<App> {
  const verified: Verified[] = [];
  const withSession = options.session ?? true;
  const passport = new Passport();
  const app = express();
  let origin = "";
  const verify =
    options.verify ??
    ((token: string, tokenSecret: string, profile: Record<string, unknown>, cb: (e: unknown, u?: unknown) => void) => {
      verified.push({ args: [token, tokenSecret], profile });
      return cb(null, { id: profile.id, username: profile.username });
    });
  if (withSession) {
    app.use(
      session({
        secret: "keyboard cat",
        resave: false,
        saveUninitialized: false,
        ...(options.store ? { store: options.store } : {}),
      }),
    );
    app.use(passport.authenticate("session"));
  }
  passport.serializeUser((user, cb) => cb(null, user));
  passport.deserializeUser((user: Express.User, cb) => cb(null, user));
  const sessionOption = withSession ? {} : { session: false };
  app.get("/auth/twitter", passport.authenticate("twitter", sessionOption));
  // passport's own option type does not know the strategy's options (passport-twitter's as well).
  const forced: Record<string, unknown> = { ...sessionOption, forceLogin: true };
  app.get("/auth/twitter/force", passport.authenticate("twitter", forced));
  app.get(
    "/auth/twitter/callback",
    passport.authenticate("twitter", {
      ...sessionOption,
      failureRedirect: "/login",
      ...(options.keepSessionInfo ? { keepSessionInfo: true } : {}),
    }),
    (req, res) => {
      if (withSession) res.redirect("/");
      else res.json({ user: req.user });
    },
  );
  app.get("/", (req, res) => {
    res.json({ user: req.user ?? null });
  });
  app.get("/login", (_req, res) => {
    res.status(401).send("login page");
  });
  app.use(
    (error: Error & { code?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).json({ name: error.name, code: error.code, message: error.message });
    },
  );
  origin = await listen(app);
  passport.use(
    new options.Strategy(
      {
        consumerKey: defaultConsumer.key,
        consumerSecret: defaultConsumer.secret,
        callbackURL: `${options.callbackOrigin ?? origin}/auth/twitter/callback`,
        ...options.strategyOptions,
      } as never,
      verify as never,
    ) as never,
  );
  return { origin, verified };
}

/** A browser that talks HTTP to the app and the fake X. */
export function browser(): Browser {
  return new Browser((request) => fetch(request));
}

/** Opens `url` and stops at X's page, returning it (the page of one "tab"). */
export async function toX(b: Browser, url: string): Promise<{ pageUrl: string; page: Response; html: string }> {
  const reached = await b.open(url);
  const html = await reached.response!.clone().text();
  return { pageUrl: reached.url, page: reached.response!, html };
}

/** Submits X's form on the page and follows the way back into the app; returns the last answer. */
export async function approveOnX(
  b: Browser,
  tab: { pageUrl: string; page: Response; html: string },
): Promise<{ url: string; response: Response }> {
  const submitted = await b.submitXForm(tab.pageUrl, tab.page, "authorize", isLoginForm(tab.html) ? USER : undefined);
  const back = await b.open(new URL(submitted.headers.get("location")!, tab.pageUrl).href);
  return { url: back.url, response: back.response! };
}

/** The URL X's form sends the browser back to (the callback), without opening it. */
export async function callbackFromX(
  b: Browser,
  tab: { pageUrl: string; page: Response; html: string },
  action: "authorize" | "cancel" = "authorize",
): Promise<string> {
  const submitted = await b.submitXForm(tab.pageUrl, tab.page, action, isLoginForm(tab.html) ? USER : undefined);
  if (action === "cancel") {
    return /href="([^"]+)"/.exec(await submitted.text())![1]!.replace(/&#38;/g, "&");
  }
  return new URL(submitted.headers.get("location")!, tab.pageUrl).href;
}
