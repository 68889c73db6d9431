/**
 * `twitter-oauth1/handlers`: "Log in with X" as Web-standard `Request` → `Response` handlers, over
 * OAuth 1.0a (a `TwitterOAuth` client) or OAuth 2.0 with PKCE (a `TwitterOAuth2` client), with
 * each pending sign-in in a sealed cookie of its own (several tabs at once, no session store), for
 * every runtime and framework that speaks `Request` and `Response`. On `http.createServer` or
 * Express, wrap them with `toNodeListener` from `twitter-oauth1/node`.
 * @module twitter-oauth1/handlers
 */
export { createSignInHandlers } from "./handlers.js";
export type {
  LoginOptions,
  OAuth1SignInResult,
  OAuth2SignInResult,
  SignInClient,
  SignInHandlers,
  SignInHandlersOptions,
  SignInResult,
  SignInResultOf,
} from "./types.js";
