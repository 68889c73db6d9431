// twitter-oauth1/handlers in every server runtime: one sign-in (X docs, "Log in with X", steps 1 to
// 3) with the fake X behind the client's fetch and the browser's cookie jar played by hand, on this
// runtime's Response headers (Set-Cookie read back with getSetCookie), and an error class shared by
// the bundled copies. Web globals only. The sign-in rules (Cancel, tabs, replays, expiry, tampered
// cookies) are owned by test/handlers/.
import { deepEqual, equal, match, ok } from "../assert.js";
import { need } from "./client.js";

const CALLBACK = "https://app.example/auth/x/callback";
const COOKIE_SECRET = "conformance-cookie-secret-0123456789abcdef";

function setup(entries) {
  const createSignInHandlers = need(entries["./handlers"], "createSignInHandlers", "dist/handlers.js");
  const TwitterOAuth = need(entries["."], "TwitterOAuth", "dist/index.js");
  const createFakeTwitter = need(entries["./testing"], "createFakeTwitter", "dist/testing.js");
  const consumer = need(entries["./testing"], "defaultConsumer", "dist/testing.js");
  const user = need(entries["./testing"], "defaultUser", "dist/testing.js");
  const fake = createFakeTwitter();
  const client = new TwitterOAuth({
    consumerKey: consumer.key,
    consumerSecret: consumer.secret,
    callbackUrl: CALLBACK,
    fetch: (input, init) => fake.fetch(new Request(input, init)),
  });
  const results = [];
  const errors = [];
  const handlers = createSignInHandlers({
    client,
    cookieSecret: COOKIE_SECRET,
    onSuccess(result) {
      results.push(result);
      return new Response(null, { status: 303, headers: { location: result.returnTo } });
    },
    onError(error) {
      errors.push(error);
      return new Response(error.code, { status: 400 });
    },
  });
  return { fake, handlers, results, errors, user };
}

/** Starts a sign-in; returns its request token and its cookie as a browser would send it back. */
async function login(handlers, query = "") {
  const answer = await handlers.handle(new Request(`https://app.example/auth/x/login${query}`));
  equal(answer.status, 302, "login status");
  const location = new URL(answer.headers.get("location"));
  equal(location.origin + location.pathname, "https://api.x.com/oauth/authenticate", "login Location");
  const cookies = answer.headers.getSetCookie();
  equal(cookies.length, 1, "Set-Cookie count of a first login");
  match(
    cookies[0],
    /^__Host-x-signin-[\w-]{16}=[\w-]+; Path=\/; Max-Age=900; HttpOnly; SameSite=Lax; Secure$/,
    "Set-Cookie",
  );
  return { token: location.searchParams.get("oauth_token"), cookie: cookies[0].split(";")[0] };
}

function back(handlers, url, cookies) {
  return handlers.handle(new Request(url, { headers: { cookie: cookies.join("; ") } }));
}

function clears(answer, cookie, what) {
  deepEqual(
    answer.headers.getSetCookie(),
    [`${cookie.split("=")[0]}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`],
    `${what}: the sign-in's cookie cleared`,
  );
}

/** @returns the named cases for twitter-oauth1/handlers, given the built entry points keyed by export path. */
export function handlerCases(entries) {
  return [
    {
      name: "handlers, X docs Log in with X: login, approval on X, callback, onSuccess with the user and returnTo",
      async run() {
        const { fake, handlers, results, errors, user } = setup(entries);
        const { token, cookie } = await login(handlers, "?return_to=%2Faccount");
        const answer = await back(handlers, fake.approve(token), [cookie]);
        equal(answer.status, 303, "callback status");
        equal(answer.headers.get("location"), "/account", "onSuccess's Location");
        clears(answer, cookie, "callback");
        equal(results.length, 1, "onSuccess calls");
        equal(results[0].user.screen_name, user.screenName, "user.screen_name");
        equal(results[0].accessToken.userId, user.id, "accessToken.userId");
        // The entry points share one error class per format (shared chunks), so an error made by the
        // handlers is an instance of the root's class. A callback without its cookie gets one.
        const orphan = await back(handlers, fake.approve((await login(handlers)).token), []);
        equal(await orphan.text(), "INVALID_STATE", "a callback without its cookie");
        ok(errors[0] instanceof entries["."].TwitterOAuthError, "INVALID_STATE is instanceof the root's class");
      },
    },
  ];
}
