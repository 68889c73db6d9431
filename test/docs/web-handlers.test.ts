// The guides' Web-standard sign-in code, as published, run against the fake X: the Cloudflare Workers
// module, the Deno handler and the Next.js route of docs/edge-runtimes.md (all on
// twitter-oauth1/handlers), and the handlers and the by-hand login and callback of
// docs/getting-started.md. They are called with Request objects in Node (msw routes
// https://api.x.com to the fake); workerd, Deno, Bun and Next itself are exercised by the examples'
// tests. Each block runs and signs in (X docs "Log in with X": steps 1 to 3). What the handlers do on
// Cancel, a replay or a tampered cookie is owned by test/handlers/; only the by-hand block, whose
// cookie and error answers are its own code, is checked on those too.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { http } from "msw";
import { setupServer } from "msw/node";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TwitterOAuth, type TokenPair } from "../../src/index.js";
import { createFakeTwitter, defaultConsumer, defaultUser } from "../../src/testing/index.js";
import { extractBlocks } from "./code-blocks.js";
import { root } from "./run-with-fake-x.js";

/** The callback of the blocks on the handlers (TWITTER_CALLBACK_URL) and of the by-hand ones. */
const CALLBACK = "https://app.example/auth/x/callback";
const BY_HAND_CALLBACK = "https://app.example/auth/callback";
const LOGIN = "https://app.example/auth/x/login";
const env = {
  TWITTER_CONSUMER_KEY: defaultConsumer.key,
  TWITTER_CONSUMER_SECRET: defaultConsumer.secret,
  COOKIE_SECRET: "docs-handlers-cookie-secret-0123456789abcdef",
  TWITTER_CALLBACK_URL: CALLBACK,
};
const fake = createFakeTwitter();
const server = setupServer(http.all("https://api.x.com/*", ({ request }) => fake.fetch(request)));
const dir = join(root, ".tmp", `doc-handlers-${process.pid}`);

