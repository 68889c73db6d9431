/**
 * Where the advice for each of X's error codes (and for a status without one) lives: one table in
 * the package's documentation, so that the client in a browser bundle carries one pointer instead of
 * a sentence per code. X's own code and message are in the message before it; the host the request
 * went to is named, so that a `baseUrl` pointing at a fake or a proxy shows (code 32 most of all).
 * Codes from the v1.1 table of X docs "Response codes and errors".
 * @internal
 */
export function hintFor(host: string): string {
  return `see docs/errors.md#x-error-codes (sent to ${host})`;
}
