// twitter-oauth1/passport: one sign-in with the Passport strategy, driven as Passport drives it
// (authenticate() on Object.create(strategy) with redirect/success/fail/error), with the session it
// keeps pending sign-ins in, against the fake X. The strategy makes its own client on the global
// fetch, so the case routes fetch to the fake for its duration and puts the runtime's own back.
// Cancel, the options and the strategy's other rules are owned by test/passport/.
import { equal, ok } from "../assert.js";
import { need } from "./client.js";

const ORIGIN = "https://app.example";
const CALLBACK = `${ORIGIN}/auth/twitter/callback`;

/** Runs one authenticate() as Passport does; resolves with what the strategy decided. */
function authenticate(strategy, req, options = {}) {
  return new Promise((resolve) => {
    const run = Object.create(strategy);
    run.redirect = (url, status) => resolve({ redirect: url, status });
    run.success = (user, info) => resolve({ user, info });
    run.fail = (challenge, status) => resolve({ fail: challenge, status });
    run.error = (error) => resolve({ error });
    run.pass = () => resolve({ pass: true });
    run.authenticate(req, options);
  });
}

async function withFakeFetch(testing, action) {
  const createFakeTwitter = need(testing, "createFakeTwitter", "dist/testing.js");
  const fake = createFakeTwitter();
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => fake.fetch(new Request(input, init));
  try {
    return await action(fake);
  } finally {
    globalThis.fetch = original;
  }
}

function strategyOf(passport, testing, verify) {
  const Strategy = need(passport, "Strategy", "dist/passport.js");
  const consumer = need(testing, "defaultConsumer", "dist/testing.js");
  return new Strategy({ consumerKey: consumer.key, consumerSecret: consumer.secret, callbackURL: CALLBACK }, verify);
}

/** @returns the named cases for twitter-oauth1/passport. */
export function passportCases(testing, passport) {
  return [
    {
      name: "passport: redirect to X, then the callback calls verify(token, tokenSecret, profile) with passport-twitter's profile shape",
      async run() {
        await withFakeFetch(testing, async (fake) => {
          let seen;
          const strategy = strategyOf(passport, testing, (token, tokenSecret, profile, done) => {
            seen = { token, tokenSecret, profile };
            done(null, { id: profile.id });
          });
          const session = {};
          const headers = { host: "app.example", "x-forwarded-proto": "https" };
          const started = await authenticate(strategy, { url: "/auth/twitter", headers, session });
          ok(started.redirect, `step 1 redirects to X (got ${JSON.stringify(started)})`);
          const location = new URL(started.redirect);
          equal(location.origin + location.pathname, "https://api.x.com/oauth/authenticate", "redirect target");
          const callback = new URL(fake.approve(location.searchParams.get("oauth_token")));
          const done = await authenticate(strategy, { url: callback.pathname + callback.search, headers, session });
          ok(done.user, `the callback succeeds (got ${JSON.stringify(done.error?.message ?? done)})`);
          equal(seen.profile.provider, "twitter", "profile.provider");
          equal(seen.profile.username, "fake_user", "profile.username");
          equal(typeof seen.profile.id, "string", "profile.id type");
          equal(done.user.id, seen.profile.id, "the user verify passed on");
          ok(seen.token && seen.tokenSecret, "verify got the access token and secret");
        });
      },
    },
  ];
}
