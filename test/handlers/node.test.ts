// The handlers in a Node app, through toNodeListener: on node:http, and as Express 5 middleware
// (mounted at the root or under a path, with other routes and a JSON body parser after it).
import type { RequestListener } from "node:http";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { TwitterOAuth } from "../../src/index.js";
import { createSignInHandlers, type SignInHandlers } from "../../src/handlers/index.js";
import { toNodeListener } from "../../src/node/index.js";
import { createFakeTwitter, defaultConsumer, defaultUser } from "../../src/testing/index.js";
import { Browser } from "./browser.js";
import { type Listening, listen } from "../support/http.js";
import { COOKIE_SECRET, USER } from "./setup.js";

const servers: Listening[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: RequestListener): Promise<string> {
  const server = await listen(handler);
  servers.push(server);
  return server.origin;
}

/** An app origin, the handlers for it (X in-process behind the client's fetch), and a browser for both. */
function handlersFor(origin: string, onSuccess?: () => Response) {
  const fake = createFakeTwitter();
  const signIn = createSignInHandlers({
    client: new TwitterOAuth({
      consumerKey: defaultConsumer.key,
      consumerSecret: defaultConsumer.secret,
      callbackUrl: `${origin}/auth/x/callback`,
      fetch: (input, init) => fake.fetch(new Request(input, init)),
    }),
    cookieSecret: COOKIE_SECRET,
    onSuccess:
      onSuccess ??
      (({ user, returnTo }) =>
        new Response(null, {
          status: 303,
          headers: { location: returnTo, "set-cookie": `me=${user!.screen_name}; Path=/` },
        })),
  });
  const browser = new Browser((request) =>
    new URL(request.url).hostname === "api.x.com" ? fake.fetch(request) : fetch(request),
  );
  return { signIn, browser };
}

/** A whole sign-in through X's login form; returns the last answer. */
async function signIn(browser: Browser, loginUrl: string): Promise<{ url: string; response: Response }> {
  const page = await browser.open(loginUrl);
  const submitted = await browser.submitXForm(page.url, page.response!, "authorize", USER);
  const back = await browser.open(submitted.headers.get("location")!);
  return { url: back.url, response: back.response! };
}

/** The app's port is known only once it listens: the handlers are made then. */
function lateHandlers(): { handle: SignInHandlers["handle"]; set(handlers: SignInHandlers): void } {
  let current: SignInHandlers | undefined;
  return { handle: (request) => current!.handle(request), set: (handlers) => (current = handlers) };
}

describe("the handlers through toNodeListener from twitter-oauth1/node", () => {
  it("serves the sign-in on node:http, and 404 for other paths", async () => {
    const late = lateHandlers();
    const origin = await serve(toNodeListener(late.handle));
    const { signIn: handlers, browser } = handlersFor(origin);
    late.set(handlers);
    const done = await signIn(browser, `${origin}/auth/x/login?return_to=/home`);
    expect(done.url).toBe(`${origin}/home`);
    expect(await browser.jar.getCookieString(origin)).toContain(`me=${defaultUser.screenName}`);
    const other = await fetch(`${origin}/home`);
    expect([other.status, await other.text()]).toEqual([404, "Not found"]);
  });

  it("as Express 5 middleware: signs in, then passes other routes on, JSON bodies intact", async () => {
    const late = lateHandlers();
    const app = express();
    app.use(toNodeListener(late.handle));
    app.post("/api/echo", express.json(), (req, res) => {
      res.json(req.body);
    });
    app.get("/home", (req, res) => {
      res.send(`home of ${req.headers.cookie?.match(/me=(\w+)/)?.[1] ?? "nobody"}`);
    });
    const origin = await serve(app);
    const { signIn: handlers, browser } = handlersFor(origin);
    late.set(handlers);
    const done = await signIn(browser, `${origin}/auth/x/login?return_to=/home`);
    expect(await done.response.text()).toBe(`home of ${defaultUser.screenName}`);
    const echoed = await fetch(`${origin}/api/echo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kept: "yes" }),
    });
    expect(await echoed.json()).toEqual({ kept: "yes" });
  });

  it("mounted under a path (app.use('/auth/x', …)): the handlers still see the full URL", async () => {
    const late = lateHandlers();
    const app = express();
    app.use("/auth/x", toNodeListener(late.handle));
    app.get("/", (_req, res) => {
      res.send("root");
    });
    const origin = await serve(app);
    const { signIn: handlers, browser } = handlersFor(origin);
    late.set(handlers);
    const done = await signIn(browser, `${origin}/auth/x/login`);
    expect([done.url, await done.response.text()]).toEqual([`${origin}/`, "root"]);
  });

  it("an error thrown by the app's onSuccess reaches Express's error handler", async () => {
    const late = lateHandlers();
    const app = express();
    app.use(toNodeListener(late.handle));
    app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).send(`app error: ${error.message}`);
    });
    const origin = await serve(app);
    const { signIn: handlers, browser } = handlersFor(origin, () => {
      throw new Error("database down");
    });
    late.set(handlers);
    const done = await signIn(browser, `${origin}/auth/x/login`);
    expect([done.response.status, await done.response.text()]).toEqual([500, "app error: database down"]);
  });

  it("as middleware, a handler that reads the body gets it; a body over maxBodyBytes is refused", async () => {
    const app = express();
    app.use(
      toNodeListener(
        async (request) => (request.method === "POST" ? new Response(`read: ${await request.text()}`) : undefined),
        {
          maxBodyBytes: 10,
        },
      ),
    );
    app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).send(`app error: ${error.message}`);
    });
    const origin = await serve(app);
    const read = await fetch(`${origin}/`, { method: "POST", body: "hello" });
    expect(await read.text()).toBe("read: hello");
    const declared = await fetch(`${origin}/`, { method: "POST", body: "x".repeat(11) });
    expect(declared.status).toBe(413);
    // Chunked, so no Content-Length to refuse early: the handler's read fails, and that is a 413 too.
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("x".repeat(8)));
        controller.enqueue(new TextEncoder().encode("x".repeat(8)));
        controller.close();
      },
    });
    const streamed = await fetch(`${origin}/`, { method: "POST", body: chunks, duplex: "half" } as RequestInit);
    expect([streamed.status, await streamed.text()]).toEqual([413, "Payload too large"]);
  });
});
