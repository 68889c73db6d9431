// The signing core on what each runtime provides, beyond the vectors: TextEncoder's UTF-8 (RFC 5849
// 3.6), the URL parser (3.4.1.2; RFC 3986 3.4), the package's HMAC against WebCrypto's (3.4.2),
// getRandomValues (the nonce), URLSearchParams, and verifySignature on this runtime's own Request
// class and body streams, and the realm round trip through the header (a red-team case: a realm a
// server reads back wrongly breaks every request). The core's pure rules (the percent-encoding and
// normalization tables, the header, argument errors, every verification outcome) are owned by
// test/oauth1/.
import { deepEqual, equal, match, ok, typeError } from "../assert.js";
import { base64, readAuthorizationHeader as readHeader } from "../oracle.js";

const CREDENTIALS = {
  consumerKey: "xvz1evFS4wEEPTGEFPHBog",
  consumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
  token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
  tokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
};

async function hmacSha1(key, text) {
  const enc = new TextEncoder();
  const k = await crypto.subtle.importKey("raw", enc.encode(key), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  return base64(await crypto.subtle.sign("HMAC", k, enc.encode(text)));
}

/** @returns the named cases for the signing core. */
export function coreCases(pkg) {
  return [
    {
      name: "RFC 5849 3.6: unreserved characters kept, sub-delims and UTF-8 encoded with uppercase hex",
      async run() {
        equal(pkg.percentEncode("AZaz09-._~"), "AZaz09-._~");
        equal(pkg.percentEncode("!*'()"), "%21%2A%27%28%29");
        equal(pkg.percentEncode("é/?#[]@"), "%C3%A9%2F%3F%23%5B%5D%40");
        equal(pkg.percentEncode("😀"), "%F0%9F%98%80");
        await typeError(() => pkg.percentEncode("\uD800"), /well-formed UTF-16/, "percentEncode(lone surrogate)");
      },
    },
    {
      name: "RFC 5849 3.4.1.2: base string URI lower-cases scheme and host, drops the default port",
      async run() {
        equal(
          pkg.signatureBaseString("get", "HTTP://Example.COM:80/r%20v/X?id=123", [["id", "123"]]),
          "GET&http%3A%2F%2Fexample.com%2Fr%2520v%2FX&id%3D123",
        );
        equal(
          pkg.signatureBaseString("POST", "https://www.example.net:8080/?q=1", []),
          "POST&https%3A%2F%2Fwww.example.net%3A8080%2F&",
        );
      },
    },
    {
      name: "RFC 5849 3.4.2, 3.4.4: HMAC-SHA1 with key encode(cs)&encode(ts) (checked against WebCrypto directly), PLAINTEXT is that key",
      async run() {
        const credentials = { consumerKey: "key", consumerSecret: "c s", token: "token", tokenSecret: "t&s" };
        const request = { method: "GET", url: "http://example.com/?a=1" };
        const hmac = await pkg.signRequest(request, credentials);
        equal(hmac.signature, await hmacSha1("c%20s&t%26s", hmac.baseString));
        const plain = await pkg.signRequest(request, credentials, { signatureMethod: "PLAINTEXT" });
        equal(plain.signature, "c%20s&t%26s");
      },
    },
    {
      name: "the nonce (getRandomValues): different for every request signed",
      async run() {
        const request = { method: "GET", url: "https://api.x.com/2/users/me" };
        const a = await pkg.signRequest(request, CREDENTIALS);
        const b = await pkg.signRequest(request, CREDENTIALS);
        ok(a.oauthParams.oauth_nonce !== b.oauthParams.oauth_nonce, "two nonces are equal");
      },
    },
    {
      name: "signRequest defaults: HMAC-SHA1, oauth_version 1.0, fresh nonce, timestamp in seconds, no empty oauth_token",
      async run() {
        const before = Math.floor(Date.now() / 1000);
        const signed = await pkg.signRequest(
          { method: "GET", url: "https://api.x.com/2/users/me" },
          { consumerKey: "key", consumerSecret: "secret" },
        );
        const after = Math.floor(Date.now() / 1000);
        const p = signed.oauthParams;
        equal(p.oauth_signature_method, "HMAC-SHA1");
        equal(p.oauth_version, "1.0");
        match(p.oauth_nonce, /^[0-9a-f]{30}$/, "oauth_nonce");
        const ts = Number(p.oauth_timestamp);
        ok(ts >= before && ts <= after, `oauth_timestamp ${p.oauth_timestamp} is not now (${before}..${after})`);
        ok(!("oauth_token" in p), "an absent token must be omitted (RFC 5849 2.1)");
        equal(signed.signature, p.oauth_signature, "signature");
        equal(await hmacSha1("secret&", signed.baseString), signed.signature, "signature is HMAC-SHA1 of baseString");
        const names = readHeader(signed.authorization)
          .map((pair) => pair.name)
          .sort();
        deepEqual(names, Object.keys(p).sort(), "header names");
      },
    },
    {
      name: "signRequest: URLSearchParams and record bodies sign like the equivalent form string",
      async run() {
        const request = { method: "POST", url: "https://api.x.com/1.1/statuses/update.json?include_entities=true" };
        const options = { nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", timestamp: 1318622958 };
        const status = "Hello Ladies + Gentlemen, a signed OAuth request!";
        // X docs "Creating a signature", api.twitter.com host: the published signature.
        const published = "hCtSmYh+iHYCEqBWrE7C7hYmtUk=";
        const url = "https://api.twitter.com/1.1/statuses/update.json?include_entities=true";
        for (const body of [
          "status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21",
          new URLSearchParams({ status }),
          { status },
          { status: [status] },
        ]) {
          const signed = await pkg.signRequest({ ...request, url, body }, CREDENTIALS, options);
          equal(
            signed.signature,
            published,
            `signature for a ${body instanceof URLSearchParams ? "URLSearchParams" : typeof body} body`,
          );
        }
      },
    },
    {
      name: "verifySignature: a Request signed by signRequest is valid; a changed body, URL or secret is not",
      async run() {
        const url = "https://api.x.com/1.1/statuses/update.json?include_entities=true";
        const body = "status=Hello%20world%21";
        const signed = await pkg.signRequest({ method: "POST", url, body }, CREDENTIALS);
        const send = (u, b) =>
          new Request(u, {
            method: "POST",
            headers: { authorization: signed.authorization, "content-type": "application/x-www-form-urlencoded" },
            body: b,
          });
        const secrets = { consumerSecret: CREDENTIALS.consumerSecret, tokenSecret: CREDENTIALS.tokenSecret };
        const good = await pkg.verifySignature(send(url, body), secrets);
        equal(good.valid, true, "valid");
        deepEqual(
          good.params,
          [
            ["include_entities", "true"],
            ["status", "Hello world!"],
          ],
          "params",
        );
        equal(
          (await pkg.verifySignature(send(url, "status=Hello%20world%3F"), secrets)).reason,
          "bad_signature",
          "changed body",
        );
        equal((await pkg.verifySignature(send(url + "&x=1", body), secrets)).reason, "bad_signature", "changed URL");
        equal(
          (await pkg.verifySignature(send(url, body), { ...secrets, tokenSecret: "other" })).reason,
          "bad_signature",
          "other secret",
        );
      },
    },
    {
      name: "signRequest url: query characters RFC 3986 3.4 forbids are percent-encoded, the signature unchanged",
      async run() {
        const options = { nonce: "n", timestamp: 1 };
        const given = await pkg.signRequest(
          { method: "GET", url: "https://api.x.com/s?ids[]=1|2&p=a+b&e=%26" },
          CREDENTIALS,
          options,
        );
        equal(given.url, "https://api.x.com/s?ids%5B%5D=1%7C2&p=a+b&e=%26", "url");
        const resent = await pkg.signRequest({ method: "GET", url: given.url }, CREDENTIALS, options);
        equal(resent.signature, given.signature, "signature of the URL to send");
      },
    },
    ...verifyLimitCases(pkg),
  ];
}

/** A form Request with a stream body where the runtime can build one, else with a string body. */
function formRequest(url, text, headers, error) {
  const bytes = new TextEncoder().encode(text);
  let sent = false;
  const stream = new ReadableStream({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(bytes);
      } else if (error) controller.error(error);
      else controller.close();
    },
  });
  const init = { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers } };
  if (streamingRequestBodies()) return new Request(url, { ...init, body: stream, duplex: "half" });
  // No streaming request bodies here: a string body still has no content-length header.
  return error ? undefined : new Request(url, { ...init, body: text });
}

