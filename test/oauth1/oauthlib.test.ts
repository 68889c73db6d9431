/**
 * Python's oauthlib (with requests-oauthlib) as a second, independent OAuth 1.0a implementation:
 * a client that signs what we verify, and a strict server (oauthlib's ResourceEndpoint, with
 * every check it makes) that checks what we sign. Needs /usr/bin/python3 with the Debian packages
 * python3-oauthlib and python3-requests-oauthlib; without them the suite is skipped, except in CI,
 * which installs them, where their absence fails the run.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { signRequest, verifySignature } from "../../src/oauth1/index.js";
import { referenceSign } from "../conformance/oracle.js";

const PYTHON = "/usr/bin/python3";
const ORACLE = fileURLToPath(new URL("./fixtures/oauthlib-oracle.py", import.meta.url));

function oauthlibInstalled(): boolean {
  try {
    execFileSync(PYTHON, ["-c", "import oauthlib, requests_oauthlib"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function oracle<T>(command: Record<string, unknown>): T {
  return JSON.parse(execFileSync(PYTHON, [ORACLE], { input: JSON.stringify(command), encoding: "utf8" })) as T;
}

interface ServerVerdict {
  valid: boolean;
  realm: string | null;
  error?: string;
  log?: Record<string, boolean>;
}

// oauthlib's default validator wants keys and tokens of 20 to 30 safe characters.
const credentials = {
  consumerKey: "dpf43f3p2l4k3l03ConsumerKey",
  consumerSecret: "kd94hf93k423kf44",
  token: "nnch734d00sl2jdkAccessToken",
  tokenSecret: "pfkkdhi9sl3r4s00",
};

/** What oauthlib's server makes of a request we signed and sent to `url` with these headers. */
function oauthlibServer(method: string, url: string, authorization: string, body?: string): ServerVerdict {
  const headers: Record<string, string> = { Authorization: authorization };
  if (body !== undefined) headers["Content-Type"] = "application/x-www-form-urlencoded";
  return oracle<ServerVerdict>({ do: "server", ...credentials, method, url, body: body ?? null, headers });
}

const installed = oauthlibInstalled();
const missing = `${PYTHON} lacks oauthlib or requests_oauthlib (apt-get install python3-oauthlib python3-requests-oauthlib)`;

describe("oauthlib is available", () => {
  if (process.env.CI) {
    it("in CI (which installs it)", () => {
      expect(installed, missing).toBe(true);
    });
  } else {
    it.skipIf(!installed)(`here (skipped: ${missing})`, () => {});
  }
});

describe.skipIf(!installed)("oauthlib reads the realm we write (RFC 5849 3.5.1: a quoted-string)", () => {
  // A nonce oauthlib's default check_nonce takes (20 to 30 characters), so only the realm differs.
  const pinned = { nonce: "wIjqoSwIjqoSwIjqoSwIjqoS" };
  for (const realm of ["http://photos.example.net/", "Photos 100% sure", 'say "hi" \\o/']) {
    it(`realm ${JSON.stringify(realm)}: oauthlib reads it back and accepts the signature`, async () => {
      const url = "https://photos.example.net/photos?file=vacation.jpg&size=original";
      const signed = await signRequest({ method: "GET", url }, credentials, { ...pinned, realm });
      const verdict = oauthlibServer("GET", url, signed.authorization);
      expect(verdict.realm).toBe(realm);
      expect(verdict).toMatchObject({ valid: true });
    });
  }
});

