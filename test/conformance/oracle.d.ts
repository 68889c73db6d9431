// Types of oracle.js, the independent reference signer, for the TypeScript tests.

export type ReferenceSignatureMethod = "HMAC-SHA1" | "HMAC-SHA256" | "HMAC-SHA512" | "PLAINTEXT";
export type Pairs = ReadonlyArray<readonly [string, string]>;

/** A request as the reference signer sees it. The body is form text as sent, or decoded pairs. */
export interface ReferenceRequest {
  method: string;
  /** An absolute `scheme://host[:port]/path[?query][#fragment]` URL, ASCII host, no user info. */
  url: string;
  body?: string | Pairs | null;
}

export interface ReferenceCredentials {
  consumerKey: string;
  consumerSecret: string;
  token?: string;
  tokenSecret?: string;
}

export interface ReferenceOptions {
  signatureMethod: ReferenceSignatureMethod;
  nonce: string;
  timestamp: string;
  callback?: string;
  verifier?: string;
  realm?: string;
}

export interface ReferenceResult {
  baseString: string;
  signature: string;
  authorization: string;
  oauthParams: Record<string, string>;
}

export interface HeaderPair {
  name: string;
  rawValue: string;
  value: string;
}

export function referencePercentEncode(text: string): string;
export function referenceFormDecode(text: string): string;
export function referenceParseForm(text: string): Array<[string, string]>;
export function referenceSplitUrl(url: string): {
  scheme: string;
  host: string;
  port: string;
  path: string;
  query: string;
};
export function referenceBaseStringUri(url: string): string;
export function referenceNormalize(pairs: Pairs): string;
export function referenceBaseString(method: string, url: string, pairs: Pairs): string;
export function base64(bytes: ArrayBuffer | Uint8Array): string;
export function referenceSignature(
  signatureMethod: ReferenceSignatureMethod,
  baseString: string,
  consumerSecret: string,
  tokenSecret: string,
): Promise<string>;
export function referenceAuthorizationHeader(params: Record<string, string>, realm?: string | null): string;
export function readAuthorizationHeader(header: string): HeaderPair[];
export function referenceSign(
  request: ReferenceRequest,
  credentials: ReferenceCredentials,
  options: ReferenceOptions,
): Promise<ReferenceResult>;
