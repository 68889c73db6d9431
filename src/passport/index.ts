/**
 * `twitter-oauth1/passport`: a Passport strategy for "Log in with X" that replaces passport-twitter
 * unchanged (same options, `verify` and profile), with no runtime dependency, sealed-cookie state as
 * an alternative to the session, and several tabs signing in at once.
 * @module twitter-oauth1/passport
 */
export { Strategy, Strategy as TwitterStrategy } from "./strategy.js";
export type {
  AccessTokenParams,
  AuthenticateOptions,
  PassportApp,
  PassportRequest,
  PassportResponse,
  Profile,
  ProfileValue,
  StrategyOptions,
  VerifyCallback,
  VerifyFunction,
  VerifyFunctionWithParams,
  VerifyFunctionWithRequest,
} from "./types.js";
