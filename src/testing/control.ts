import { clip } from "../common/describe.js";
// What a test does instead of a user: approve, deny, revoke, inject failures, reset. Used by the
// fake's methods and by its HTTP control API under /_fake/.
import { approveRequestToken, denyRequestToken } from "./approval.js";
import { normalizeFailure } from "./failures.js";
import {
  findUserByScreenName,
  liveRequestToken,
  resetState,
  type FakeState,
  type RequestTokenRecord,
} from "./store.js";
import { revokeToken } from "./oauth2/revoke-token.js";
import { resetOAuth2 } from "./oauth2/store.js";
import type { FailOptions } from "./types.js";

function pending(state: FakeState, requestToken: string, what: string): RequestTokenRecord {
  const record = liveRequestToken(state, requestToken);
  if (record === undefined || record.state !== "pending") {
    throw new TypeError(
      `${what}: requestToken is not a pending request token of this fake (unknown, expired, already approved, denied or used)`,
    );
  }
  return record;
}

/** Approves as the user (default: the first); the callback URL or, for `oob`, the PIN. @internal */
export function approve(state: FakeState, requestToken: string, screenName?: string): string {
  const record = pending(state, requestToken, "approve");
  const user = screenName === undefined ? state.users[0]! : findUserByScreenName(state, screenName);
  if (user === undefined)
    throw new TypeError(`approve: screenName "${clip(String(screenName))}" is not a user of this fake`);
  const approval = approveRequestToken(state, record, user);
  return approval.kind === "pin" ? approval.pin : approval.url;
}

/** Refuses: the callback URL with `denied`, or `denied=<token>` for `oob`. @internal */
export function deny(state: FakeState, requestToken: string): string {
  const record = pending(state, requestToken, "deny");
  return denyRequestToken(record) ?? `denied=${encodeURIComponent(record.token)}`;
}

/** Revokes an access token; whether it was one. @internal */
export function revoke(state: FakeState, accessToken: string): boolean {
  return state.accessTokens.delete(accessToken) || revokeToken(state, accessToken);
}

/** At most this many failures wait at once: what a caller sends cannot grow the fake without bound. */
const MAX_QUEUED_FAILURES = 1000;

/** Queues an injected failure. @internal */
export function fail(state: FakeState, options: FailOptions): void {
  const failure = normalizeFailure(options);
  if (state.failures.length >= MAX_QUEUED_FAILURES) {
    throw new TypeError(`fail: ${MAX_QUEUED_FAILURES} failures are already waiting; reset() clears them`);
  }
  state.failures.push(failure);
}

/** Forgets all traffic state. @internal */
export function reset(state: FakeState): void {
  resetState(state);
  resetOAuth2(state.oauth2);
}
