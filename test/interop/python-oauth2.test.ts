// X's OAuth 2.0 driven from another language: a Python script with the standard library only
// (oauth2_urllib_flow.py) signs in with PKCE, refreshes, revokes and runs X's token exchange against
// the fake X started by the command, building each request as docs.x.com shows it.
import { join } from "node:path";
import { x } from "tinyexec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeXProcess, startFakeX } from "../cli/fake-x-process.js";

// Debian's Python; the script needs nothing beyond its standard library.
const PYTHON = "/usr/bin/python3";
async function canRun(): Promise<boolean> {
  try {
    return (await x(PYTHON, ["-c", "import urllib.request"], { throwOnError: false })).exitCode === 0;
  } catch {
    return false;
  }
}
const available = await canRun();
if (!available && process.env.CI) throw new Error(`${PYTHON} is missing: install python3`);

let fakeX: FakeXProcess;
beforeAll(async () => {
  if (available) fakeX = await startFakeX();
});
afterAll(() => fakeX?.stop());

/** A `NAME=value` line the command printed (the OAuth 2.0 client is printed as X_CLIENT_ID/SECRET). */
function printed(name: string): string {
  return new RegExp(`${name}=(\\S+)`).exec(fakeX.output())![1]!;
}

const refused = (error: string, status = 400) => ({ status, error });

describe.skipIf(!available)("Python urllib (X's OAuth 2.0 by hand) against twitter-oauth1 fake-x", () => {
  it("PKCE sign-in, refresh, revoke, the token exchange with rotation, and every documented failure", async () => {
    const script = join(import.meta.dirname, "oauth2_urllib_flow.py");
    const args = [fakeX.baseUrl, fakeX.consumerKey, fakeX.consumerSecret, printed("X_CLIENT_ID")];
    const run = await x(PYTHON, [script, ...args, printed("X_CLIENT_SECRET")], {
      throwOnError: false,
      timeout: 60_000,
    });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      authorize_page: { status: 200, type: "text/html; charset=utf-8" },
      callback: { to: "http://127.0.0.1:8080/callback", state_kept: true },
      code_grant: {
        status: 200,
        token_type: "bearer",
        expires_in: 7200,
        scope: "tweet.read users.read offline.access",
        cache_control: "no-store",
      },
      me: { status: 200, username: "fake_user" },
      // RFC 6749 4.1.2: a code is single use; RFC 7636 4.6: the verifier must match the challenge;
      // RFC 6749 4.1.3: redirect_uri must be the authorization request's.
      code_reused: refused("invalid_grant"),
      wrong_verifier: refused("invalid_grant"),
      changed_redirect_uri: refused("invalid_grant"),
      cancel: true,
      refresh: { status: 200, new_refresh_token: true, me: 200 },
      expired: { me: 401, refresh: 200, me_renewed: 200 },
      refresh_reused: refused("invalid_grant"),
      revoke: { status: 200, body: { revoked: true }, me_after: 401 },
      exchange: {
        status: 200,
        token_type: "bearer",
        expires_in: 7200,
        offline_access: true,
        rate_limit: "10000",
        me: 200,
      },
      // X: a new exchange invalidates the pair issued before, whether it was refreshed or not.
      rotation_unrefreshed: { first_me: 401, first_refresh: refused("invalid_grant"), second_me: 200 },
      rotation_refreshed: { refreshed_me: 401, refreshed_refresh: refused("invalid_grant"), third_me: 200 },
      exchange_subset: "tweet.read users.read offline.access",
      invalid_request: refused("invalid_request"),
      invalid_grant: refused("invalid_grant"),
      unsupported_grant_type: refused("unsupported_grant_type"),
      invalid_scope: refused("invalid_scope"),
      invalid_client: refused("invalid_client"),
      unauthorized_client: refused("unauthorized_client"),
      rate_limited: { ...refused("rate_limited", 429), limit: "10000", remaining: "0", reset_in_about_60s: true },
      temporarily_unavailable: refused("temporarily_unavailable", 503),
      control_cross_site: 403,
      control_foreign_host: 403,
    });
  });
});
