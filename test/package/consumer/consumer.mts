// (.mts, not .ts: the repository's own typecheck includes test/**/*.ts, and this file may only be
// compiled against the installed tarball, in the temporary project test/package/run.js makes.)
// A small TypeScript consumer of the installed tarball, type-checked (skipLibCheck off, so the
// shipped .d.ts files are checked too) under moduleResolution "nodenext" and "bundler".
import {
  TwitterOAuth,
  isTwitterOAuthError,
  signRequest,
  sealRequestToken,
  unsealRequestToken,
  type AccessToken,
  type RequestToken,
  type SignedRequest,
  type TwitterOAuthErrorCode,
  type TwitterUser,
} from "twitter-oauth1";
import {
  toNodeListener,
  type NodeListenerOptions,
  type NodeRequestLike,
  type NodeResponseLike,
} from "twitter-oauth1/node";
import { createFakeTwitter, defaultConsumer, type FakeTwitter } from "twitter-oauth1/testing";

const fake: FakeTwitter = createFakeTwitter();
const client = new TwitterOAuth({
  consumerKey: defaultConsumer.key,
  consumerSecret: defaultConsumer.secret,
  callbackUrl: "https://app.example/callback",
  fetch: (input, init) => fake.fetch(new Request(input, init)),
});

export async function signIn(): Promise<{ accessToken: AccessToken; user: TwitterUser }> {
  const requestToken: RequestToken = await client.getRequestToken();
  const sealed: string = await sealRequestToken(requestToken, "a-cookie-sealing-secret-of-at-least-32-chars");
  const restored: RequestToken = await unsealRequestToken(sealed, "a-cookie-sealing-secret-of-at-least-32-chars");
  const { verifier } = client.parseCallback(fake.approve(restored.token), restored);
  const accessToken = await client.exchangeVerifier(restored, verifier);
  return { accessToken, user: await client.verifyCredentials(accessToken) };
}

// The fake X as a node:http listener, typed without Node's types (the adapter takes them by shape).
const nodeOptions: NodeListenerOptions = { origin: "http://127.0.0.1:3001", maxBodyBytes: 64 * 1024 };
export const fakeOnNode: (request: NodeRequestLike, response: NodeResponseLike) => Promise<void> = toNodeListener(
  fake.fetch,
  nodeOptions,
);

export function codeOf(error: unknown): TwitterOAuthErrorCode | undefined {
  return isTwitterOAuthError(error) ? error.code : undefined;
}

export const signed: Promise<SignedRequest> = signRequest(
  { method: "GET", url: "https://api.x.com/2/users/me" },
  { consumerKey: "key", consumerSecret: "secret" },
);

void signRequest(
  { method: "GET", url: "https://api.x.com/" },
  { consumerKey: "k", consumerSecret: "s" },
  // @ts-expect-error: the signature method is a closed union; RSA-SHA1 is not in it.
  { signatureMethod: "RSA-SHA1" },
);
