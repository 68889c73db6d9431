/**
 * The public API is what api/twitter-oauth1.api.md says, entry point by entry point. A change to an
 * exported name, kind or signature fails here until the report is rewritten on purpose with
 * `npm run api:report` and committed with the change, so every API change shows in review.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiReport, namesByEntry, REPORT } from "./report.js";

const fresh = apiReport();
const byEntry = namesByEntry(fresh);

describe("the public API report", () => {
  it("api/twitter-oauth1.api.md matches the exports of src/ (rewrite it with: npm run api:report)", () => {
    expect(readFileSync(REPORT, "utf8"), "the public API changed: run `npm run api:report` and commit it").toBe(fresh);
  });

  it("covers every entry point of package.json exports", () => {
    expect(Object.keys(byEntry)).toEqual([
      "twitter-oauth1",
      "twitter-oauth1/testing",
      "twitter-oauth1/handlers",
      "twitter-oauth1/passport",
      "twitter-oauth1/oauth2",
      "twitter-oauth1/node",
    ]);
  });

  it("exports each name from exactly one entry point, but the error type /oauth2 re-exports", () => {
    const homes = new Map<string, string[]>();
    for (const [entry, names] of Object.entries(byEntry))
      for (const name of names) homes.set(name, [...(homes.get(name) ?? []), entry]);
    // An app moving to OAuth 2.0 catches the same errors with one import; the binding is the
    // root's (test/package/dist-copies.test.ts checks it in dist/).
    expect(Object.fromEntries([...homes].filter(([, entries]) => entries.length > 1))).toEqual(
      Object.fromEntries(
        [
          "CallbackInput",
          "RateLimit",
          "TwitterOAuthError",
          "TwitterOAuthErrorCode",
          "TwitterOAuthErrorOptions",
          "XApiError",
          "isTwitterOAuthError",
        ].map((name) => [name, ["twitter-oauth1", "twitter-oauth1/oauth2"]]),
      ),
    );
  });
});

describe("the values each entry point exports (types aside)", () => {
  const values = (entry: string): string[] =>
    byEntry[entry]!.filter((name) => new RegExp(`^(?:class|function|const) ${name}\\b`, "m").test(fresh)).sort();

  it("the root: the signing core, verifySignature, the client, sealed state and the error", () => {
    expect(values("twitter-oauth1")).toEqual([
      "TwitterOAuth",
      "TwitterOAuthError",
      "isTwitterOAuthError",
      "parseAuthorizationHeader",
      "percentEncode",
      "sealRequestToken",
      "signRequest",
      "signatureBaseString",
      "unsealRequestToken",
      "verifySignature",
    ]);
  });

  it("/handlers: the sign-in handlers, and nothing for Node alone", () => {
    expect(values("twitter-oauth1/handlers")).toEqual(["createSignInHandlers"]);
  });

  it("/node: the Node adapter for any fetch handler, with the shapes of Node's request and response, and the clients' fetch over node:http", () => {
    expect(values("twitter-oauth1/node")).toEqual(["nodeFetch", "toNodeListener"]);
    expect(byEntry["twitter-oauth1/node"]).toEqual([
      "NodeListenerOptions",
      "NodeNext",
      "NodeRequestLike",
      "NodeResponseLike",
      "nodeFetch",
      "toNodeListener",
    ]);
  });

  it("/testing: the fake X and its default consumer, OAuth 2.0 client and user", () => {
    expect(values("twitter-oauth1/testing")).toEqual([
      "createFakeTwitter",
      "defaultClient",
      "defaultConsumer",
      "defaultUser",
    ]);
  });

  it("/oauth2: the OAuth 2.0 client, PKCE, migrateUser, their defaults, and the root's error", () => {
    expect(values("twitter-oauth1/oauth2")).toEqual([
      "BACKOFF_BASE_MS",
      "BACKOFF_CAP_MS",
      "DEFAULT_AUTHORIZE_URL",
      "DEFAULT_SCOPES",
      "RATE_LIMIT_WAIT_CAP_MS",
      "TwitterOAuth2",
      "TwitterOAuthError",
      "createCodeChallenge",
      "isTwitterOAuthError",
      "migrateUser",
    ]);
  });

  it("/passport: the strategy, also as TwitterStrategy", () => {
    expect(values("twitter-oauth1/passport")).toEqual(["Strategy", "TwitterStrategy"]);
  });
});
