// "Log in with X" as Hono middleware: twitter-oauth1/handlers answers GET /auth/x/login and
// GET /auth/x/callback with Hono's own Request (c.req.raw) in and a Response out, and passes every
// other request on to the app. Nothing here is Node-specific: the same middleware runs wherever Hono does.
import type { MiddlewareHandler } from "hono";
import { createSignInHandlers, type SignInHandlersOptions } from "twitter-oauth1/handlers";

export function xSignIn(options: SignInHandlersOptions): MiddlewareHandler {
  const signIn = createSignInHandlers(options);
  return async (c, next) => {
    const answer = await signIn.handle(c.req.raw);
    if (answer) return answer;
    await next();
  };
}
