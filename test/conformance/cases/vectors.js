// Every vector of test/vectors/vectors.json, checked through the public functions, each way its own
// case: the base string (signatureBaseString), signRequest end to end (base string, signature and
// header, where the vector's parameters fit its options), and verifySignature on the request as it
// would arrive (which recomputes the signature). The oracle is the vector's published value
// when it reproduces ("verified"), otherwise the independently recomputed value the vector file
// explains in "verification" (for example the RFC 5849 3.4.1.1 signature fixed by Errata 2550).
import { deepEqual, equal, ok } from "../assert.js";
import {
  readAuthorizationHeader as readHeader,
  referencePercentEncode as rfc3986,
  referenceAuthorizationHeader as writeHeader,
} from "../oracle.js";
import vectors from "../vectors.js";

const SIGN_REQUEST_OPTIONS = {
  oauth_consumer_key: null,
  oauth_token: null,
  oauth_nonce: "nonce",
  oauth_timestamp: "timestamp",
  oauth_signature_method: "signatureMethod",
  oauth_version: null,
  oauth_callback: "callback",
  oauth_verifier: "verifier",
};

function oracleBaseString(v) {
  return v.verified && v.expectedBaseString !== null ? v.expectedBaseString : v.computedBaseString;
}

function oracleSignature(v) {
  if (v.consumerSecret === null) return null;
  return v.verified && v.expectedSignature !== null ? v.expectedSignature : v.computedSignature;
}

function located(v, where) {
  const out = {};
  for (const [name, value] of Object.entries(v.oauthParams)) {
    if (v.oauthParamLocation[name] === where) out[name] = value;
  }
  return out;
}

function isForm(v) {
  return v.contentType === "application/x-www-form-urlencoded";
}

/** The request as a client would send it: header, query and body parameters where the vector puts them. */
function wireRequest(v, signature) {
  const url = new URL(v.url);
  for (const [name, value] of Object.entries(located(v, "query"))) {
    if (!url.searchParams.has(name)) url.search += (url.search ? "&" : "") + rfc3986(name) + "=" + rfc3986(value);
  }
  let body = v.rawBody;
  const bodyParams = located(v, "body");
  if (Object.keys(bodyParams).length > 0) {
    const present = new URLSearchParams(body ?? "");
    for (const [name, value] of Object.entries(bodyParams)) {
      if (!present.has(name)) body = (body ? body + "&" : "") + rfc3986(name) + "=" + rfc3986(value);
    }
  }
  const headerParams = { ...located(v, "header"), oauth_signature: signature };
  const headers = { authorization: writeHeader(headerParams, v.realm) };
  const form = isForm(v) || (v.contentType === null && body !== null);
  if (body !== null) headers["content-type"] = form ? "application/x-www-form-urlencoded" : v.contentType;
  return new Request(url.href, { method: v.method, headers, body: v.method === "GET" ? undefined : body });
}

/** Whether signRequest's options can express this vector: every header parameter is one it sets. */
function fitsSignRequest(v) {
  const p = v.oauthParams;
  if (v.method === null || v.url === null || v.consumerSecret === null || oracleSignature(v) === null) return false;
  if (p.oauth_version !== "1.0" || !p.oauth_nonce || !p.oauth_timestamp || !p.oauth_consumer_key) return false;
  if (p.oauth_signature_method !== v.signatureMethod) return false;
  // signRequest takes a timestamp in whole seconds only; oauthlib's "abc" vectors go through the rest.
  if (!/^\d+$/.test(p.oauth_timestamp)) return false;
  const header = located(v, "header");
  for (const name of [
    "oauth_version",
    "oauth_nonce",
    "oauth_timestamp",
    "oauth_consumer_key",
    "oauth_signature_method",
  ]) {
    if (!(name in header)) return false;
  }
  if (Object.keys(header).some((name) => !(name in SIGN_REQUEST_OPTIONS))) return false;
  // Query and body protocol parameters must already be in the URL or body the vector gives.
  const url = new URL(v.url);
  const body = new URLSearchParams(isForm(v) ? (v.rawBody ?? "") : "");
  return (
    Object.keys(located(v, "query")).every((n) => url.searchParams.has(n)) &&
    Object.keys(located(v, "body")).every((n) => body.has(n))
  );
}

