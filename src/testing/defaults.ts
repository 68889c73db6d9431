import type { FakeConsumer, FakeUser } from "./types.js";

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
