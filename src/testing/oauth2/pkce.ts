// PKCE (RFC 7636): the verifier's form and the S256 and plain transformations.
import { timingSafeEqual } from "../../oauth1/constant-time.js";

/** RFC 7636 4.1: 43 to 128 unreserved characters; 4.2: the challenge has the same form. @internal */
export const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Whether `verifier` answers `challenge` (RFC 7636 4.6). @internal */
export async function verifierMatches(verifier: string, challenge: string, method: "S256" | "plain"): Promise<boolean> {
  if (!PKCE_VALUE.test(verifier)) return false;
  if (method === "plain") return timingSafeEqual(challenge, verifier);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return timingSafeEqual(challenge, base64url(new Uint8Array(digest)));
}
