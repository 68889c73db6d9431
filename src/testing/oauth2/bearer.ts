// OAuth 2.0 user tokens on the fake's /2/ endpoints (RFC 6750 2.1; X docs, OAuth 2.0 Authorization
// Code Flow with PKCE, step 4: `Authorization: Bearer <access token>`).
import type { FakeState } from "../store.js";
import type { AccessType } from "../store.js";
import { accessTypeOfScopes } from "./scopes.js";
import { liveAccessToken } from "./store.js";

/** Who a live Bearer token acts for. @internal */
export interface BearerIdentity {
  token: string;
  consumerKey: string;
  userId: string;
  accessType: AccessType;
  scopes: readonly string[];
}

/** The Bearer token of an `Authorization` header, or undefined when the header is not Bearer. @internal */
export function bearerToken(headers: Headers): string | undefined {
  const match = /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(headers.get("authorization") ?? "");
  return match?.[1];
}

/** Whether the header uses the Bearer scheme at all (well-formed or not). @internal */
export function isBearer(headers: Headers): boolean {
  return /^bearer(\s|$)/i.test(headers.get("authorization") ?? "");
}

/** The identity of a live OAuth 2.0 access token, or undefined when it is unknown, expired or revoked. @internal */
export function bearerIdentity(state: FakeState, headers: Headers): BearerIdentity | undefined {
  const token = bearerToken(headers);
  if (token === undefined) return undefined;
  const record = liveAccessToken(state.oauth2, token, state.now());
  const grant = record === undefined ? undefined : state.oauth2.grants.get(record.grantId);
  if (grant === undefined) return undefined;
  return {
    token,
    consumerKey: grant.consumerKey,
    userId: grant.userId,
    accessType: accessTypeOfScopes(grant.scopes),
    scopes: grant.scopes,
  };
}

// The scopes each endpoint of the fake needs with an OAuth 2.0 user token (X API reference,
// "Authorization" of GET /2/users/me and POST /2/tweets).
const REQUIRED_SCOPES: Readonly<Record<string, readonly string[]>> = {
  "GET /2/users/me": ["tweet.read", "users.read"],
  "POST /2/tweets": ["tweet.read", "tweet.write", "users.read"],
};

/** Whether the token's scopes cover what the endpoint needs. @internal */
export function hasRequiredScopes(identity: BearerIdentity, method: string, path: string): boolean {
  const required = REQUIRED_SCOPES[`${method} ${path}`] ?? [];
  return required.every((scope) => identity.scopes.includes(scope));
}
