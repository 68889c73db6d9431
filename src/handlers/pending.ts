/**
 * One sign-in between step 1 and its callback: the request token and its secret, when it started,
 * and where to go after it.
 * @internal
 */
export interface PendingSignIn {
  token: string;
  tokenSecret: string;
  /** Seconds since the epoch. */
  issuedAt: number;
  returnTo: string;
}

/**
 * Where a browser's pending sign-ins live between the legs: sealed cookies (the handlers, and the
 * Passport strategy with `cookieSecret`) or `req.session` (the Passport strategy). The rules about
 * them are written once, in `flow.ts`; a store only keeps them.
 * @internal
 */
export interface PendingStore {
  /** Every pending sign-in this store can open, in any order. */
  list(): Promise<PendingSignIn[]>;
  /**
   * The pending sign-in of this request token; `"unreadable"` when its slot exists but cannot be
   * opened (altered, or sealed with another secret); undefined when there is none.
   */
  find(token: string): Promise<PendingSignIn | "unreadable" | undefined>;
  add(entry: PendingSignIn): Promise<void>;
  remove(token: string): Promise<void>;
}

/** How many sign-ins one browser may have pending at once; starting one more drops the oldest. @internal */
export const MAX_PENDING = 5;
