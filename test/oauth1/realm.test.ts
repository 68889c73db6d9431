/**
 * RFC 5849 3.5.1: the realm of the Authorization header is "interpreted per RFC 2617 section 1.2",
 * an HTTP quoted-string (RFC 9110 5.6.4), not a percent-encoded value as the oauth_* parameters
 * are. It is written with `"` and `\` escaped by a backslash, read back with those quoted-pairs
 * unescaped and nothing percent-decoded, and a realm a quoted-string cannot carry is refused.
 * The expected headers below are written out by hand from those rules.
 */
import { describe, expect, it } from "vitest";
import {
  buildAuthorizationHeader,
  parseAuthorizationHeader,
  signRequest,
  verifySignature,
} from "../../src/oauth1/index.js";

const request = { method: "GET", url: "http://photos.example.net/photos?file=vacation.jpg&size=original" };
// RFC 5849 1.2 credentials (protected resource request).
const credentials = {
  consumerKey: "dpf43f3p2l4k3l03",
  consumerSecret: "kd94hf93k423kf44",
  token: "nnch734d00sl2jdk",
  tokenSecret: "pfkkdhi9sl3r4s00",
};
const pinned = { nonce: "chapoH", timestamp: 137131202 };

async function realmPart(realm: string): Promise<string> {
  const { authorization } = await signRequest(request, credentials, { ...pinned, realm });
  const end = authorization.indexOf('", oauth_');
  return authorization.slice(0, end + 1);
}

describe("RFC 5849 3.5.1 realm written as a quoted-string", () => {
  it('a URL realm is written as is: realm="http://photos.example.net/"', async () => {
    expect(await realmPart("http://photos.example.net/")).toBe('OAuth realm="http://photos.example.net/"');
  });

  it('"%", spaces and other visible ASCII are written as is', async () => {
    expect(await realmPart("Photos 100% sure, ok=yes")).toBe('OAuth realm="Photos 100% sure, ok=yes"');
  });

  it('"\\"" and "\\\\" are escaped with a backslash (quoted-pair)', async () => {
    expect(await realmPart('say "hi" \\o/')).toBe('OAuth realm="say \\"hi\\" \\\\o/"');
    expect(buildAuthorizationHeader({ oauth_nonce: "a b" }, 'a"b')).toBe('OAuth realm="a\\"b", oauth_nonce="a%20b"');
  });

  it('an empty realm is written as realm=""', async () => {
    expect(buildAuthorizationHeader({}, "")).toBe('OAuth realm=""');
  });

  it("the realm is still not signed (RFC 5849 3.4.1.3.1): the signature is the same without it", async () => {
    const withRealm = await signRequest(request, credentials, { ...pinned, realm: 'Photos "quoted" 100%' });
    const without = await signRequest(request, credentials, pinned);
    expect(withRealm.signature).toBe(without.signature);
    expect(withRealm.baseString).toBe(without.baseString);
  });

  for (const [what, realm] of [
    ["CR", "a\rb"],
    ["LF", "a\nb"],
    ["NUL", "a\u0000b"],
    ["DEL", "a\u007fb"],
    ["a non-ASCII character", "café"],
    ["a lone surrogate", "\udfff"],
  ] as const) {
    it(`a realm with ${what} is a TypeError naming options.realm`, async () => {
      await expect(signRequest(request, credentials, { ...pinned, realm })).rejects.toThrow(/^options\.realm /);
      expect(() => buildAuthorizationHeader({}, realm)).toThrow(/^buildAuthorizationHeader: realm /);
    });
  }

  it("a tab is allowed (HTAB is qdtext)", () => {
    expect(buildAuthorizationHeader({}, "a\tb")).toBe('OAuth realm="a\tb"');
  });
});

describe("RFC 5849 3.5.1 realm read back as a quoted-string", () => {
  it("quoted-pairs are unescaped and nothing is percent-decoded", () => {
    expect(parseAuthorizationHeader('OAuth realm="a%20b \\"c\\" \\\\ \\d", oauth_nonce="a%20b"')).toEqual({
      realm: 'a%20b "c" \\ d',
      params: { oauth_nonce: "a b" },
    });
  });

  it("a realm with a lone % reads back as written", () => {
    expect(parseAuthorizationHeader('OAuth realm="Photos 100% sure"').realm).toBe("Photos 100% sure");
  });

  it("an unquoted (token) realm is read as is", () => {
    expect(parseAuthorizationHeader("OAuth realm=Photos%41").realm).toBe("Photos%41");
  });

  it("what is written reads back, for every printable ASCII character", () => {
    let all = "";
    for (let code = 0x20; code < 0x7f; code++) all += String.fromCharCode(code);
    expect(parseAuthorizationHeader(buildAuthorizationHeader({ oauth_nonce: "n" }, all)).realm).toBe(all);
  });

  it('verifySignature accepts a legal realm="Photos 100% sure" (as requests-oauthlib sends it)', async () => {
    const { authorization } = await signRequest(request, credentials, pinned);
    const withRealm = authorization.replace("OAuth ", 'OAuth realm="Photos 100% sure", ');
    const result = await verifySignature({ ...request, authorization: withRealm }, credentials);
    expect(result.detail).toBeUndefined();
    expect(result.valid).toBe(true);
  });
});
