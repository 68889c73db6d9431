// X's OAuth 2.0 scopes, what they let an app do in words, and what an OAuth 1.0a permission maps
// to in the token exchange (X docs: "OAuth 2.0 Authorization Code Flow with PKCE", scopes table;
// "Migrating OAuth 1.0a user tokens to OAuth 2.0", scope mapping).
import type { AccessType } from "../store.js";

/** Every scope the fake knows, with the sentence its consent page shows. @internal */
export const SCOPE_WORDS: Readonly<Record<string, string>> = {
  "tweet.read": "See posts from your timeline (including protected posts) and your bookmarks.",
  "tweet.write": "Post and repost for you.",
  "tweet.moderate.write": "Hide and unhide replies to your posts.",
  "users.read": "See any account you can see, including protected accounts.",
  "users.email": "See the email address of your account.",
  "follows.read": "See who follows you and who you follow.",
  "follows.write": "Follow and unfollow accounts for you.",
  "offline.access": "Stay connected to your account until you revoke access.",
  "space.read": "See all the Spaces you can see.",
  "mute.read": "See accounts you have muted.",
  "mute.write": "Mute and unmute accounts for you.",
  "like.read": "See posts you have liked and likes you can see.",
  "like.write": "Like and unlike posts for you.",
  "list.read": "See Lists, their members and followers, including private Lists you own.",
  "list.write": "Create and manage Lists for you.",
  "block.read": "See accounts you have blocked.",
  "block.write": "Block and unblock accounts for you.",
  "bookmark.read": "See your bookmarks.",
  "bookmark.write": "Bookmark and remove bookmarks for you.",
  "dm.read": "See all your Direct Messages.",
  "dm.write": "Send and manage Direct Messages for you.",
  "media.write": "Upload media for you.",
  "timeline.read": "See your home timeline.",
  "broadcast.read": "See your broadcasts.",
  "broadcast.write": "Create and manage broadcasts for you.",
};

// The exchange page's mapping: Read, then what "Read and write" adds; offline.access always.
const READ = [
  "tweet.read",
  "users.read",
  "follows.read",
  "mute.read",
  "block.read",
  "list.read",
  "like.read",
  "timeline.read",
  "broadcast.read",
];
const WRITE = [
  "tweet.write",
  "tweet.moderate.write",
  "follows.write",
  "like.write",
  "list.write",
  "mute.write",
  "block.write",
  "media.write",
  "broadcast.write",
];

/** The scopes a 1.0a token of this access level is exchanged for, `offline.access` included. @internal */
export function scopesForAccessType(accessType: AccessType): string[] {
  return [...READ, ...(accessType === "write" ? WRITE : []), "offline.access"];
}

/**
 * A `scope` parameter as a list (RFC 6749 3.3: space-delimited, order does not matter), or
 * undefined when it is malformed (empty entries, characters outside RFC 6749 A.4).
 * @internal
 */
export function parseScope(value: string): string[] | undefined {
  const scopes = value.split(" ");
  if (scopes.some((s) => !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s))) return undefined;
  return [...new Set(scopes)];
}

/** Whether a token with these scopes may write (post) for the user. @internal */
export function accessTypeOfScopes(scopes: readonly string[]): AccessType {
  return scopes.includes("tweet.write") ? "write" : "read";
}