function checkHeader(pkg, header, expectedParams, realm, what) {
  const pairs = readHeader(header);
  if (realm !== null && realm !== undefined) {
    deepEqual(
      pairs[0] && { name: pairs[0].name, value: pairs[0].value },
      { name: "realm", value: realm },
      `${what}: realm first`,
    );
    pairs.shift();
  }
  const got = {};
  for (const pair of pairs) {
    equal(pair.rawValue, rfc3986(pair.value), `${what}: ${pair.name} is RFC 3986 encoded`);
    got[pair.name] = pair.value;
  }
  deepEqual(got, expectedParams, `${what}: header parameters`);
  const parsed = pkg.parseAuthorizationHeader(header);
  deepEqual(parsed.params, expectedParams, `${what}: parseAuthorizationHeader(header).params`);
  equal(parsed.realm, realm === null ? undefined : realm, `${what}: parseAuthorizationHeader(header).realm`);
}

/** @returns the named cases for every vector. */
export function vectorCases(pkg) {
  const cases = [];
  for (const v of vectors) {
    const label = `vector "${v.name}"`;
    const baseString = oracleBaseString(v);
    const signature = oracleSignature(v);

    if (v.method !== null && baseString !== null) {
      cases.push({
        name: `${label}: signature base string`,
        async run() {
          const params = [...v.params.map(([name, value]) => [name, value]), ...Object.entries(v.oauthParams)];
          equal(pkg.signatureBaseString(v.method, v.url, params), baseString, "signatureBaseString");
        },
      });
    }

    // The signature and the header of each vector are checked through the public functions only:
    // signRequest end to end (below) and verifySignature, which recomputes the signature.
    if (fitsSignRequest(v)) {
      cases.push({
        name: `${label}: signRequest end to end`,
        async run() {
          const header = located(v, "header");
          const options = {};
          for (const [name, option] of Object.entries(SIGN_REQUEST_OPTIONS)) {
            if (option !== null && name in header) options[option] = header[name];
          }
          if (v.realm !== null) options.realm = v.realm;
          const signed = await pkg.signRequest(
            { method: v.method, url: v.url, body: isForm(v) ? v.rawBody : undefined },
            {
              consumerKey: header.oauth_consumer_key,
              consumerSecret: v.consumerSecret,
              token: header.oauth_token,
              tokenSecret: v.tokenSecret ?? undefined,
            },
            options,
          );
          equal(signed.baseString, baseString, "signRequest().baseString");
          equal(signed.signature, signature, "signRequest().signature");
          deepEqual(signed.oauthParams, { ...header, oauth_signature: signature }, "signRequest().oauthParams");
          checkHeader(
            pkg,
            signed.authorization,
            { ...header, oauth_signature: signature },
            v.realm,
            "signRequest().authorization",
          );
        },
      });
    }

    // A server reads the method from oauth_signature_method, so vectors that sign with another
    // method than the one they carry (oauthlib's RFC example under SHA-256/512) cannot verify.
    if (v.method !== null && signature !== null && v.oauthParams.oauth_signature_method === v.signatureMethod) {
      cases.push({
        name: `${label}: verifySignature accepts it and refuses a changed signature`,
        async run() {
          const secrets = { consumerSecret: v.consumerSecret, tokenSecret: v.tokenSecret ?? undefined };
          // PLAINTEXT is accepted only when listed (RFC 5849 3.4.4), so list the vector's method.
          const methods = { signatureMethods: [v.signatureMethod] };
          const good = await pkg.verifySignature(wireRequest(v, signature), secrets, methods);
          equal(good.reason, undefined, "verifySignature().reason");
          equal(good.valid, true, "verifySignature().valid");
          deepEqual(good.oauthParams, v.oauthParams, "verifySignature().oauthParams");
          const other = signature.startsWith("A") ? "B" + signature.slice(1) : "A" + signature.slice(1);
          const bad = await pkg.verifySignature(wireRequest(v, other), secrets, methods);
          equal(bad.valid, false, "verifySignature(changed signature).valid");
          equal(bad.reason, "bad_signature", "verifySignature(changed signature).reason");
        },
      });
    }
  }
  ok(cases.length > 0, "no vector cases");
  return cases;
}
