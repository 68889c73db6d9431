/**
 * `twitter-oauth1/node`: what a Node server adds. `toNodeListener`, the Node adapter for any
 * Web-standard fetch handler (the sign-in handlers of `twitter-oauth1/handlers`, the fake X of
 * `twitter-oauth1/testing`, your own): a listener for `http.createServer`, or Express and Connect
 * middleware. `nodeFetch`, a `fetch` for the clients' `fetch` option that sends their calls to X
 * over `node:http`. Neither imports anything from Node (the adapter takes Node's request and
 * response by their shape, `nodeFetch` reaches `node:http` through `process.getBuiltinModule`), so
 * this entry point loads in every runtime like the others; only a Node server (or a runtime with
 * `node:http`) has a use for it.
 * @module twitter-oauth1/node
 */
export {
  toNodeListener,
  type NodeListenerOptions,
  type NodeNext,
  type NodeRequestLike,
  type NodeResponseLike,
} from "../common/node-listener.js";
export { nodeFetch } from "./fetch.js";
