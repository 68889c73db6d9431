/**
 * The shapes of a migration off OAuth 1.0a: one user in, one result line out.
 * X's exchange grant: docs.x.com fundamentals/authentication/oauth-2-0/oauth-1-0a-token-exchange.
 * @module
 */
import type { TwitterOAuth2 } from "./client.js";

/** One user to migrate: the app's own key for the user and the stored OAuth 1.0a access token. */
export interface MigrationUser {
  /** The app's own key for the user (a database id, an X user id, …); copied into the result line. */
  id: string;
  /** The OAuth 1.0a access token (`oauth_token`). */
  token: string;
  /** Its secret (`oauth_token_secret`). */
  tokenSecret: string;
}

/** The OAuth 2.0 pair X issued for a user: store all of it, the refresh token above all. */
export interface MigratedLine {
  /** The user's key, as given. */
  id: string;
  /** The OAuth 2.0 access token (`Authorization: Bearer`); lives 2 hours. */
  accessToken: string;
  /** The single-use refresh token; each refresh returns a new one. */
  refreshToken?: string | undefined;
  /** When the access token expires, in ms since the epoch. */
  expiresAt: number;
  /** The scopes X granted. */
  scopes: string[];
}

/** A user X refused for good (a revoked token, another app's token, a scope it cannot have). */
export interface FailedLine {
  /** The user's key, as given. */
  id: string;
  /** X's RFC 6749 5.2 `error` (`invalid_grant`, `invalid_scope`, `invalid_request`), or `http_<status>`. */
  error: string;
  /** What happened and what to do; never a token or a secret. */
  message: string;
}

/** One line of a migration's output: a migrated user or a permanent failure. */
export type MigrationLine = MigratedLine | FailedLine;

/** {@link migrateUser}: X issued a pair; record `line`, and the user is done. */
export interface MigratedOutcome {
  /** Always `"migrated"`. */
  status: "migrated";
  /** The line to store. */
  line: MigratedLine;
}

/** {@link migrateUser}: X refused this user for good (`invalid_grant` is "do not retry"); record `line`. */
export interface FailedOutcome {
  /** Always `"failed"`. */
  status: "failed";
  /** The line to store: X's error and what to do. */
  line: FailedLine;
}

/** {@link migrateUser}: nothing to record; call again for this user after `retryAfterMs`. */
export interface RetryOutcome {
  /** Always `"retry"`. */
  status: "retry";
  /** How long to wait, in ms: until X's rate-limit reset, or a bounded, jittered backoff. */
  retryAfterMs: number;
  /** A 429: every other exchange of the app from this IP should wait too (the limit is per app and IP). */
  rateLimited: boolean;
  /** What happened, for logs; never a token or a secret. */
  reason: string;
}

/**
 * {@link migrateUser}: X refused the client itself (`invalid_client`, `unauthorized_client`, a 401).
 * Every user would fail the same way: stop, and fix the client id or secret, or enable OAuth 2.0.
 */
export interface HaltOutcome {
  /** Always `"halt"`. */
  status: "halt";
  /** What happened, for logs; never a token or a secret. */
  reason: string;
}

/** What one {@link migrateUser} call ended with; switch on `status`. */
export type MigrationOutcome = MigratedOutcome | FailedOutcome | RetryOutcome | HaltOutcome;

/** What {@link migrateUser} needs of the OAuth 2.0 client: X's token-exchange grant. A `TwitterOAuth2` is one. */
export type TokenExchanger = Pick<TwitterOAuth2, "exchangeOAuth1Token">;

/** Options of {@link migrateUser}. */
export interface MigrateUserOptions {
  /** A subset of the scopes the 1.0a permission maps to; default: all of them. */
  scopes?: readonly string[];
  /** Aborts the exchange; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * How many times this user was already tried and told to retry (0 the first time): the backoff
   * after a 503 or a network failure doubles with each attempt.
   */
  attempt?: number;
  /** The clock, in ms since the epoch (default `Date.now`), to turn a 429's reset into a wait. */
  now?: () => number;
  /** A number in [0, 1) for the jitter (default `Math.random`). */
  random?: () => number;
}
