import { TwitterOAuthError } from "../errors.js";
import type { TwitterOAuth } from "../twitter/client.js";
import { readCapped } from "../twitter/read-body.js";
import { readHttpError } from "../twitter/transport.js";
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

/**
 * The profile as passport-twitter builds it: from `GET account/verify_credentials` (`id` from
 * `id_str`, `username`, `displayName`, `emails`, `photos`, `provider`, `_raw`, `_json`,
 * `_accessLevel`, in that order), or with `skipExtendedUserProfile` from step 3's `user_id` and
 * `screen_name` alone.
 * @throws TwitterOAuthError `HTTP_ERROR`, `INVALID_RESPONSE`, `NETWORK_ERROR`, `TIMEOUT`.
 * @internal
 */
export async function loadProfile(
  client: TwitterOAuth,
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
  const response = await client.fetch(url, { token: accessToken });
  if (!response.ok) throw await readHttpError(response, endpoint, [accessToken.tokenSecret]);
  const raw = await readCapped(response, PROFILE_LIMIT);
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
  const profile: Profile = {
    id: user.id_str ? user.id_str : String(user.id),
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
