import type { FakeClient, FakeConsumer, FakeUser } from "./types.js";

/**
 * The app that {@link createFakeTwitter} registers when given no `consumers`: any callback URL
 * or `oob` is allowed and "Sign in with X" is enabled.
 */
export const defaultConsumer: Readonly<FakeConsumer> = Object.freeze({
  key: "fake-consumer-key",
  secret: "fake-consumer-secret-0123456789abcdef",
  name: "Fake App",
});

/** The user that {@link createFakeTwitter} registers when given no `users`. Sign in as `fake_user` / `password`. */
export const defaultUser: Readonly<FakeUser> = Object.freeze({
  id: "1450000000000000001",
  screenName: "fake_user",
  name: "Fake User",
  email: "fake_user@example.com",
  password: "password",
});

/**
 * The OAuth 2.0 client that {@link createFakeTwitter} registers when given no `clients`: a
 * confidential client (HTTP Basic) of {@link defaultConsumer} that accepts any http(s) redirect URI.
 * With other `consumers`, the default client has the same id and secret and belongs to the first one.
 */
export const defaultClient: Readonly<FakeClient> = Object.freeze({
  clientId: "fake-client-id",
  clientSecret: "fake-client-secret-0123456789abcdef",
  consumerKey: defaultConsumer.key,
});
