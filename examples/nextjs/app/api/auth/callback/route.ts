// GET /api/auth/callback: step 3 of "Log in with X". The callback must carry the request token
// sealed in the cookie by /api/auth/login; then the verifier buys the access token.
import { type NextRequest, NextResponse } from "next/server";
import { isTwitterOAuthError, unsealRequestToken } from "twitter-oauth1";
import { COOKIE, cookieOptions, cookieSecret, escapeHtml, twitter } from "../../../../lib/twitter";

function page(status: number, body: string): NextResponse {
  const response = new NextResponse(`<!doctype html><meta charset="utf-8"><title>Sign in with X</title>${body}`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
  response.cookies.set(COOKIE, "", { ...cookieOptions(), maxAge: 0 }); // used once, whatever happens
  return response;
}

export async function GET(request: NextRequest): Promise<Response> {
  const sealed = request.cookies.get(COOKIE)?.value;
  if (sealed === undefined) {
    return page(
      400,
      `<p>This sign-in expired or began in another browser. <a href="/api/auth/login">Start again</a></p>`,
    );
  }
  const x = twitter();
  try {
    const requestToken = await unsealRequestToken(sealed, cookieSecret());
    const { verifier } = x.parseCallback(request, requestToken);
    const accessToken = await x.exchangeVerifier(requestToken, verifier);
    const user = await x.verifyCredentials(accessToken);
    // A real app now keeps accessToken (token and secret) server-side and starts its own session.
    return page(
      200,
      `<p>Signed in as ${escapeHtml(user.name)} (@${escapeHtml(user.screen_name)}), id ${user.id_str}.</p>`,
    );
  } catch (error) {
    if (!isTwitterOAuthError(error)) throw error;
    // The library's errors carry a stable code and a message that never holds a secret. Those with
    // an endpoint came from a call to X; the rest are about this browser's callback or cookie.
    const status = error.code === "AUTHORIZATION_DENIED" ? 403 : error.endpoint === undefined ? 400 : 502;
    return page(
      status,
      `<p>${escapeHtml(error.code)}: ${escapeHtml(error.message)}</p><p><a href="/api/auth/login">Try again</a></p>`,
    );
  }
}
