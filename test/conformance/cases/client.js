// The X client against the fake X of `twitter-oauth1/testing`, through an injected fetch: no
// network in any runtime. Only what can differ between runtimes: Request, Response and form bodies
// through the fake (the three legs, its sign-in form, a signed form POST), a Request as a callback,
// how each engine serialises an error (its stack included), Date parsing for the clock, timers and
// AbortSignal, body streams (large, endless, dropped), the regex engine on hostile XML, URL
// serialisation and origins, and fetch's redirect mode (a browser answers "manual" with an opaque
// redirect). The client's own rules (callbacks, error codes, step-2 URLs, options) are owned by
// test/twitter/, the fake's by test/testing/. Names cite the X docs step or RFC section each follows.
import { deepEqual, equal, excludes, notEqual, oauthError, ok, settles, typeError } from "../assert.js";

const CALLBACK = "https://app.example/auth/x/callback";

/** Fails the case (never skips it) when the built package lacks an export the contract promises. */
export function need(module, name, where) {
  const value = module?.[name];
  if (value === undefined)
    throw new Error(`${name} is not exported by the built package (${where}); build it with "npm run build"`);
  return value;
}

function setup(pkg, testing, { fake: fakeOptions, client: clientOptions } = {}) {
  const TwitterOAuth = need(pkg, "TwitterOAuth", "dist/index.js");
  const createFakeTwitter = need(testing, "createFakeTwitter", "dist/testing.js");
  const consumer = need(testing, "defaultConsumer", "dist/testing.js");
  const user = need(testing, "defaultUser", "dist/testing.js");
  const fake = createFakeTwitter(fakeOptions);
  const fetch = (input, init) => fake.fetch(new Request(input, init));
  const client = new TwitterOAuth({
    consumerKey: consumer.key,
    consumerSecret: consumer.secret,
    callbackUrl: CALLBACK,
    fetch,
    ...clientOptions,
  });
  return { fake, client, consumer, user, fetch, TwitterOAuth };
}

const bytes = (text) => new TextEncoder().encode(text);
const ERROR_JSON = '{"errors":[{"code":32,"message":"Could not authenticate you."}]}';

/** An in-memory body of `size` bytes, made as it is read (16 KiB of spaces after `head`). */
function streamed(head, size) {
  const filler = new Uint8Array(16 * 1024).fill(0x20);
  let left = size;
  let started = false;
  return new ReadableStream({
    pull(controller) {
      const chunk = started ? filler.subarray(0, Math.min(filler.length, left)) : bytes(head);
      started = true;
      left -= chunk.length;
      controller.enqueue(chunk);
      if (left <= 0) controller.close();
    },
  });
}

/** A body that never ends: `head`, then 16 KiB chunks for as long as anyone reads. */
function endless(head) {
  const filler = new Uint8Array(16 * 1024).fill(0x20);
  let started = false;
  return new ReadableStream({
    pull(controller) {
      controller.enqueue(started ? filler : bytes(head));
      started = true;
    },
  });
}

/** A body that errors after its first chunk: a connection dropped mid-body, in memory. */
function dropped(head) {
  let started = false;
  return new ReadableStream({
    pull(controller) {
      if (started) controller.error(new TypeError("terminated"));
      else controller.enqueue(bytes(head));
      started = true;
    },
  });
}

/** Every leg of the client, and x.fetch, against one kind of answer; timeout off, so a hang shows. */
async function everyLeg(pkg, TwitterOAuth, consumer, answer) {
  const client = new TwitterOAuth({
    consumerKey: consumer.key,
    consumerSecret: consumer.secret,
    callbackUrl: CALLBACK,
    timeout: false,
    fetch: async () => answer(),
  });
  const pair = { token: "t", tokenSecret: "s" };
  const legs = [
    ["getRequestToken", () => client.getRequestToken()],
    ["exchangeVerifier", () => client.exchangeVerifier(pair, "v")],
    ["verifyCredentials", () => client.verifyCredentials(pair)],
    ["invalidateToken", () => client.invalidateToken(pair)],
  ];
  const errors = [];
  for (const [name, call] of legs) errors.push(await settles(oauthError(pkg, call, "HTTP_ERROR", name), name));
  const response = await settles(client.fetch("/2/users/me", { token: pair }), "x.fetch");
  return { errors, response };
}

