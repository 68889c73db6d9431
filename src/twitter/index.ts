export { TwitterOAuth } from "./client.js";
export type {
  RequestTokenOptions,
  AuthorizeUrlOptions,
  CallOptions,
  VerifyCredentialsOptions,
  SignedFetchInit,
} from "./client.js";
export type { CallbackInput, SkipTokenCheck } from "./callback.js";
export { sealRequestToken, unsealRequestToken, type SealOptions, type UnsealOptions } from "./sealed-state.js";
export type { RequestToken, AccessToken, TokenPair, TwitterUser, TwitterOAuthOptions } from "./types.js";
