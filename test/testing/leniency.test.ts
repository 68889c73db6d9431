// What the clients in use send and X accepts, built by hand with the reference signer: each request
// is signed with the duplicated parameter counted once, as those clients compute it. By default the
// fake accepts them as X does; strict: true keeps RFC 5849 3.1 and 3.2 (400 code 215).
import { describe, expect, it } from "vitest";
import { createFakeTwitter, type FakeTwitter } from "../../src/testing/index.js";
import { referenceAuthorizationHeader, referenceBaseString, referenceSignature } from "../conformance/oracle.js";
import { CALLBACK, FORM, ORIGIN, requestToken, xErrors } from "./helpers.js";
import { defaultConsumer } from "../../src/testing/index.js";

interface Shape {
  /** The query of the URL, as sent. */
  query?: string;
  /** The form body, as sent. */
  body?: string;
  /** Protocol parameters in the header besides the usual five. */
  header?: Record<string, string>;
  /** The parameters the client signs: query, body and header, each duplicate once. */
  signed: Array<[string, string]>;
  version?: string;
}

function nonce(): string {
  return `n${crypto.randomUUID().replaceAll("-", "")}`;
}

/** Sends a request shaped like `shape`, signed with the consumer secret and `tokenSecret`. */
async function sendShape(fake: FakeTwitter, path: string, tokenSecret: string, shape: Shape): Promise<Response> {
  const url = `${ORIGIN}${path}${shape.query ? `?${shape.query}` : ""}`;
  const oauth: Record<string, string> = {
    oauth_consumer_key: defaultConsumer.key,
    oauth_nonce: nonce(),
    oauth_signature_method: "HMAC-SHA1",
    oauth_timestamp: String(Math.floor(Date.now() / 1000)),
    oauth_version: shape.version ?? "1.0",
    ...shape.header,
  };
  const pairs: Array<[string, string]> = [
    ...Object.entries(oauth).filter(([name]) => !(shape.header && name in shape.header)),
    ...shape.signed,
  ];
  const signature = await referenceSignature(
    "HMAC-SHA1",
    referenceBaseString("POST", url, pairs),
    defaultConsumer.secret,
    tokenSecret,
  );
  const headers: Record<string, string> = {
    authorization: referenceAuthorizationHeader({ ...oauth, oauth_signature: signature }, undefined),
  };
  if (shape.body !== undefined) headers["content-type"] = FORM;
  return fake.fetch(new Request(url, { method: "POST", headers, body: shape.body ?? null }));
}

/** An approved request token and its verifier. */
async function approved(fake: FakeTwitter) {
  const tokens = await requestToken(fake);
  const verifier = new URL(fake.approve(tokens.token)).searchParams.get("oauth_verifier")!;
  return { ...tokens, verifier };
}

const STEP3 = "/oauth/access_token";

const SHAPES: Array<[string, (t: { token: string; verifier: string }) => Shape]> = [
  [
    "X's official SDK (@xdevplatform/xdk): oauth_token and oauth_verifier in the query, oauth_token again in the header",
    ({ token, verifier }) => ({
      query: `oauth_token=${token}&oauth_verifier=${verifier}`,
      header: { oauth_token: token },
      signed: [
        ["oauth_token", token],
        ["oauth_verifier", verifier],
      ],
    }),
  ],
  [
    "twitter-api-v2 login(): oauth_token in the header and in the form body",
    ({ token, verifier }) => ({
      body: `oauth_token=${token}&oauth_verifier=${verifier}`,
      header: { oauth_token: token },
      signed: [
        ["oauth_token", token],
        ["oauth_verifier", verifier],
      ],
    }),
  ],
  [
    'npm oauth with version "1.0A": oauth_version="1.0A"',
    ({ token, verifier }) => ({
      header: { oauth_token: token, oauth_verifier: verifier },
      signed: [
        ["oauth_token", token],
        ["oauth_verifier", verifier],
      ],
      version: "1.0A",
    }),
  ],
];

describe("as lenient as X (the default)", () => {
  it.each(SHAPES)("%s: step 3 answers 200 with the access token", async (_, shape) => {
    const fake = createFakeTwitter();
    const t = await approved(fake);
    const response = await sendShape(fake, STEP3, t.tokenSecret, shape(t));
    expect(response.status).toBe(200);
    expect(new URLSearchParams(await response.text()).get("screen_name")).toBe("fake_user");
  });

  it("a duplicate with a different value is still 400 code 215", async () => {
    const fake = createFakeTwitter();
    const t = await approved(fake);
    const response = await sendShape(fake, STEP3, t.tokenSecret, {
      body: `oauth_token=${t.token}X&oauth_verifier=${t.verifier}`,
      header: { oauth_token: t.token },
      signed: [
        ["oauth_token", t.token],
        ["oauth_verifier", t.verifier],
      ],
    });
    expect(response.status).toBe(400);
    expect((await xErrors(response))[0]!.code).toBe(215);
  });

  it('oauth_version "2.0" is still 400 code 215', async () => {
    const fake = createFakeTwitter();
    const t = await approved(fake);
    const v2 = await sendShape(fake, STEP3, t.tokenSecret, {
      header: { oauth_token: t.token, oauth_verifier: t.verifier },
      signed: [
        ["oauth_token", t.token],
        ["oauth_verifier", t.verifier],
      ],
      version: "2.0",
    });
    expect((await xErrors(v2))[0]!.code).toBe(215);
  });
});

describe("strict: true (RFC 5849 3.1, 3.2)", () => {
  it.each(SHAPES)("%s: 400 code 215, and the token stays usable", async (_, shape) => {
    const fake = createFakeTwitter({ strict: true });
    const t = await approved(fake);
    const response = await sendShape(fake, STEP3, t.tokenSecret, shape(t));
    expect(response.status).toBe(400);
    expect(await xErrors(response)).toEqual([{ code: 215, message: "Bad authentication data." }]);
    const asRfc = await sendShape(fake, STEP3, t.tokenSecret, {
      header: { oauth_token: t.token, oauth_verifier: t.verifier },
      signed: [
        ["oauth_token", t.token],
        ["oauth_verifier", t.verifier],
      ],
    });
    expect(asRfc.status).toBe(200);
  });

  it("request_token with oauth_callback in the query and in the header (same value) is refused", async () => {
    const shape: Shape = {
      query: `oauth_callback=${encodeURIComponent(CALLBACK)}`,
      header: { oauth_callback: CALLBACK },
      signed: [["oauth_callback", CALLBACK]],
    };
    expect((await sendShape(createFakeTwitter({ strict: true }), "/oauth/request_token", "", shape)).status).toBe(400);
    expect((await sendShape(createFakeTwitter(), "/oauth/request_token", "", shape)).status).toBe(200);
  });
});
