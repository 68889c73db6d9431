// The signing core's public functions beyond the vectors: RFC 5849 and X-doc examples, defaults,
// argument errors, and verifySignature on Requests built with this runtime's own Request class.
import { deepEqual, equal, match, ok, typeError } from "../assert.js";
import { base64, readHeader } from "../oracle.js";

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
      name: 'X docs "Percent encoding parameters": the page\'s examples',
      async run() {
        equal(pkg.percentEncode("Ladies + Gentlemen"), "Ladies%20%2B%20Gentlemen");
        equal(pkg.percentEncode("An encoded string!"), "An%20encoded%20string%21");
        equal(pkg.percentEncode("Dogs, Cats & Mice"), "Dogs%2C%20Cats%20%26%20Mice");
        equal(pkg.percentEncode("☃"), "%E2%98%83");
      },
    },
    {
      name: "RFC 5849 3.6: unreserved characters kept, sub-delims and UTF-8 encoded with uppercase hex",
      async run() {
        equal(pkg.percentEncode("AZaz09-._~"), "AZaz09-._~");
        equal(pkg.percentEncode("!*'()"), "%21%2A%27%28%29");
        equal(pkg.percentEncode("é/?#[]@"), "%C3%A9%2F%3F%23%5B%5D%40");
        equal(pkg.percentEncode("😀"), "%F0%9F%98%80");
        await typeError(() => pkg.percentEncode("\uD800"), /surrogate/, "percentEncode(lone surrogate)");
      },
    },
    {
      name: "RFC 5849 3.4.1.3.2: parameters sorted by encoded name then value, duplicates kept",
      async run() {
        equal(
          pkg.normalizeParameters([
            ["b", "2"],
            ["a", "x y"],
            ["a", "1"],
            ["oauth_signature", "dropped"],
          ]),
          "a=1&a=x%20y&b=2",
        );
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
      name: "RFC 5849 3.4.2: HMAC-SHA1 over the base string with key encode(cs)&encode(ts) (checked against WebCrypto directly)",
      async run() {
        const text = "GET&http%3A%2F%2Fexample.com%2F&a%3D1";
        const expected = await hmacSha1("c%20s&t%26s", text);
        equal(await pkg.createSignature("HMAC-SHA1", text, "c s", "t&s"), expected);
        equal(await pkg.createSignature("PLAINTEXT", "ignored", "c s", "t&s"), "c%20s&t%26s");
      },
    },
    {
      name: "generateNonce: 22 ASCII letters and digits (131 bits), different every call",
      async run() {
        const a = pkg.generateNonce();
        const b = pkg.generateNonce();
        match(a, /^[A-Za-z0-9]{22}$/);
        match(b, /^[A-Za-z0-9]{22}$/);
        ok(a !== b, "two nonces are equal");
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
        match(p.oauth_nonce, /^[A-Za-z0-9]{22}$/, "oauth_nonce");
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
      name: "signRequest: realm goes first in the header and is not signed (RFC 5849 3.5.1, 3.4.1.3.1)",
      async run() {
        const base = { method: "GET", url: "https://photos.example.net/photos?size=original" };
        const options = { nonce: "n", timestamp: 1 };
        const plain = await pkg.signRequest(base, CREDENTIALS, options);
        const withRealm = await pkg.signRequest(base, CREDENTIALS, { ...options, realm: "Photos" });
        equal(withRealm.signature, plain.signature, "the realm changed the signature");
        equal(readHeader(withRealm.authorization)[0].name, "realm");
        equal(readHeader(withRealm.authorization)[0].value, "Photos");
      },
    },
    {
      name: "signRequest: bad arguments are TypeErrors naming the argument",
      async run() {
        const ok1 = { method: "GET", url: "https://api.x.com/x" };
        await typeError(
          () => pkg.signRequest(ok1, { consumerKey: "", consumerSecret: "s" }),
          /consumerKey/,
          "empty consumerKey",
        );
        await typeError(() => pkg.signRequest({ method: "GET", url: "/relative" }, CREDENTIALS), /url/, "relative url");
        await typeError(
          () => pkg.signRequest({ method: "GET", url: "ftp://x.example/" }, CREDENTIALS),
          /url/,
          "ftp url",
        );
        await typeError(() => pkg.signRequest({ method: "G T", url: ok1.url }, CREDENTIALS), /method/, "bad method");
        await typeError(() => pkg.signRequest({ ...ok1, body: "a=1" }, CREDENTIALS), /body/, "GET with a body");
        await typeError(
          () => pkg.signRequest({ method: "GET", url: ok1.url + "?oauth_nonce=x" }, CREDENTIALS, { nonce: "y" }),
          /oauth_nonce/,
          "oauth_nonce twice",
        );
        await typeError(
          () => pkg.signRequest(ok1, CREDENTIALS, { signatureMethod: "RSA-SHA1" }),
          /signatureMethod/,
          "RSA-SHA1",
        );
        await typeError(() => pkg.signRequest(ok1, CREDENTIALS, { timestamp: -1 }), /timestamp/, "negative timestamp");
      },
    },
    {
      name: "parseAuthorizationHeader: RFC 5849 3.5.1 example, scheme case, whitespace and escapes",
      async run() {
        const rfc =
          'OAuth realm="Example",\n oauth_consumer_key="0685bd9184jfhq22",\n oauth_token="ad180jjd733klru7",\n' +
          ' oauth_signature_method="HMAC-SHA1",\n oauth_signature="wOJIO9A2W5mFwDgiDvZbTSMK%2FPY%3D",\n' +
          ' oauth_timestamp="137131200",\n oauth_nonce="4572616e48616d6d65724c61686176",\n oauth_version="1.0"';
        deepEqual(pkg.parseAuthorizationHeader(rfc), {
          realm: "Example",
          params: {
            oauth_consumer_key: "0685bd9184jfhq22",
            oauth_token: "ad180jjd733klru7",
            oauth_signature_method: "HMAC-SHA1",
            oauth_signature: "wOJIO9A2W5mFwDgiDvZbTSMK/PY=",
            oauth_timestamp: "137131200",
            oauth_nonce: "4572616e48616d6d65724c61686176",
            oauth_version: "1.0",
          },
        });
        deepEqual(pkg.parseAuthorizationHeader('oauth oauth_nonce = "a%20b" ,oauth_token="t"').params, {
          oauth_nonce: "a b",
          oauth_token: "t",
        });
      },
    },
    {
      name: "parseAuthorizationHeader: malformed or duplicated parameters are TypeErrors (RFC 5849 3.1)",
      async run() {
        await typeError(() => pkg.parseAuthorizationHeader("Basic abc"), /OAuth/, "Basic scheme");
        await typeError(() => pkg.parseAuthorizationHeader('OAuth a="1", a="2"'), /twice/, "duplicate");
        await typeError(() => pkg.parseAuthorizationHeader('OAuth a="1'), /unterminated/, "unterminated");
        await typeError(() => pkg.parseAuthorizationHeader('OAuth a="%ZZ"'), /percent/, "bad escape");
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
      name: "verifySignature: secret lookup, unknown credentials, missing and unsupported parameters",
      async run() {
        const url = "https://api.x.com/2/users/me";
        const signed = await pkg.signRequest({ method: "GET", url }, CREDENTIALS);
        const request = (authorization) => ({ method: "GET", url, authorization });
        const lookup = ({ consumerKey, token }) =>
          consumerKey === CREDENTIALS.consumerKey && token === CREDENTIALS.token
            ? { consumerSecret: CREDENTIALS.consumerSecret, tokenSecret: CREDENTIALS.tokenSecret }
            : undefined;
        equal((await pkg.verifySignature(request(signed.authorization), lookup)).valid, true, "lookup: valid");
        const asyncLookup = async (identity) => lookup(identity);
        equal(
          (await pkg.verifySignature(request(signed.authorization), asyncLookup)).valid,
          true,
          "async lookup: valid",
        );
        equal(
          (await pkg.verifySignature(request(signed.authorization), () => undefined)).reason,
          "unknown_credentials",
        );
        equal((await pkg.verifySignature(request(undefined), lookup)).reason, "missing_parameter", "no header");
        const v2 = signed.authorization.replace('oauth_version="1.0"', 'oauth_version="2.0"');
        equal((await pkg.verifySignature(request(v2), lookup)).reason, "unsupported_version");
        const rsa = signed.authorization.replace(
          'oauth_signature_method="HMAC-SHA1"',
          'oauth_signature_method="RSA-SHA1"',
        );
        equal((await pkg.verifySignature(request(rsa), lookup)).reason, "unsupported_signature_method");
        equal((await pkg.verifySignature(request('OAuth oauth_consumer_key="a'), lookup)).reason, "malformed");
        const twice = {
          method: "GET",
          url: url + "?oauth_token=" + CREDENTIALS.token,
          authorization: signed.authorization,
        };
        equal((await pkg.verifySignature(twice, lookup)).reason, "duplicate_parameter");
      },
    },
    {
      name: "TwitterOAuthError and isTwitterOAuthError: code, status, errors, toJSON, and a guard that does not need instanceof",
      async run() {
        const error = new pkg.TwitterOAuthError("HTTP_ERROR", "X answered 401", {
          status: 401,
          errors: [{ code: 32, message: "Could not authenticate you." }],
          endpoint: "POST /oauth/request_token",
        });
        ok(error instanceof Error, "not an Error");
        equal(error.name, "TwitterOAuthError");
        equal(error.code, "HTTP_ERROR");
        equal(error.status, 401);
        deepEqual(error.errors, [{ code: 32, message: "Could not authenticate you." }]);
        equal(JSON.parse(JSON.stringify(error)).code, "HTTP_ERROR", "JSON.stringify");
        ok(pkg.isTwitterOAuthError(error), "guard on a real error");
        ok(!pkg.isTwitterOAuthError(new Error("x")), "guard on a plain Error");
        ok(!pkg.isTwitterOAuthError({ code: "HTTP_ERROR", name: "TwitterOAuthError" }), "guard on a look-alike object");
        ok(!pkg.isTwitterOAuthError(null), "guard on null");
      },
    },
  ];
}
