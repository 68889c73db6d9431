import type { FakeConsumer } from "./types.js";

// X refuses these schemes for callbacks (X developer-apps docs, "disallowed schemes").
const DISALLOWED_SCHEMES = new Set([
  "javascript:",
  "data:",
  "file:",
  "ftp:",
  "mailto:",
  "telnet:",
  "vbscript:",
  "blob:",
  "about:",
]);

/** Why a callback was refused, as X's code: 415 not approved, 417 desktop apps take only `oob`. @internal */
export type CallbackProblem = 415 | 417;

/**
 * Checks `oauth_callback` against the app's settings as X does: `oob` (case-sensitive, RFC 5849 2.1)
 * is always allowed; a desktop app allows nothing else (code 417); otherwise the URL must be an exact
 * match of a registered one (code 415), or any absolute URL of an allowed scheme when none is registered.
 * @internal
 */
export function checkCallback(callback: string, consumer: FakeConsumer): CallbackProblem | undefined {
  if (callback === "oob") return undefined;
  if (consumer.desktop === true) return 417;
  if (consumer.callbackUrls !== undefined) return consumer.callbackUrls.includes(callback) ? undefined : 415;
  let url: URL;
  try {
    url = new URL(callback);
  } catch {
    return 415;
  }
  return DISALLOWED_SCHEMES.has(url.protocol) ? 415 : undefined;
}

/**
 * Percent-encodes (UTF-8, RFC 3986 2.1) every character that is not visible ASCII, so the URL can
 * go into a `Location` header, whose value is a byte string (Fetch standard, "header value"). The
 * visible ASCII characters, `%` included, stay as the app sent them.
 * @internal
 */
export function encodeNonAscii(url: string): string {
  const encoder = new TextEncoder();
  return url.replace(/[^\x21-\x7e]+/gu, (run) =>
    Array.from(encoder.encode(run), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
  );
}

/**
 * Appends query parameters to a callback URL as RFC 5849 2.2 says: after the callback's own query,
 * if any, which is kept as sent (only what is not visible ASCII gets percent-encoded); before a fragment.
 * @internal
 */
export function appendToCallback(callback: string, params: Record<string, string>): string {
  const hash = callback.indexOf("#");
  const base = encodeNonAscii(hash === -1 ? callback : callback.slice(0, hash));
  const fragment = hash === -1 ? "" : encodeNonAscii(callback.slice(hash));
  const query = new URLSearchParams(params).toString();
  const separator = !base.includes("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
  return `${base}${separator}${query}${fragment}`;
}
