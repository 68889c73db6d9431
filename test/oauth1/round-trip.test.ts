/**
 * Sign, then verify as a server (RFC 5849 3.2): any request signRequest signs verifies, whether
 * the protocol parameters travel in the Authorization header, the query or the form body
 * (RFC 5849 3.5.1 to 3.5.3), and whether the server sees parts or a `Request`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signRequest, verifySignature, type SignatureMethod } from "../../src/oauth1/index.js";
import { referencePercentEncode } from "../conformance/oracle.js";

const char = fc.oneof(
  fc.constantFrom("+", "%", "&", "=", " ", "!", "*", "'", "~", "é", "日", "😀", "/", "?", "#"),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const text = fc.string({ unit: char, maxLength: 6 });
const nonEmpty = fc.string({ unit: char, minLength: 1, maxLength: 6 });
const pairs = fc.array(
  fc.tuple(
    text.filter((n) => !n.startsWith("oauth_")),
    text,
  ),
  { maxLength: 3 },
);
const form = (list: ReadonlyArray<readonly [string, string]>): string =>
  list.map(([n, v]) => referencePercentEncode(n) + "=" + referencePercentEncode(v)).join("&");

// RFC 5849 3.5.1: a realm is a quoted-string, printable ASCII and tabs; '"', "\\" and "%" often.
const realmText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', "\\", "%", " ", "\t", ","),
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 12,
});

const cases = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "delete"),
  path: fc.constantFrom("/", "/1.1/statuses/update.json", "/r%20v/X", "/2/users/me"),
  query: pairs,
  body: pairs,
  consumerKey: nonEmpty,
  consumerSecret: text,
  token: fc.option(nonEmpty, { nil: undefined }),
  tokenSecret: text,
  signatureMethod: fc.constantFrom<SignatureMethod>("HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512", "PLAINTEXT"),
  callback: fc.option(nonEmpty, { nil: undefined }),
  verifier: fc.option(nonEmpty, { nil: undefined }),
  realm: fc.option(realmText, { nil: undefined }),
});

describe("RFC 5849 3.2 and 3.5: what signRequest signs, verifySignature accepts", () => {
  it("in the header, the query or the body, as parts or as a Request (500 random requests, fixed seed)", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const hasBody = c.method !== "GET" && c.body.length > 0;
        const query = form(c.query);
        const url = "https://API.x.com:443" + c.path + (query === "" ? "" : "?" + query);
        const body = hasBody ? form(c.body) : null;
        const signed = await signRequest(
          { method: c.method, url, body },
          { consumerKey: c.consumerKey, consumerSecret: c.consumerSecret, token: c.token, tokenSecret: c.tokenSecret },
          { signatureMethod: c.signatureMethod, callback: c.callback, verifier: c.verifier, realm: c.realm },
        );
        const secrets = { consumerSecret: c.consumerSecret, tokenSecret: c.tokenSecret };
        // PLAINTEXT is refused unless listed (RFC 5849 3.4.4); this property covers every method.
        const every = { signatureMethods: [c.signatureMethod] };

        const inHeader = await verifySignature(
          { method: c.method, url, body, authorization: signed.authorization },
          secrets,
          every,
        );
        expect(inHeader.detail, "header").toBeUndefined();
        expect(inHeader.valid).toBe(true);

        // RFC 5849 3.5.3: every protocol parameter, oauth_signature included, in the query.
        const protocol = form(Object.entries(signed.oauthParams));
        const inQuery = await verifySignature(
          { method: c.method, url: url + (query === "" ? "?" : "&") + protocol, body },
          secrets,
          every,
        );
        expect(inQuery.detail, "query").toBeUndefined();

        if (c.method !== "GET") {
          // RFC 5849 3.5.2: in a form body.
          const inBody = await verifySignature(
            { method: c.method, url, body: (body === null ? "" : body + "&") + protocol },
            secrets,
            every,
          );
          expect(inBody.detail, "body").toBeUndefined();
        }

        const request = new Request(url, {
          method: c.method.toUpperCase(),
          headers: { authorization: signed.authorization, "content-type": "application/x-www-form-urlencoded" },
          body,
        });
        const asRequest = await verifySignature(request, secrets, every);
        expect(asRequest.detail, "Request").toBeUndefined();

        // Another consumer secret never verifies.
        const wrong = await verifySignature(
          { method: c.method, url, body, authorization: signed.authorization },
          { consumerSecret: c.consumerSecret + "x", tokenSecret: c.tokenSecret },
          every,
        );
        expect(wrong.reason).toBe("bad_signature");
      }),
      { seed: 351, numRuns: 500 },
    );
  }, 120_000);
});
