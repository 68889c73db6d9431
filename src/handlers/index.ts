/**
 * `twitter-oauth1/handlers`: "Log in with X" as Web-standard `Request` → `Response` handlers, with
 * each pending sign-in in a sealed cookie of its own (several tabs at once, no session store), for
 * every runtime and framework that speaks `Request` and `Response`; and a Node adapter for
 * `http.createServer` and Express.
 * @module twitter-oauth1/handlers
 */
export { createSignInHandlers } from "./handlers.js";
export type { LoginOptions, SignInHandlers, SignInHandlersOptions, SignInResult } from "./types.js";
export {
  toNodeListener,
  type NodeListenerOptions,
  type NodeNext,
  type NodeRequestLike,
  type NodeResponseLike,
} from "../shared/node-listener.js";
