/**
 * Loads test/vectors/vectors.json (its fields are typed by `Vector` below) and turns a vector into
 * the inputs each API takes. Nothing here computes an expected value: expected values come from
 * the JSON (published, or recomputed from the raw inputs and cross-checked with oauthlib, as each
 * vector's `verification` note says).
 */
import { readFileSync } from "node:fs";
import { signRequest, type SignedRequest } from "../../src/oauth1/index.js";
import { referenceAuthorizationHeader, referenceParseForm, referencePercentEncode } from "../conformance/oracle.js";

export type Location = "header" | "query" | "body";
export type Method = "HMAC-SHA1" | "HMAC-SHA256" | "HMAC-SHA512" | "PLAINTEXT";

export interface Vector {
  name: string;
  source: string;
  kind: "published" | "constructed";
  method: string | null;
  url: string | null;
  contentType: string | null;
  rawBody: string | null;
  params: Array<[string, string, "query" | "body"]>;
  oauthParams: Record<string, string>;
  oauthParamLocation: Record<string, Location>;
  realm: string | null;
  signatureMethod: Method;
  consumerSecret: string | null;
  tokenSecret: string | null;
  signingKey: string | null;
  expectedBaseString: string | null;
  expectedSignature: string | null;
  computedBaseString: string | null;
  computedSignature: string | null;
  verified: boolean;
  verification: string;
}

export const vectors: Vector[] = JSON.parse(
  readFileSync(new URL("../vectors/vectors.json", import.meta.url), "utf8"),
) as Vector[];

/** "#12 name (source)": every test name carries the vector's number, name and source. */
export function title(vector: Vector): string {
  return `#${vectors.indexOf(vector) + 1} ${vector.name} [source: ${vector.source}]`;
}

/** Every signed parameter of the vector: request parameters then protocol parameters, decoded. */
export function signedPairs(vector: Vector): Array<[string, string]> {
  const pairs: Array<[string, string]> = vector.params.map(([name, value]) => [name, value]);
  for (const name of Object.keys(vector.oauthParams)) pairs.push([name, vector.oauthParams[name]!]);
  return pairs;
}

/** The third part of a base string, decoded once: the normalized parameter string (RFC 5849 3.4.1.1). */
export function normalizedPartOf(baseString: string): string {
  const parts = baseString.split("&");
  if (parts.length !== 3) throw new Error(`a base string has exactly two raw "&": ${baseString}`);
  return decodeURIComponent(parts[2]!);
}

export function isFormBody(vector: Vector): boolean {
  return vector.rawBody !== null && /^application\/x-www-form-urlencoded/i.test(vector.contentType ?? "");
}

const SIGN_REQUEST_PARAMS = new Set([
  "oauth_consumer_key",
  "oauth_nonce",
  "oauth_signature_method",
  "oauth_timestamp",
  "oauth_version",
  "oauth_token",
  "oauth_callback",
  "oauth_verifier",
]);

/**
 * Whether signRequest can produce this vector: every protocol parameter in the header, the ones
 * signRequest sets and nothing else, oauth_version="1.0", a whole-seconds timestamp, and a base
 * string that names the method it is signed with.
 */
export function expressibleThroughSignRequest(vector: Vector): boolean {
  const p = vector.oauthParams;
  return (
    vector.url !== null &&
    vector.method !== null &&
    vector.consumerSecret !== null &&
    vector.tokenSecret !== null &&
    p.oauth_version === "1.0" &&
    p.oauth_nonce !== undefined &&
    // signRequest takes only an RFC 5849 3.3 timestamp (whole seconds); oauthlib's "abc" goes raw.
    p.oauth_timestamp !== undefined &&
    /^\d+$/.test(p.oauth_timestamp) &&
    p.oauth_consumer_key !== undefined &&
    p.oauth_signature_method === vector.signatureMethod &&
    Object.keys(p).every((name) => SIGN_REQUEST_PARAMS.has(name) && vector.oauthParamLocation[name] === "header")
  );
}

