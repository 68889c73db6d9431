// Shared by the two route handlers: the X client and the cookie that carries the sealed request
// token between them (no session store needed, so this works on the Edge runtime too).
import { TwitterOAuth } from "twitter-oauth1";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see README.md)`);
  return value;
}

/** The X client, made on first use so that `next build` does not need the secrets. */
export function twitter(): TwitterOAuth {
  return new TwitterOAuth({
    consumerKey: env("TWITTER_CONSUMER_KEY"),
    consumerSecret: env("TWITTER_CONSUMER_SECRET"),
    callbackUrl: env("TWITTER_CALLBACK_URL"), // e.g. http://127.0.0.1:3000/api/auth/callback, registered on X
    baseUrl: process.env.X_BASE_URL || undefined, // unset: https://api.x.com
  });
}

/** 32+ random characters that never leave the server. */
export function cookieSecret(): string {
  return env("COOKIE_SECRET");
}

export const COOKIE = "x_request_token";

/** HttpOnly keeps it from scripts; Lax lets it ride along on X's top-level redirect to the callback. */
export function cookieOptions(): { path: string; httpOnly: true; sameSite: "lax"; secure: boolean } {
  return {
    path: "/api/auth",
    httpOnly: true,
    sameSite: "lax",
    secure: env("TWITTER_CALLBACK_URL").startsWith("https:"),
  };
}

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