beforeAll(() => {
  Object.assign(process.env, env);
  server.listen({ onUnhandledRequest: "error" });
  mkdirSync(dir, { recursive: true });
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Imports the `index`-th ts block under `heading` in `file`, as a module inside the package. */
async function load<T>(file: string, heading: string, index = 0): Promise<T> {
  const markdown = readFileSync(join(root, file), "utf8");
  const headingLine = markdown.split(/\r?\n/).indexOf(heading) + 1;
  if (headingLine === 0) throw new Error(`${file} has no "${heading}"`);
  const block = extractBlocks(file, markdown).filter((b) => b.line > headingLine && b.lang === "ts")[index];
  if (!block) throw new Error(`${file}: no ts block ${index} under "${heading}"`);
  const path = join(dir, `${file.replace(/\W+/g, "-")}-${block.line}.mjs`);
  writeFileSync(
    path,
    ts.transpileModule(block.code, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText,
  );
  return (await import(/* @vite-ignore */ pathToFileURL(path).href)) as T;
}

type Login = () => Promise<Response>;
type Callback = (request: Request) => Promise<Response>;

/** Plays the browser and the user through a sign-in, approved or cancelled; the login's Set-Cookie and the callback's answer. */
async function signIn(
  login: Login,
  callback: Callback,
  approve: boolean,
  callbackUrl = CALLBACK,
): Promise<{ setCookie: string; answer: Response }> {
  const started = await login();
  expect(started.status).toBe(302);
  const location = new URL(started.headers.get("location")!);
  expect(location.origin + location.pathname).toBe("https://api.x.com/oauth/authenticate");
  const setCookie = started.headers.get("set-cookie")!;
  const token = location.searchParams.get("oauth_token")!;
  const back = approve ? fake.approve(token) : fake.deny(token);
  expect(back.startsWith(callbackUrl + "?")).toBe(true);
  return { setCookie, answer: await callback(new Request(back, { headers: { cookie: setCookie.split(";")[0]! } })) };
}

/** What every block gets: a sign-in that ends signed in as the fake user. */
function itSignsIn(handlers: () => Promise<[Login, Callback]>, callbackUrl = CALLBACK, status = 200): void {
  it("signs in", async () => {
    const { answer } = await signIn(...(await handlers()), true, callbackUrl);
    expect(answer.status).toBe(status);
    expect((await answer.text()) + (answer.headers.get("location") ?? "")).toContain(defaultUser.screenName);
  });
}

describe("docs/edge-runtimes.md: Cloudflare Workers module", () => {
  type Worker = { default: { fetch(request: Request, env: Record<string, string>): Promise<Response> } };
  const handlers = async (): Promise<[Login, Callback]> => {
    const worker = (await load<Worker>("docs/edge-runtimes.md", "## Cloudflare Workers")).default;
    return [() => worker.fetch(new Request(LOGIN), env), (request) => worker.fetch(request, env)];
  };

  itSignsIn(handlers);
});

describe("docs/edge-runtimes.md: Deno.serve handler", () => {
  // Node has no Deno global: this stands in for the two members the block uses and captures the
  // handler it passes to Deno.serve (examples/deno runs in Deno itself).
  let handler: ((request: Request) => Promise<Response>) | undefined;
  const handlers = async (): Promise<[Login, Callback]> => {
    if (handler !== undefined) return [() => handler!(new Request(LOGIN)), (request) => handler!(request)];
    const deno = {
      serve: (h: typeof handler) => {
        handler = h;
      },
      env: { get: (name: string) => process.env[name] },
    };
    Object.assign(globalThis, { Deno: deno });
    try {
      await load("docs/edge-runtimes.md", "## Deno and Deno Deploy");
    } finally {
      delete (globalThis as { Deno?: unknown }).Deno;
    }
    expect(handler).toBeTypeOf("function");
    return [() => handler!(new Request(LOGIN)), (request) => handler!(request)];
  };

  itSignsIn(handlers);
});

describe("docs/edge-runtimes.md: Next.js route handler", () => {
  type Route = { GET(request: Request): Promise<Response>; runtime: string };
  const handlers = async (): Promise<[Login, Callback]> => {
    const route = await load<Route>("docs/edge-runtimes.md", "## Next.js (App Router) and Vercel");
    expect(route.runtime).toBe("edge");
    return [() => route.GET(new Request(LOGIN)), (request) => route.GET(request)];
  };

  itSignsIn(handlers, CALLBACK, 302);
});

describe("docs/getting-started.md: step 3, the handlers", () => {
  type Module = { default: { fetch(request: Request): Promise<Response> } };
  const handlers = async (): Promise<[Login, Callback]> => {
    const app = (await load<Module>("docs/getting-started.md", "## 3. Sign users in with the handlers")).default;
    return [() => app.fetch(new Request(LOGIN)), (request) => app.fetch(request)];
  };

  itSignsIn(handlers);
});

describe("docs/getting-started.md: step 4, by hand", () => {
  const handlers = async (): Promise<[Login, Callback]> => {
    const { login } = await load<{ login: Login }>(
      "docs/getting-started.md",
      "### Start the sign-in: request token and redirect",
    );
    const { callback } = await load<{ callback: Callback }>(
      "docs/getting-started.md",
      "### Finish the sign-in: callback and exchange",
    );
    return [login, callback];
  };

  itSignsIn(handlers, BY_HAND_CALLBACK);

  it("its own cookie: HttpOnly, Secure, SameSite=Lax, and cleared by the callback", async () => {
    const { setCookie, answer } = await signIn(...(await handlers()), true, BY_HAND_CALLBACK);
    for (const flag of [/;\s*HttpOnly/, /;\s*Secure/, /;\s*SameSite=Lax/]) expect(setCookie).toMatch(flag);
    expect(answer.headers.get("set-cookie")).toMatch(/Max-Age=0/);
  });

  it("its own answer to Cancel on X: 403, the user's words and no code, the cookie cleared", async () => {
    const { answer } = await signIn(...(await handlers()), false, BY_HAND_CALLBACK);
    const html = await answer.text();
    expect(answer.status).toBe(403);
    expect(html).toContain("You cancelled signing in with X.");
    expect(html).not.toContain("AUTHORIZATION_DENIED");
    expect(answer.headers.get("set-cookie")).toMatch(/Max-Age=0/);
  });

  it("a callback without the cookie answers 400", async () => {
    const [, callback] = await handlers();
    const answer = await callback(new Request(BY_HAND_CALLBACK + "?oauth_token=t&oauth_verifier=v"));
    expect(answer.status).toBe(400);
  });
});

describe("docs/getting-started.md: step 5", () => {
  it("whoIs reads GET /2/users/me, signOut revokes the token (X API: invalidate_token)", async () => {
    const x = new TwitterOAuth({
      consumerKey: defaultConsumer.key,
      consumerSecret: defaultConsumer.secret,
      callbackUrl: "oob",
    });
    const requestToken = await x.getRequestToken();
    const accessToken = await x.exchangeVerifier(requestToken, fake.approve(requestToken.token));
    type Step5 = {
      whoIs(token: TokenPair): Promise<{ id: string; handle: string }>;
      signOut(token: TokenPair): Promise<void>;
    };
    const { whoIs, signOut } = await load<Step5>("docs/getting-started.md", "## 5. Act as the user");
    expect(await whoIs(accessToken)).toEqual({ id: defaultUser.id, handle: defaultUser.screenName });
    await signOut(accessToken);
    await expect(whoIs(accessToken)).rejects.toThrow("X answered 401");
  });
});
