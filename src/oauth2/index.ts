/**
 * `twitter-oauth1/oauth2`: the way off OAuth 1.0a. An OAuth 2.0 client for X that trades stored
 * OAuth 1.0a tokens for OAuth 2.0 pairs (docs.x.com "oauth-1-0a-token-exchange"), refreshes and
 * revokes them, signs users in with PKCE S256 and calls the API with a Bearer token.
 * @module twitter-oauth1/oauth2
 */
export { TwitterOAuth2 } from "./client.js";
export { createCodeChallenge } from "./pkce.js";
export { DEFAULT_AUTHORIZE_URL, DEFAULT_SCOPES } from "./options.js";
export { migrateUser } from "./migrate-user.js";
export { BACKOFF_BASE_MS, BACKOFF_CAP_MS, RATE_LIMIT_WAIT_CAP_MS } from "./migrate-backoff.js";
export type {
  FailedLine,
  FailedOutcome,
  HaltOutcome,
  MigratedLine,
  MigratedOutcome,
  MigrateUserOptions,
  MigrationLine,
  MigrationOutcome,
  MigrationUser,
  RetryOutcome,
  TokenExchanger,
} from "./migrate-types.js";
export type {
  Authorization,
  AuthorizationOptions,
  BearerFetchInit,
  ExchangeOptions,
  OAuth1AccessToken,
  OAuth2CallOptions,
  OAuth2Tokens,
  TwitterOAuth2Options,
  XUser,
} from "./types.js";
export type { CallbackInput } from "../twitter/callback.js";
export {
  TwitterOAuthError,
  isTwitterOAuthError,
  type RateLimit,
  type TwitterOAuthErrorCode,
  type TwitterOAuthErrorOptions,
  type XApiError,
} from "../common/errors.js";
