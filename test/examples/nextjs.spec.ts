// examples/nextjs: no `next build` here, but a route handler is a plain function of a Request, so the
// app is run in-process: instrumentation's register() as `next start` calls it, the route file for
// /auth/x/*, and the home page rendered by React, against the fake X on loopback.
import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { webExampleChecks, type ExampleEnv, type StartedExample } from "./harness/web-example.js";

// Imported by a computed path, so that `npm run typecheck` (before the build) does not follow the
// example into the built package; tsc -p examples/nextjs checks these files against dist.
const app = "../../examples/nextjs";

interface NextApp {
  register(): Promise<void>;
  GET(request: NextRequest): Promise<Response>;
  Home: FunctionComponent;
}

/** A fresh copy of the app's modules, with `env` as its process.env (what `next start` would read). */
async function load(env: ExampleEnv): Promise<NextApp> {
  // The protocol switch of the previous load must not leak into this one.
  for (const name of ["X_AUTH", "X_CLIENT_ID", "X_CLIENT_SECRET"]) delete process.env[name];
  Object.assign(process.env, env);
  vi.resetModules();
  const { register } = (await import(`${app}/instrumentation.js`)) as { register(): Promise<void> };
  const { GET } = (await import(`${app}/app/auth/x/[step]/route.js`)) as { GET: NextApp["GET"] };
  const { default: Home } = (await import(`${app}/app/page.js`)) as { default: FunctionComponent };
  return { register, GET, Home };
}

async function start(env: ExampleEnv): Promise<StartedExample> {
  const next = await load(env);
  const origin = new URL(env.TWITTER_CALLBACK_URL).origin;
  return {
    origin,
    ready: () => next.register(),
    stop: async () => {},
    // The app's origin goes to its route handler and page, everything else (the fake X) over loopback.
    async send(request) {
      const { pathname } = new URL(request.url);
      if (!request.url.startsWith(origin + "/")) return fetch(request);
      if (pathname.startsWith("/auth/x/")) {
        // As next start builds it from the HTTP request: with the Host header the browser sent
        // (NextRequest's own url says localhost for 127.0.0.1).
        const headers = new Headers(request.headers);
        headers.set("host", new URL(request.url).host);
        return next.GET(new NextRequest(request.url, { method: request.method, headers }));
      }
      if (pathname === "/") {
        const html = renderToStaticMarkup(createElement(next.Home));
        return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
      }
      return new Response("Not found", { status: 404 });
    },
  };
}

describe("examples/nextjs (route handler and page in-process)", () => {
  for (const protocol of ["oauth1", "oauth2"] as const) {
    describe(protocol, () => {
      webExampleChecks({ start, missingSecret: "skip", protocol });
    });
  }

  it("without COOKIE_SECRET the server's start (instrumentation register) fails, naming the variable", async () => {
    const next = await load({
      TWITTER_CONSUMER_KEY: "k",
      TWITTER_CONSUMER_SECRET: "s",
      TWITTER_CALLBACK_URL: "http://127.0.0.1:3000/auth/x/callback",
      COOKIE_SECRET: "",
      X_BASE_URL: "",
    });
    await expect(next.register()).rejects.toThrow(/Set COOKIE_SECRET/);
  });
});
