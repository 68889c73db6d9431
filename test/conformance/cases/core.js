// The signing core's public functions beyond the vectors: RFC 5849 and X-doc examples, defaults,
// argument errors, and verifySignature on Requests built with this runtime's own Request class.
import { deepEqual, equal, match, ok, typeError } from "../assert.js";
import { base64, readAuthorizationHeader as readHeader, referencePercentEncode as rfc3986 } from "../oracle.js";

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
    {
      name: "verifySignature: PLAINTEXT is refused unless listed (RFC 5849 3.4.4: TLS only)",
      async run() {
        // RFC 5849 2.1 example: oauth_signature="ja893SD9%26" for client secret ja893SD9.
        const request = {
          method: "POST",
          url: "https://server.example.com/request_temp_credentials",
          authorization:
            'OAuth realm="Example", oauth_consumer_key="jd83jd92dhsh93js", oauth_signature_method="PLAINTEXT", oauth_callback="http%3A%2F%2Fclient.example.net%2Fcb%3Fx%3D1", oauth_signature="ja893SD9%26"',
        };
        const secrets = { consumerSecret: "ja893SD9" };
        equal((await pkg.verifySignature(request, secrets)).reason, "unsupported_signature_method", "default");
        equal((await pkg.verifySignature(request, secrets, { signatureMethods: ["PLAINTEXT"] })).valid, true, "listed");
      },
    },
    {
      name: "verifySignature lenient options: mergeDuplicates (same value in header and body) and versions",
      async run() {
        // oauth_token in the header and the form body, signed once; the base string written by hand
        // from RFC 5849 3.4.1 and signed with WebCrypto directly.
        const url = "https://api.x.com/oauth/access_token";
        const body = "oauth_token=T0k&oauth_verifier=V3r";
        const baseString =
          "POST&https%3A%2F%2Fapi.x.com%2Foauth%2Faccess_token&oauth_consumer_key%3Dck%26oauth_nonce%3Dn%26" +
          "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1%26oauth_token%3DT0k%26oauth_verifier%3DV3r%26oauth_version%3D1.0";
        const signature = await hmacSha1("cs&ts", baseString);
        const header = (version) =>
          `OAuth oauth_consumer_key="ck", oauth_nonce="n", oauth_signature="${rfc3986(signature)}", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1", oauth_token="T0k", oauth_version="${version}"`;
        const secrets = { consumerSecret: "cs", tokenSecret: "ts" };
        const request = { method: "POST", url, body, authorization: header("1.0") };
        equal((await pkg.verifySignature(request, secrets)).reason, "duplicate_parameter", "strict by default");
        equal((await pkg.verifySignature(request, secrets, { mergeDuplicates: true })).valid, true, "merged");
        const differing = { ...request, body: "oauth_token=Other&oauth_verifier=V3r" };
        equal(
          (await pkg.verifySignature(differing, secrets, { mergeDuplicates: true })).reason,
          "duplicate_parameter",
          "a differing value",
        );
        // The same signature with oauth_version="1.0A" sent: the version is signed, so sign that base string.
        const signatureA = await hmacSha1("cs&ts", baseString.replace("oauth_version%3D1.0", "oauth_version%3D1.0A"));
        const versionA = {
          ...request,
          authorization: header("1.0A").replace(rfc3986(signature), rfc3986(signatureA)),
        };
        const merged = { mergeDuplicates: true };
        equal((await pkg.verifySignature(versionA, secrets, merged)).reason, "unsupported_version", "1.0A by default");
        equal(
          (await pkg.verifySignature(versionA, secrets, { ...merged, versions: ["1.0", "1.0A"] })).valid,
          true,
          "1.0A listed",
        );
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
  ];
}