/** Steps 1 to 3 with the fake's headless approval: the sign-in most cases start from. */
async function signIn(fake, client) {
  const requestToken = await client.getRequestToken();
  const { verifier } = client.parseCallback(fake.approve(requestToken.token), requestToken);
  const accessToken = await client.exchangeVerifier(requestToken, verifier);
  return { requestToken, verifier, accessToken };
}

/** @returns the named cases for the client, the fake and the callback handling. */
export function clientCases(pkg, testing) {
  return [
    {
      name: "X docs (Log in with X) steps 1 to 3, then verify_credentials: the full three-leg flow against the fake X",
      async run() {
        const { fake, client, user } = setup(pkg, testing);
        const requestToken = await client.getRequestToken();
        ok(requestToken.token.length > 0 && requestToken.tokenSecret.length > 0, "empty request token or secret");
        equal(requestToken.callbackConfirmed, true, "callbackConfirmed (step 1 must confirm the callback)");

        const authenticate = new URL(client.buildAuthenticateUrl(requestToken));
        equal(authenticate.origin + authenticate.pathname, "https://api.x.com/oauth/authenticate", "step 2 URL");
        equal(authenticate.searchParams.get("oauth_token"), requestToken.token, "step 2 oauth_token");

        const callback = fake.approve(requestToken.token);
        equal(callback.split("?")[0], CALLBACK, "the fake redirects to the registered callback");
        const { token, verifier } = client.parseCallback(callback, requestToken);
        equal(token, requestToken.token, "callback oauth_token");
        ok(verifier.length > 0, "empty verifier");

        const accessToken = await client.exchangeVerifier(requestToken, verifier);
        equal(accessToken.userId, user.id, "step 3 user_id (a string, X IDs exceed 2^53)");
        equal(accessToken.screenName, user.screenName, "step 3 screen_name");
        notEqual(accessToken.token, requestToken.token, "access token");

        const me = await client.verifyCredentials(accessToken);
        equal(me.id_str, user.id, "verify_credentials id_str");
        equal(me.screen_name, user.screenName, "verify_credentials screen_name");
        const withEmail = await client.verifyCredentials(accessToken, { includeEmail: true });
        equal(withEmail.email, user.email, "verify_credentials include_email");
      },
    },
    {
      name: "client.fetch signs API calls: GET /2/users/me and a form POST to /1.1/statuses/update.json",
      async run() {
        const { fake, client, user, fetch } = setup(pkg, testing);
        const { accessToken } = await signIn(fake, client);
        const me = await client.fetch("/2/users/me", { token: accessToken });
        equal(me.status, 200, "GET /2/users/me status");
        equal((await me.json()).data?.id, user.id, "GET /2/users/me data.id");
        const update = await client.fetch("/1.1/statuses/update.json", {
          method: "POST",
          token: accessToken,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ status: "Hello Ladies + Gentlemen, a signed OAuth request!" }),
        });
        equal(update.status, 200, "POST statuses/update status (form body signed)");
        const unsigned = await fetch("https://api.x.com/2/users/me");
        // X answers a call without OAuth with 400 code 215 (v1.1) or 401 (v2): refused either way.
        ok(unsigned.status === 400 || unsigned.status === 401, `an unsigned call is refused (got ${unsigned.status})`);
      },
    },
    {
      name: "X docs (Log in with X) step 2 through the fake's own pages: sign-in form, 303 to the callback, then step 3",
      async run() {
        const { client, user, fetch } = setup(pkg, testing);
        const requestToken = await client.getRequestToken();
        const page = await fetch(client.buildAuthenticateUrl(requestToken));
        equal(page.status, 200, "GET /oauth/authenticate status");
        const html = await page.text();
        const form = /<form[^>]*method="post"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
        ok(form, "the sign-in page has a POST form");
        const fields = new URLSearchParams();
        for (const input of form[2].matchAll(/<input\b[^>]*>/gi)) {
          const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
          const value = /\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? "";
          if (name !== undefined) fields.set(name, value.replace(/&amp;/g, "&").replace(/&quot;/g, '"'));
        }
        equal(fields.get("oauth_token"), requestToken.token, "the form carries the request token");
        const login = [...fields.keys()].find((name) => /username/i.test(name));
        const password = [...fields.keys()].find((name) => /password/i.test(name));
        ok(login && password, "the form asks for a username and a password");
        fields.set(login, user.screenName);
        fields.set(password, user.password);
        fields.set("action", "authorize");
        const submitted = await fetch(new URL(form[1].replace(/&amp;/g, "&"), page.url || "https://api.x.com/").href, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: fields.toString(),
          redirect: "manual",
        });
        equal(submitted.status, 303, "the form POST redirects (303) to the callback");
        const location = submitted.headers.get("location");
        equal(location?.split("?")[0], CALLBACK, "Location is the callback");
        const { verifier } = client.parseCallback(location, requestToken);
        const accessToken = await client.exchangeVerifier(requestToken, verifier);
        equal(accessToken.screenName, user.screenName, "signed in as the user who typed the password");
      },
    },
    {
      name: "parseCallback: accepts a string, URL, URLSearchParams or Request",
      async run() {
        const { client } = setup(pkg, testing);
        const rt = { token: "tok", tokenSecret: "sec", callbackConfirmed: true };
        const href = CALLBACK + "?oauth_token=tok&oauth_verifier=ver";
        for (const input of [href, new URL(href), new URL(href).searchParams, new Request(href)]) {
          deepEqual(
            client.parseCallback(input, rt),
            { token: "tok", verifier: "ver" },
            `parseCallback(${input?.constructor?.name})`,
          );
        }
        deepEqual(
          client.parseCallback(href, { skipTokenCheck: true }),
          { token: "tok", verifier: "ver" },
          "with the token check skipped explicitly",
        );
      },
    },
    {
      name: "X errors from the fake: bad consumer secret is HTTP_ERROR 401 code 32, and no secret leaks into the error",
      async run() {
        const { TwitterOAuth, consumer, fetch } = setup(pkg, testing);
        const wrongSecret = "wrong-secret-" + "9".repeat(24);
        const client = new TwitterOAuth({
          consumerKey: consumer.key,
          consumerSecret: wrongSecret,
          callbackUrl: CALLBACK,
          fetch,
        });
        const error = await oauthError(pkg, () => client.getRequestToken(), "HTTP_ERROR", "wrong consumer secret");
        equal(error.status, 401, "status");
        equal(error.errors[0]?.code, 32, "X error code");
        for (const [what, text] of [
          ["message", error.message],
          ["JSON", JSON.stringify(error)],
          ["toString", String(error)],
          ["stack", error.stack ?? ""],
        ]) {
          excludes(text, wrongSecret, `error ${what}`);
        }
        excludes(JSON.stringify(client), wrongSecret, "JSON.stringify(client)");
        excludes(String(client), wrongSecret, "String(client)");
      },
    },
    {
      name: "X errors from the fake: a timestamp an hour old is 401 code 135; the client re-syncs from Date and retries once",
      async run() {
        const createFakeTwitter = need(testing, "createFakeTwitter", "dist/testing.js");
        const consumer = need(testing, "defaultConsumer", "dist/testing.js");
        const fake = createFakeTwitter();
        const url = "https://api.x.com/oauth/request_token";
        const stale = Math.floor(Date.now() / 1000) - 3600;
        const signed = await pkg.signRequest(
          { method: "POST", url },
          { consumerKey: consumer.key, consumerSecret: consumer.secret },
          { callback: CALLBACK, timestamp: stale },
        );
        const refused = await fake.fetch(
          new Request(url, { method: "POST", headers: { authorization: signed.authorization } }),
        );
        equal(refused.status, 401, "stale timestamp status");
        equal((await refused.json()).errors?.[0]?.code, 135, "X error code for a stale timestamp");
        ok(refused.headers.get("date"), "X sends a Date header to re-sync from");
        // RFC 5849 3.3 lets X refuse a stale timestamp (401 code 135, with Date): on it the client takes the offset from Date and retries once.
        const { client: skewed } = setup(pkg, testing, { client: { now: () => Date.now() - 3_600_000 } });
        equal((await skewed.getRequestToken()).callbackConfirmed, true, "a client an hour behind recovers");
      },
    },
    {
      name: "client errors: NETWORK_ERROR keeps the cause, TIMEOUT fires, a caller's AbortSignal rejects with its reason",
      async run() {
        const { TwitterOAuth, consumer } = setup(pkg, testing);
        const cause = new TypeError("fetch failed");
        const offline = new TwitterOAuth({
          consumerKey: consumer.key,
          consumerSecret: consumer.secret,
          callbackUrl: CALLBACK,
          fetch: async () => {
            throw cause;
          },
        });
        const network = await oauthError(pkg, () => offline.getRequestToken(), "NETWORK_ERROR", "fetch rejects");
        equal(network.cause, cause, "cause");
        // A fetch that never answers and honours its signal, as the real one does.
        const hanging = (_input, init) =>
          new Promise((_, reject) =>
            init?.signal?.addEventListener("abort", () => reject(init.signal.reason), { once: true }),
          );
        const slow = new TwitterOAuth({
          consumerKey: consumer.key,
          consumerSecret: consumer.secret,
          callbackUrl: CALLBACK,
          fetch: hanging,
          timeout: 20,
        });
        await oauthError(pkg, () => slow.getRequestToken(), "TIMEOUT", "timeout");
        const patient = new TwitterOAuth({
          consumerKey: consumer.key,
          consumerSecret: consumer.secret,
          callbackUrl: CALLBACK,
          fetch: hanging,
          timeout: false,
        });
        const controller = new AbortController();
        const reason = new Error("user navigated away");
        const pending = patient.getRequestToken({ signal: controller.signal }).then(
          () => "resolved",
          (error) => error,
        );
        controller.abort(reason);
        equal(await pending, reason, "rejects with the signal's reason");
      },
    },
    {
      name: "a 300 KB 401 (streamed, in memory) settles on every leg: HTTP_ERROR 401; x.fetch gives the Response, whole",
      async run() {
        const { TwitterOAuth, consumer } = setup(pkg, testing);
        const size = 300 * 1024;
        const { errors, response } = await everyLeg(
          pkg,
          TwitterOAuth,
          consumer,
          () => new Response(streamed(ERROR_JSON, size), { status: 401 }),
        );
        for (const error of errors) equal(error.status, 401, `${error.endpoint} status`);
        equal(response.status, 401, "x.fetch status");
        equal(
          (await settles(response.arrayBuffer(), "reading x.fetch's body")).byteLength,
          size,
          "x.fetch body length",
        );
      },
    },
    {
      name: "a 401 body that never ends after the cap settles on every leg; x.fetch hands the Response back",
      async run() {
        const { TwitterOAuth, consumer } = setup(pkg, testing);
        const { errors, response } = await everyLeg(
          pkg,
          TwitterOAuth,
          consumer,
          () => new Response(endless(ERROR_JSON), { status: 401 }),
        );
        for (const error of errors) equal(error.status, 401, `${error.endpoint} status`);
        equal(response.status, 401, "x.fetch status");
        const reader = response.body.getReader();
        equal((await reader.read()).value?.byteLength > 0, true, "x.fetch body starts");
        await reader.cancel();
      },
    },
    {
      name: "a body that errors mid-way (a dropped connection) is NETWORK_ERROR with the cause, on every leg",
      async run() {
        const { TwitterOAuth, consumer } = setup(pkg, testing);
        for (const [status, head] of [
          [200, "oauth_token=a&oauth_token_secret=b"],
          [401, '{"errors":[{"code":32,'],
        ]) {
          const client = new TwitterOAuth({
            consumerKey: consumer.key,
            consumerSecret: consumer.secret,
            callbackUrl: CALLBACK,
            timeout: false,
            fetch: async () => new Response(dropped(head), { status }),
          });
          const pair = { token: "t", tokenSecret: "s" };
          for (const [name, call] of [
            ["getRequestToken", () => client.getRequestToken()],
            ["exchangeVerifier", () => client.exchangeVerifier(pair, "v")],
            ["verifyCredentials", () => client.verifyCredentials(pair)],
          ]) {
            const error = await settles(oauthError(pkg, call, "NETWORK_ERROR", `${name}, HTTP ${status}`), name);
            ok(error.cause instanceof Error, `${name}, HTTP ${status}: the cause is kept`);
          }
        }
      },
    },
    {
      name: "RFC 5849 3.3 and X's Date: a 401 with Date 1900, 9999 or a day off is ignored; the next call signs with the right clock",
      async run() {
        const { fake, TwitterOAuth, consumer } = setup(pkg, testing);
        for (const date of [
          "Mon, 01 Jan 1900 00:00:00 GMT",
          "Fri, 31 Dec 9999 23:59:59 GMT",
          new Date(Date.now() + 25 * 3600_000).toUTCString(),
        ]) {
          let calls = 0;
          const client = new TwitterOAuth({
            consumerKey: consumer.key,
            consumerSecret: consumer.secret,
            callbackUrl: CALLBACK,
            fetch: async (input, init) => {
              if (calls++ > 0) return fake.fetch(new Request(input, init));
              return new Response('{"errors":[{"code":135,"message":"Timestamp out of bounds."}]}', {
                status: 401,
                headers: { date },
              });
            },
          });
          const error = await oauthError(pkg, () => client.getRequestToken(), "HTTP_ERROR", `Date ${date}`);
          equal(error.errors[0]?.code, 135, `Date ${date}: X's code`);
          equal(calls, 1, `Date ${date}: not retried`);
          equal(client.clockOffset, 0, `Date ${date}: clockOffset`);
          equal((await client.getRequestToken()).callbackConfirmed, true, `Date ${date}: the next call works`);
        }
      },
    },
    {
      name: "pathological XML error bodies: 64 KiB of unclosed <error tags, and 2,000 errors, keep at most 10",
      async run() {
        const { TwitterOAuth, consumer } = setup(pkg, testing);
        const answering = (body) =>
          new TwitterOAuth({
            consumerKey: consumer.key,
            consumerSecret: consumer.secret,
            callbackUrl: CALLBACK,
            fetch: async () => new Response(body, { status: 403 }),
          });
        const unclosed = `<errors>${"<error ".repeat(9_000)}`;
        const error = await settles(
          oauthError(pkg, () => answering(unclosed).getRequestToken(), "HTTP_ERROR", "unclosed tags"),
          "unclosed tags",
        );
        deepEqual(error.errors, [], "no error from tags that never close");
        const many = `<errors>${'<error code="7">m</error>'.repeat(2_000)}</errors>`;
        const capped = await oauthError(pkg, () => answering(many).getRequestToken(), "HTTP_ERROR", "2,000 errors");
        equal(capped.errors.length, 10, "errors kept");
      },
    },
    {
      name: "RFC 3986 3.4: the client sends the URL as signed, [ ] | ^ in the query percent-encoded, and the fake X accepts it",
      async run() {
        const { fake, TwitterOAuth, consumer } = setup(pkg, testing);
        const sent = [];
        const client = new TwitterOAuth({
          consumerKey: consumer.key,
          consumerSecret: consumer.secret,
          callbackUrl: CALLBACK,
          fetch: (input, init) => {
            sent.push(String(input));
            return fake.fetch(new Request(input, init));
          },
        });
        const { accessToken } = await signIn(fake, client);
        const response = await client.fetch("/2/users/me?x=a[1]|b^c", { token: accessToken });
        equal(sent.at(-1), "https://api.x.com/2/users/me?x=a%5B1%5D%7Cb%5Ec", "the URL sent");
        equal(response.status, 200, "the signature holds for the encoded URL");
      },
    },
    {
      name: "no redirect is followed: verify_credentials and invalidate_token make a 302 an HTTP_ERROR; x.fetch returns it",
      async run() {
        const { TwitterOAuth, consumer } = setup(pkg, testing);
        const modes = [];
        const client = new TwitterOAuth({
          consumerKey: consumer.key,
          consumerSecret: consumer.secret,
          fetch: async (_input, init) => {
            modes.push(init?.redirect);
            return new Response(null, { status: 302, headers: { location: "https://elsewhere.example/" } });
          },
        });
        const pair = { token: "t", tokenSecret: "s" };
        for (const [name, call] of [
          ["verifyCredentials", () => client.verifyCredentials(pair)],
          ["invalidateToken", () => client.invalidateToken(pair)],
        ]) {
          const error = await oauthError(pkg, call, "HTTP_ERROR", name);
          equal(error.status, 302, `${name} status`);
        }
        equal((await client.fetch("/2/users/me", { token: pair })).status, 302, "x.fetch status");
        deepEqual(modes, ["manual", "manual", "manual"], "fetch was asked not to follow");
      },
    },
    {
      name: "x.fetch signs only for X: another origin, or plain http, is a TypeError before anything is sent",
      async run() {
        const { TwitterOAuth, consumer } = setup(pkg, testing);
        const sent = [];
        const client = new TwitterOAuth({
          consumerKey: consumer.key,
          consumerSecret: consumer.secret,
          allowedOrigins: ["https://upload.twitter.com"],
          fetch: async (input) => {
            sent.push(String(input));
            return new Response("{}");
          },
        });
        const pair = { token: "t", tokenSecret: "s" };
        await typeError(
          () => client.fetch("https://evil.example/2/users/me", { token: pair }),
          /origin/,
          "evil.example",
        );
        await typeError(() => client.fetch("http://api.x.com/2/users/me", { token: pair }), /https/, "plain http");
        deepEqual(sent, [], "nothing sent");
        await client.fetch("https://upload.twitter.com/1.1/media/upload.json", { method: "POST", token: pair });
        deepEqual(sent, ["https://upload.twitter.com/1.1/media/upload.json"], "an allowed origin is signed for");
      },
    },
  ];
}