/** Why verifySignature cannot be asked about this vector, or undefined when it can. */
export function whyNotVerifiable(vector: Vector): string | undefined {
  if (vector.url === null) return "a raw HMAC vector has no request";
  if (vector.consumerSecret === null || vector.tokenSecret === null) return "the secret was never published";
  if (vector.oauthParams.oauth_consumer_key === undefined) {
    return "the vector has no protocol parameters (a bare PLAINTEXT key check), so there is no request to verify";
  }
  if (vector.oauthParams.oauth_signature_method !== vector.signatureMethod) {
    return `its base string says ${vector.oauthParams.oauth_signature_method} but it is signed with ${vector.signatureMethod}: a raw createSignature check`;
  }
  return undefined;
}

function appendForm(text: string, name: string, value: string): string {
  return (text === "" ? "" : text + "&") + referencePercentEncode(name) + "=" + referencePercentEncode(value);
}

/**
 * The request as the server receives it: protocol parameters wherever the vector put them
 * (added to the URL or body when the vector's raw URL or body leaves them out), `oauth_signature`
 * next to `oauth_consumer_key`, and the header written by the independent reference writer.
 */
export function receivedRequest(
  vector: Vector,
  signature: string,
): { method: string; url: string; authorization: string | null; body: string | null } {
  let url = vector.url!;
  let body = isFormBody(vector) ? vector.rawBody! : null;
  const header: Record<string, string> = {};
  const queryText = (): string => (url.includes("?") ? url.slice(url.indexOf("?") + 1) : "");
  const place = (name: string, value: string, location: Location): void => {
    if (location === "header") {
      header[name] = value;
    } else if (location === "query") {
      if (!referenceParseForm(queryText()).some(([n]) => n === name)) {
        const query = appendForm(queryText(), name, value);
        url = (url.includes("?") ? url.slice(0, url.indexOf("?")) : url) + "?" + query;
      }
    } else if (!referenceParseForm(body ?? "").some(([n]) => n === name)) {
      body = appendForm(body ?? "", name, value);
    }
  };
  for (const name of Object.keys(vector.oauthParams)) {
    place(name, vector.oauthParams[name]!, vector.oauthParamLocation[name] ?? "header");
  }
  place("oauth_signature", signature, vector.oauthParamLocation.oauth_consumer_key ?? "header");
  const authorization =
    Object.keys(header).length === 0 ? null : referenceAuthorizationHeader(header, vector.realm ?? undefined);
  return { method: vector.method!, url, authorization, body };
}

/** The oracle base string: the published one when there is one, else the recomputation its `verification` note explains (cross-checked with oauthlib). */
export function expectedBaseString(vector: Vector): string {
  return vector.verified ? (vector.expectedBaseString ?? vector.computedBaseString!) : vector.computedBaseString!;
}

/** The oracle signature, chosen the same way. */
export function expectedSignature(vector: Vector): string {
  return vector.verified ? (vector.expectedSignature ?? vector.computedSignature!) : vector.computedSignature!;
}

/**
 * Signs a vector through signRequest (or `sign`, another instance of it) with its pinned nonce,
 * timestamp, callback, verifier and realm.
 */
export function signVector(vector: Vector, sign: typeof signRequest = signRequest): Promise<SignedRequest> {
  const p = vector.oauthParams;
  return sign(
    { method: vector.method!, url: vector.url!, body: isFormBody(vector) ? vector.rawBody : null },
    {
      consumerKey: p.oauth_consumer_key!,
      consumerSecret: vector.consumerSecret!,
      token: p.oauth_token,
      tokenSecret: vector.tokenSecret!,
    },
    {
      signatureMethod: vector.signatureMethod,
      nonce: p.oauth_nonce,
      timestamp: p.oauth_timestamp,
      callback: p.oauth_callback,
      verifier: p.oauth_verifier,
      realm: vector.realm ?? undefined,
    },
  );
}