// Where streaming request bodies are missing (Firefox), `new Request` neither throws nor reads
// `duplex`: it turns the stream into the text "[object ReadableStream]", with a text/plain type.
function streamingRequestBodies() {
  let duplexRead = false;
  try {
    const probe = new Request("https://probe.invalid/", {
      method: "POST",
      body: new ReadableStream(),
      get duplex() {
        duplexRead = true;
        return "half";
      },
    });
    return duplexRead && !probe.headers.has("content-type");
  } catch {
    return false;
  }
}

// verifySignature reads at most options.maxBodyBytes of a form body (kept small here: every
// runtime runs these) and never rejects on what arrives.
function verifyLimitCases(pkg) {
  const url = "https://api.x.com/1.1/statuses/update.json";
  const body = "status=Hello%20world";
  const limit = body.length;
  const secrets = { consumerSecret: CREDENTIALS.consumerSecret, tokenSecret: CREDENTIALS.tokenSecret };
  const signedHeader = async () => (await pkg.signRequest({ method: "POST", url, body }, CREDENTIALS)).authorization;
  return [
    {
      name: "verifySignature maxBodyBytes: a body of the limit verifies, limit + 1 bytes is body_too_large (with and without content-length)",
      async run() {
        const authorization = await signedHeader();
        const options = { maxBodyBytes: limit };
        equal(
          (await pkg.verifySignature(formRequest(url, body, { authorization }), secrets, options)).valid,
          true,
          "at the limit",
        );
        const over = body + "x";
        equal(
          (await pkg.verifySignature(formRequest(url, over, { authorization }), secrets, options)).reason,
          "body_too_large",
          "limit + 1, no content-length",
        );
        const declared = formRequest(url, over, { authorization, "content-length": String(over.length) });
        equal(
          (await pkg.verifySignature(declared, secrets, options)).reason,
          "body_too_large",
          "limit + 1, content-length",
        );
        equal(
          (await pkg.verifySignature({ method: "POST", url, body: over, authorization }, secrets, options)).reason,
          "body_too_large",
          "limit + 1 as a string body",
        );
      },
    },
    {
      name: "verifySignature: an errored body stream, a body already read, a request that is not an object are results, not rejections",
      async run() {
        const authorization = await signedHeader();
        const broken = formRequest(url, body, { authorization }, new Error("reset"));
        if (broken !== undefined) {
          equal((await pkg.verifySignature(broken, secrets)).reason, "unreadable_body", "errored stream");
        }
        const used = new Request(url, {
          method: "POST",
          headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
          body,
        });
        await used.text();
        equal((await pkg.verifySignature(used, secrets)).reason, "unreadable_body", "body already read");
        equal((await pkg.verifySignature(null, secrets)).reason, "malformed", "null request");
        await typeError(
          () => pkg.verifySignature({ method: "GET", url }, secrets, { maxBodyBytes: -1 }),
          /maxBodyBytes/,
          "bad option",
        );
      },
    },
    {
      name: "RFC 5849 3.5.1 realm: written and read back as an HTTP quoted-string, never percent-encoded",
      async run() {
        const url = "https://photos.example.net/photos?size=original";
        const options = { nonce: "n", timestamp: 1 };
        for (const [realm, written] of [
          ["http://photos.example.net/", '"http://photos.example.net/"'],
          ["Photos 100% sure", '"Photos 100% sure"'],
          ['say "hi" \\o/', '"say \\"hi\\" \\\\o/"'],
        ]) {
          const signed = await pkg.signRequest({ method: "GET", url }, CREDENTIALS, { ...options, realm });
          ok(
            signed.authorization.startsWith(`OAuth realm=${written}, oauth_`),
            `realm ${JSON.stringify(realm)}: header starts ${JSON.stringify(signed.authorization.slice(0, 50))}`,
          );
          equal(pkg.parseAuthorizationHeader(signed.authorization).realm, realm, "realm read back");
          const result = await pkg.verifySignature(
            { method: "GET", url, authorization: signed.authorization },
            CREDENTIALS,
          );
          equal(result.valid, true, `verifySignature with realm ${JSON.stringify(realm)}`);
        }
        await typeError(
          () => pkg.signRequest({ method: "GET", url }, CREDENTIALS, { ...options, realm: "a\r\nb" }),
          /options\.realm/,
          "a realm with CR LF",
        );
      },
    },
  ];
}
