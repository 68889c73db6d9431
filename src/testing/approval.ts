import { appendToCallback } from "./callback-url.js";
import { randomPin, randomToken } from "./random.js";
import { type FakeState, type RequestTokenRecord, STORE_LIMITS, remember } from "./store.js";
import type { FakeUser } from "./types.js";

/** The outcome of approving a request token: where the browser goes next. @internal */
export type Approval = { kind: "redirect"; url: string } | { kind: "pin"; pin: string };

/**
 * Approves a pending request token as `user` (X docs, Log in with X step 2): remembers the consent,
 * so "Sign in with X" can skip the prompt next time, and issues the verifier: a random string sent
 * to the callback (RFC 5849 2.2) or, for `oob`, a 7-digit PIN.
 * @internal
 */
export function approveRequestToken(state: FakeState, record: RequestTokenRecord, user: FakeUser): Approval {
  record.state = "approved";
  record.userId = user.id;
  remember(state.approvals, `${record.consumerKey}\n${user.id}`, undefined, STORE_LIMITS.approvals);
  if (record.callback === "oob") {
    record.verifier = randomPin();
    return { kind: "pin", pin: record.verifier };
  }
  record.verifier = randomToken(32);
  return {
    kind: "redirect",
    url: appendToCallback(record.callback, { oauth_token: record.token, oauth_verifier: record.verifier }),
  };
}

/**
 * Refuses a pending request token (the user pressed Cancel). The token can never be exchanged.
 * @returns `callback?denied=<token>`, or undefined for `oob` (there is nowhere to send the user).
 * @internal
 */
export function denyRequestToken(record: RequestTokenRecord): string | undefined {
  record.state = "denied";
  return record.callback === "oob" ? undefined : appendToCallback(record.callback, { denied: record.token });
}

/** Whether `user` has approved the app before (so `authenticate` may redirect at once). @internal */
export function hasApproved(state: FakeState, consumerKey: string, user: FakeUser): boolean {
  return state.approvals.has(`${consumerKey}\n${user.id}`);
}
