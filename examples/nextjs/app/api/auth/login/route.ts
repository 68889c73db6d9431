// GET /api/auth/login: steps 1 and 2 of "Log in with X".
import { NextResponse } from "next/server";
import { sealRequestToken } from "twitter-oauth1";
import { COOKIE, cookieOptions, cookieSecret, twitter } from "../../../../lib/twitter";

export async function GET(): Promise<Response> {
  const x = twitter();
  // Step 1: a request token for this sign-in, bound to our callback.
  const requestToken = await x.getRequestToken();
  // Step 2: send the browser to X. A user who already approved the app comes straight back.
  const response = NextResponse.redirect(x.buildAuthenticateUrl(requestToken), 302);
  response.cookies.set(COOKIE, await sealRequestToken(requestToken, cookieSecret()), {
    ...cookieOptions(),
    maxAge: 15 * 60,
  });
  return response;
}
