// The sign-in rules, written once for the Web handlers and the Passport strategy: how a sign-in
// starts, how its callback finds it again, what is cleared when. Stores keep the state (cookies or
// a session); this file decides.
import { isTwitterOAuthError, TwitterOAuthError } from "../common/errors.js";
import { isLoopback } from "../common/loopback.js";
import { MAX_PENDING, type PendingStore } from "./pending.js";
import type { SignInProtocol } from "./protocol.js";
import { safeReturnTo } from "./return-to.js";

/** What both flows need besides a store. @internal */
export interface FlowConfig<Grant> {
  /** OAuth 1.0a or OAuth 2.0: what differs between them (see `protocol.ts`). */
  protocol: SignInProtocol<Grant>;
  maxAgeSeconds: number;
  /** The clock in ms. */
  now: () => number;
  /** One more cause of a callback with no pending sign-in, that only this store can have. */
  lostBecause?: string;
}

/** One sign-in to start. @internal */
export interface StartRequest {
  /** The URL the login request arrived at. */
  requestUrl: URL;
  /** Where X sends the browser back: an absolute http(s) URL. */
  callbackUrl: string;
  returnTo: string;
  forceLogin?: boolean | undefined;
  screenName?: string | undefined;
}

/** One callback to finish. @internal */
export interface FinishRequest {
  /** The callback URL as it arrived, query included. */
  requestUrl: URL;
  /** The callback URL X was given. */
  callbackUrl: string;
  /** Where a new sign-in starts, for the messages; undefined when unknown. */
  loginUrl?: string | undefined;
}

/**
 * What the default error page needs of a failed sign-in besides its code, kept beside the error, not
 * in it (the message is for developers): `open`, the page to open for an error an end user can fix
 * by opening it (a sign-in started on another loopback name than the callback's); `returnTo`, that of
 * the pending sign-in a callback failed on, so that "Try again" brings the user back to the same page.
 * @internal
 */
export const errorHints: WeakMap<TwitterOAuthError, { open?: string; returnTo?: string }> = new WeakMap();

/**
 * Browsers keep cookies per host name (RFC 6265 5.1.3; the port does not count), so a sign-in
 * started on `localhost` cannot be finished on `127.0.0.1`. Only loopback names are compared: behind
 * a proxy the URL a server sees may name an internal host, and refusing it there would break sign-ins
 * that work.
 */
function checkStartHost(requestUrl: URL, callbackUrl: string): void {
  const callback = new URL(callbackUrl);
  if (requestUrl.hostname === callback.hostname || !isLoopback(requestUrl.hostname) || !isLoopback(callback.hostname)) {
    return;
  }
  const open = new URL(requestUrl.pathname + requestUrl.search, callback.origin).href;
  const error = invalidState(
    `This sign-in was started at ${requestUrl.origin} but its callback URL is on ${callback.origin} (cookies are per host): open ${open} instead`,
  );
  errorHints.set(error, { open });
  throw error;
}

/**
 * Step 1 and the state for step 3: starts the protocol's sign-in (1.0a: gets a request token), drops expired pending sign-ins and the
 * oldest beyond {@link MAX_PENDING}, keeps the new one, and returns the URL of X to send the browser
 * to. X is asked first, so a failure there changes no state.
 * @internal
 */
export async function startSignIn<Grant>(
  config: FlowConfig<Grant>,
  store: PendingStore,
  start: StartRequest,
): Promise<string> {
  checkStartHost(start.requestUrl, start.callbackUrl);
  const { location, key, secret } = await config.protocol.begin(start);
  const now = Math.floor(config.now() / 1000);
  // Oldest first: an expired one is older than any live one, so keeping the newest MAX_PENDING - 1
  // that have not expired is keeping the last MAX_PENDING - 1 of this list, less the expired.
  const entries = (await store.list()).sort((a, b) => a.issuedAt - b.issuedAt);
  for (const [index, entry] of entries.entries()) {
    if (now - entry.issuedAt > config.maxAgeSeconds || index < entries.length - (MAX_PENDING - 1)) {
      await store.remove(entry.token);
    }
  }
  await store.add({
    token: key,
    tokenSecret: secret,
    issuedAt: now,
    returnTo: start.returnTo,
  });
  return location;
}

function invalidState(message: string): TwitterOAuthError {
  return new TwitterOAuthError("INVALID_STATE", message);
}

function noPendingSignIn<Grant>(config: FlowConfig<Grant>, finish: FinishRequest): TwitterOAuthError {
  const callback = new URL(finish.callbackUrl);
  const arrived = finish.requestUrl.host;
  return invalidState(
    `No sign-in is pending for this callback in this browser (${config.lostBecause === undefined ? "" : `${config.lostBecause}; `}causes: docs/handlers.md#errors); start it at ${finish.loginUrl ?? callback.origin}${finish.requestUrl.hostname === callback.hostname ? "" : `. This callback arrived at ${arrived}, not ${callback.host}`}`,
  );
}

/**
 * Step 3 for a callback: finds its pending sign-in by its key (1.0a: `oauth_token` or `denied`;
 * OAuth 2.0: `state`), removes it whatever happens next (a request token is single-use, RFC 5849
 * 2.3; so is an authorization code, RFC 6749 4.1.2), checks the callback and trades it for the
 * grant. A callback that matches no pending sign-in changes no state.
 * @throws TwitterOAuthError `INVALID_CALLBACK`, `INVALID_STATE`, `AUTHORIZATION_DENIED`, and those of the exchange.
 * @internal
 */
export async function finishSignIn<Grant>(
  config: FlowConfig<Grant>,
  store: PendingStore,
  finish: FinishRequest,
): Promise<{ grant: Grant; returnTo: string }> {
  const query = finish.requestUrl.searchParams;
  const key = config.protocol.keyOf(query);
  if (!key) {
    throw new TwitterOAuthError(
      "INVALID_CALLBACK",
      `The callback has no ${config.protocol.keyNames}; start the sign-in again`,
    );
  }
  const found = await store.find(key);
  if (found === undefined) throw noPendingSignIn(config, finish);
  await store.remove(key);
  if (found === "unreadable") {
    throw invalidState(
      "This callback's pending sign-in could not be opened: altered, or sealed with another cookieSecret; start the sign-in again",
    );
  }
  // Checked again on the way out: a cookie sealed by an older version, or by anyone who held the
  // secret, must not hand onSuccess (or the error page's link) an off-site URL.
  const returnTo = safeReturnTo(found.returnTo);
  try {
    const age = Math.floor(config.now() / 1000) - found.issuedAt;
    if (age > config.maxAgeSeconds) {
      throw invalidState(
        `This callback's pending sign-in expired (${age} s old, the limit is ${config.maxAgeSeconds} s); start the sign-in again`,
      );
    }
    return { grant: await config.protocol.complete(query, found), returnTo };
  } catch (error) {
    if (isTwitterOAuthError(error)) errorHints.set(error, { returnTo });
    throw error;
  }
}
