/**
 * `twitter-oauth1/testing`: a fake X (Twitter) OAuth 1.0a provider for tests and demos. It verifies
 * signatures like X, serves X's sign-in pages and answers X's errors, with no network and no account.
 * @module twitter-oauth1/testing
 */
export { verifySignature } from "../oauth1/verify-signature.js";
export { createFakeTwitter } from "./fake-twitter.js";
export { defaultClient, defaultConsumer, defaultUser } from "./defaults.js";
export type {
  ApproveOptions,
  FailOptions,
  FakeClient,
  FakeConsumer,
  FakeTwitter,
  FakeTwitterOptions,
  FakeUser,
} from "./types.js";
export {
  toNodeListener,
  type NodeListenerOptions,
  type NodeNext,
  type NodeRequestLike,
  type NodeResponseLike,
} from "../shared/node-listener.js";
