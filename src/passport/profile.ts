import { TwitterOAuthError } from "../common/errors.js";
import { discard, readPrefix } from "../common/read-capped.js";
import type { TwitterOAuth } from "../twitter/client.js";
import { errorOfAnswer } from "../twitter/transport.js";
import type { AccessToken, TwitterUser } from "../twitter/types.js";
import type { Profile } from "./types.js";

// A v1.1 user object is a few kilobytes; anything far larger is not one.
const PROFILE_LIMIT = 1024 * 1024;

/** What decides the profile request. @internal */
export interface ProfileOptions {
  skipExtendedUserProfile: boolean;
  userProfileURL: string | undefined;
  includeEmail: boolean;
  includeStatus: boolean;
  includeEntities: boolean;
}

/** The body as text, read once up to `limit` bytes; undefined when it is longer. */
async function readText(response: Response, limit: number): Promise<string | undefined> {
  if (response.body === null) return "";
  const { bytes, rest } = await readPrefix(response.body, limit);
  if (rest !== undefined) {
    discard(rest);
    return undefined;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * The profile as passport-twitter builds it: from `GET account/verify_credentials` (`id` from
 * `id_str`, `username`, `displayName`, `emails`, `photos`, `provider`, `_raw`, `_json`,
 * `_accessLevel`, in that order), or with `skipExtendedUserProfile` from step 3's `user_id` and
 * `screen_name` alone. `_raw` is X's body byte for byte, so `client.fetch` is used rather than
 * `verifyCredentials`; a non-2xx answer becomes the client's own HTTP_ERROR, X's errors redacted.
 * @throws TwitterOAuthError `HTTP_ERROR`, `INVALID_RESPONSE`, `NETWORK_ERROR`, `TIMEOUT`.
 * @internal
 */
export async function loadProfile(
  client: TwitterOAuth,
  consumerSecret: string,
  accessToken: AccessToken,
  options: ProfileOptions,
): Promise<Profile> {
  if (options.skipExtendedUserProfile) {
    return { provider: "twitter", id: accessToken.userId, username: accessToken.screenName };
  }
  const url = new URL(options.userProfileURL ?? `${client.baseUrl}/1.1/account/verify_credentials.json`);
  if (url.pathname.endsWith("/users/show.json")) url.searchParams.set("user_id", accessToken.userId);
  if (options.includeEmail) url.searchParams.set("include_email", "true");
  if (!options.includeStatus) url.searchParams.set("skip_status", "true");
  if (!options.includeEntities) url.searchParams.set("include_entities", "false");
  const endpoint = `GET ${url.pathname}`;
  const response = await client.fetch(url, { token: accessToken, redirect: "manual" });
  if (!response.ok) {
    const clock = { now: () => Date.now(), offsetMs: client.clockOffset };
    throw await errorOfAnswer(response, endpoint, url, [consumerSecret, accessToken.tokenSecret], clock);
  }
  const raw = await readText(response, PROFILE_LIMIT);
  let json: unknown;
  try {
    json = raw === undefined ? undefined : JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const user = json as TwitterUser | undefined;
  if (typeof user !== "object" || user === null || (user.id === undefined && typeof user.id_str !== "string")) {
    throw new TwitterOAuthError(
      "INVALID_RESPONSE",
      `${endpoint} answered without a user object; check userProfileURL`,
      {
        status: response.status,
        endpoint,
      },
    );
  }
  // `verify` looks the user up by profile.id: it must be a string (an object such as {"$ne":null}
  // would be a query operator in the app's database), and the user X signed in at step 3, whose
  // user_id the access token carries. A numeric id is used only when exact (X's ids pass 2^53).
  const id =
    typeof user.id_str === "string"
      ? user.id_str
      : user.id_str === undefined && Number.isSafeInteger(user.id)
        ? String(user.id)
        : undefined;
  if (id !== accessToken.userId) {
    throw new TwitterOAuthError(
      "INVALID_RESPONSE",
      `${endpoint} answered ${id === undefined ? "a user without a string id_str" : "another user than the one X signed in at step 3 (user_id)"}; check userProfileURL`,
      { status: response.status, endpoint },
    );
  }
  const profile: Profile = {
    id,
    username: user.screen_name,
    displayName: user.name,
  } as Profile;
  if (user.email) profile.emails = [{ value: user.email }];
  profile.photos = [{ value: user.profile_image_url_https }];
  profile.provider = "twitter";
  profile._raw = raw;
  profile._json = user;
  profile._accessLevel = response.headers.get("x-access-level") ?? undefined;
  return profile;
}
