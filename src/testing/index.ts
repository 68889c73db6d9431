/**
 * `twitter-oauth1/testing`: a fake X (Twitter) OAuth 1.0a provider for tests and demos. It verifies
 * signatures like X, serves X's sign-in pages and answers X's errors, with no network and no account.
 * To serve it with `node:http` or Express, wrap it with `toNodeListener` from `twitter-oauth1/node`.
 * @module twitter-oauth1/testing
 */
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
