import type { PendingSignIn } from "./pending.js";

/** One sign-in to start, as the flow hands it to a protocol. @internal */
export interface ProtocolStart {
  /** Where X sends the browser back: an absolute http(s) URL. */
  callbackUrl: string;
  forceLogin?: boolean | undefined;
  screenName?: string | undefined;
}

/** What a protocol's first step gives the flow: where to send the browser, and what to keep. @internal */
export interface ProtocolBegun {
  /** X's page to send the browser to. */
  location: string;
  /** What the callback will carry to find this sign-in again (a request token, or `state`). */
  key: string;
  /** What only the callback may use (a request token secret, or a PKCE code verifier). */
  secret: string;
}

/**
 * What differs between OAuth 1.0a and OAuth 2.0 in a browser sign-in, and nothing else: how it
 * starts, which callback parameter names its pending sign-in, and how a callback is checked and
 * traded for the grant. The rules around them (cookies, tabs, expiry, replay) are in `flow.ts`,
 * once for both.
 * @internal
 */
export interface SignInProtocol<Grant> {
  /** Step 1: asks X when the protocol needs it (1.0a's request token); changes no state. */
  begin(start: ProtocolStart): Promise<ProtocolBegun>;
  /** The key of the pending sign-in this callback belongs to, Cancel included; null or "" when it carries none. */
  keyOf(query: URLSearchParams): string | null;
  /** The callback parameters `keyOf` reads, for the message when there is none. */
  keyNames: string;
  /**
   * Checks the callback against its pending sign-in (Cancel is `AUTHORIZATION_DENIED`) and trades it
   * for the grant.
   */
  complete(query: URLSearchParams, pending: PendingSignIn): Promise<Grant>;
}