describe.skipIf(!installed)(
  "oauthlib's strict server accepts what the oracle (test/conformance/oracle.js) signs",
  () => {
    // The oracle and oauthlib were written apart: agreeing on a realm (a quoted-string, RFC 5849
    // 3.5.1), a form body, a query that needs decoding, and another HMAC is agreeing on the rules.
    const requests = [
      {
        what: "a realm with a space, a quote and a backslash",
        url: "https://photos.example.net/photos?size=original",
        realm: 'Photos "100%" \\o/',
      },
      {
        what: "a form body with + and %2B",
        url: "https://api.example.com/1.1/statuses/update.json?include_entities=true",
        body: "status=a+b%2Bc%21&x=%E2%98%83",
      },
      {
        what: "a query with duplicates, an empty value and a name without =",
        url: "https://api.example.com/x?b=2&a=1&a=10&c=&d",
      },
      { what: "HMAC-SHA256", url: "https://api.example.com/y?q=%7E%20", signatureMethod: "HMAC-SHA256" as const },
    ];
    for (const r of requests) {
      it(r.what, async () => {
        const method = r.body === undefined ? "GET" : "POST";
        const signed = await referenceSign({ method, url: r.url, body: r.body ?? null }, credentials, {
          signatureMethod: r.signatureMethod ?? "HMAC-SHA1",
          nonce: "wIjqoSwIjqoSwIjqoSwIjqoS",
          timestamp: String(Math.floor(Date.now() / 1000)),
          ...(r.realm === undefined ? {} : { realm: r.realm }),
        });
        const verdict = oauthlibServer(method, r.url, signed.authorization, r.body);
        expect(verdict).toMatchObject({ valid: true, realm: r.realm ?? null });
      });
    }
  },
);

describe.skipIf(!installed)("we verify what requests-oauthlib signs with a realm", () => {
  for (const realm of ["Photos 100% sure", "http://photos.example.net/"]) {
    it(`realm ${JSON.stringify(realm)}, a form body and a query`, async () => {
      const sent = oracle<{ url: string; headers: Record<string, string>; body: string | null }>({
        do: "sign",
        ...credentials,
        realm,
        method: "POST",
        url: "https://photos.example.net/photos?file=vacation.jpg",
        body: "status=Hello%20Ladies%20%2B%20Gentlemen",
      });
      expect(sent.headers.Authorization).toContain(`realm="${realm}"`);
      const result = await verifySignature(
        { method: "POST", url: sent.url, authorization: sent.headers.Authorization, body: sent.body },
        credentials,
      );
      expect(result.detail).toBeUndefined();
      expect(result.valid).toBe(true);
    });
  }
});

describe.skipIf(!installed)("a strict server accepts the URL signRequest gives to send (RFC 3986 3.4)", () => {
  // Characters the WHATWG URL parser leaves raw in a query ([ ] { } | ^ \ `) or encodes itself
  // (space, '"', < >, non-ASCII); oauthlib refuses a raw one before checking any signature.
  const url = 'https://api.example.com/1.1/search.json?q=a b|c^d&ids[]=1&x={"k":"<v>"}&t=`x`\\&u=é&p=a+b&e=%26';
  it("oauthlib refuses the URL as given and accepts signed.url with our signature", async () => {
    // A nonce oauthlib's default check_nonce takes (20 to 30 characters), so only the URL matters.
    const signed = await signRequest({ method: "GET", url }, credentials, { nonce: "wIjqoSwIjqoSwIjqoSwIjqoS" });
    const raw = oauthlibServer("GET", new URL(url).href, signed.authorization);
    expect(raw.valid).toBe(false);
    expect(raw.error).toMatch(/invalid characters/);
    expect(oauthlibServer("GET", signed.url, signed.authorization)).toMatchObject({ valid: true });
  });

  it("the signature does not change: the reference signer signs both URLs alike", async () => {
    const options = { signatureMethod: "HMAC-SHA1", nonce: "abc", timestamp: "1" } as const;
    const signed = await signRequest({ method: "GET", url }, credentials, options);
    const original = await referenceSign({ method: "GET", url: new URL(url).href }, credentials, options);
    const resent = await referenceSign({ method: "GET", url: signed.url }, credentials, options);
    expect(resent.signature).toBe(original.signature);
    expect(signed.signature).toBe(original.signature);
  });
});

describe.skipIf(!installed)("oauthlib's server takes our default nonce (its check_nonce: 20 to 30 characters)", () => {
  it("a request signed with every default passes every check", async () => {
    const url = "https://api.example.com/1.1/account/verify_credentials.json";
    const signed = await signRequest({ method: "GET", url }, credentials);
    expect(oauthlibServer("GET", url, signed.authorization)).toMatchObject({ valid: true });
  });
});
