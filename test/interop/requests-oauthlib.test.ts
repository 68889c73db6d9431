// Python's requests-oauthlib against the fake X started by the command: a test in another language
// drives a whole sign-in with plain HTTP calls, the control API standing in for the user.
import { join } from "node:path";
import { x } from "tinyexec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeXProcess, startFakeX } from "../cli/fake-x-process.js";

// Debian's Python, where python3-requests-oauthlib is installed (.ci/run installs it when missing).
const PYTHON = "/usr/bin/python3";
async function canImport(): Promise<boolean> {
  try {
    return (await x(PYTHON, ["-c", "import requests, requests_oauthlib"], { throwOnError: false })).exitCode === 0;
  } catch {
    return false;
  }
}
const available = await canImport();
if (!available && process.env.CI) {
  throw new Error(
    `${PYTHON} cannot import requests and requests_oauthlib: install python3-requests-oauthlib (.ci/run does)`,
  );
}

let fakeX: FakeXProcess;
beforeAll(async () => {
  if (available) fakeX = await startFakeX();
});
afterAll(() => fakeX?.stop());

describe.skipIf(!available)("requests-oauthlib (Python) against twitter-oauth1 fake-x", () => {
  it("request token, /_fake/approve, access token and a signed API call; tampered requests get 401 code 32", async () => {
    const script = join(import.meta.dirname, "requests_oauthlib_flow.py");
    const run = await x(PYTHON, [script, fakeX.baseUrl, fakeX.consumerKey, fakeX.consumerSecret], {
      throwOnError: false,
      timeout: 60_000,
    });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      callback_confirmed: "true",
      screen_name: "fake_user",
      verify_credentials: { status: 200, screen_name: "fake_user", rate_limit: "75" },
      wrong_secret: { status: 401, body: { errors: [{ code: 32, message: "Could not authenticate you." }] } },
      wrong_token_secret: { status: 401, body: { errors: [{ code: 32, message: "Could not authenticate you." }] } },
    });
  });
});
