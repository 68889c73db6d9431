/**
 * Property-based tests (fast-check, fixed seeds) of the pieces RFC 5849 defines exactly:
 * percent-encoding (3.6), normalization (3.4.1.3.2) and the Authorization header (3.5.1).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildAuthorizationHeader,
  normalizeParameters,
  parseAuthorizationHeader,
  percentEncode,
} from "../../src/oauth1/index.js";
import { referenceNormalize } from "../conformance/oracle.js";

const settings = { seed: 5849, numRuns: 1_000 };

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
  fc.string({ unit: "binary-ascii", maxLength: 20 }),
);

describe("RFC 5849 3.6 percent-encoding", () => {
  it("leaves exactly A-Z a-z 0-9 - . _ ~ unencoded among U+0000 to U+00FF (exhaustive)", () => {
    for (let code = 0; code <= 0xff; code++) {
      const c = String.fromCharCode(code);
      const encoded = percentEncode(c);
      if (UNRESERVED.test(c)) expect(encoded).toBe(c);
      else expect(encoded).toMatch(/^(%[0-9A-F]{2})+$/);
    }
  });

  it("writes only unreserved characters and %XX with uppercase hex, never escapes an unreserved octet, and decodes back", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const encoded = percentEncode(input);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
        for (const [, hex] of encoded.matchAll(/%([0-9A-F]{2})/g)) {
          expect(UNRESERVED.test(String.fromCharCode(parseInt(hex!, 16)))).toBe(false);
        }
        expect(decodeURIComponent(encoded)).toBe(input);
      }),
      settings,
    );
  });

  it("throws a TypeError (never a URIError) for a lone surrogate anywhere in the text", () => {
    // A surrogate put between two well-formed strings stays lone: a binary string never ends
    // with a high surrogate nor starts with a low one.
    const lone = fc
      .tuple(
        fc.string({ unit: "binary", maxLength: 6 }),
        fc.integer({ min: 0xd800, max: 0xdfff }),
        fc.string({ unit: "binary", maxLength: 6 }),
      )
      .map(([before, code, after]) => before + String.fromCharCode(code) + after);
    fc.assert(
      fc.property(lone, (input) => {
        expect(() => percentEncode(input)).toThrow(TypeError);
        expect(() => percentEncode(input)).toThrow(/^percentEncode: value must be well-formed UTF-16$/);
        expect(() => normalizeParameters([["name", input]])).toThrow(TypeError);
        expect(() => normalizeParameters([[input, "value"]])).toThrow(TypeError);
      }),
      settings,
    );
  });
});

describe("RFC 5849 3.4.1.3.2 normalization", () => {
  const pairs = fc.array(fc.tuple(fc.oneof(fc.constantFrom("a", "b", "A", "a~", "aé"), anyText), anyText), {
    maxLength: 8,
  });

  it("does not depend on the order the parameters arrive in", () => {
    const shuffled = pairs.chain((list) =>
      fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
    );
    fc.assert(
      fc.property(shuffled, ([list, permuted]) => {
        expect(normalizeParameters(permuted)).toBe(normalizeParameters(list));
      }),
      settings,
    );
  });

  it("agrees with the reference normalizer (test/conformance/oracle.js) and leaves oauth_signature out", () => {
    fc.assert(
      fc.property(pairs, fc.boolean(), (list, withSignature) => {
        const input: Array<[string, string]> = withSignature ? [...list, ["oauth_signature", "x"]] : list;
        expect(normalizeParameters(input)).toBe(referenceNormalize(input));
      }),
      settings,
    );
  });
});

describe("RFC 5849 3.5.1 Authorization header: build then parse", () => {
  // "realm" is the header's own attribute, not a parameter name (RFC 5849 3.5.1).
  const name = fc
    .oneof(fc.constantFrom("oauth_consumer_key", "oauth_signature", "oauth_nonce"), anyText)
    .filter((n) => n !== "" && n !== "realm");
  const params = fc.uniqueArray(fc.tuple(name, anyText), { selector: ([n]) => n, maxLength: 6 });
  // RFC 5849 3.5.1: the realm is an HTTP quoted-string, so printable ASCII and tabs, '"' and "\\" often.
  const realmText = fc.string({
    unit: fc.oneof(
      fc.constantFrom('"', "\\", "%", " ", "\t", ",", "="),
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    ),
    maxLength: 20,
  });
  const realm = fc.option(realmText, { nil: undefined });
  /** The realm item as RFC 9110 5.6.4 writes a quoted-string: a backslash before '"' and "\\". */
  const quoted = (r: string): string => `realm="${r.replace(/["\\]/g, (c) => "\\" + c)}"`;
  // Whitespace a proxy or client may put between tokens, with obsolete line folding (RFC 9110 5.6.3, RFC 5322 folding).
  const ws = fc.array(fc.constantFrom(" ", "\t", "\r\n ", "\r\n\t"), { maxLength: 3 }).map((parts) => parts.join(""));
  const schemeCase = fc
    .array(fc.boolean(), { minLength: 5, maxLength: 5 })
    .map((upper) => [..."oauth"].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));

  const toRecord = (list: Array<[string, string]>): Record<string, string> => {
    const record: Record<string, string> = {};
    for (const [n, v] of list)
      Object.defineProperty(record, n, { value: v, enumerable: true, writable: true, configurable: true });
    return record;
  };
  const sortedEntries = (record: Record<string, string>): Array<[string, string]> =>
    Object.keys(record)
      .sort()
      .map((n) => [n, record[n]!]);

  it("is the identity, with and without realm", () => {
    fc.assert(
      fc.property(params, realm, (list, r) => {
        const parsed = parseAuthorizationHeader(buildAuthorizationHeader(toRecord(list), r));
        expect(parsed.realm).toBe(r);
        expect(sortedEntries(parsed.params)).toEqual(sortedEntries(toRecord(list)));
      }),
      settings,
    );
  });

  it("refuses a realm with a character a quoted-string (through fetch) cannot carry", () => {
    const outside = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((c) => c !== 0x09 && (c < 0x20 || c > 0x7e) && (c < 0xd800 || c > 0xdfff))
      .map((c) => String.fromCodePoint(c));
    fc.assert(
      fc.property(realmText, outside, realmText, (before, bad, after) => {
        expect(() => buildAuthorizationHeader({}, before + bad + after)).toThrow(/^buildAuthorizationHeader: realm /);
      }),
      settings,
    );
  });

  it('refuses a parameter named "realm" or an empty name, which would not read back (RFC 5849 3.5.1)', () => {
    fc.assert(
      fc.property(params, fc.constantFrom("realm", ""), anyText, realm, (list, bad, value, r) => {
        const record = toRecord([...list, [bad, value]]);
        expect(() => buildAuthorizationHeader(record, r)).toThrow(TypeError);
        expect(() => buildAuthorizationHeader(record, r)).toThrow(/^buildAuthorizationHeader: params must not hold/);
      }),
      settings,
    );
  });

  it("is the identity with arbitrary whitespace and line folding between tokens, and the scheme in any case", () => {
    const arbitrary = fc.tuple(params, realm).chain(([list, r]) => {
      const tokens = list.length + (r === undefined ? 0 : 1);
      return fc.tuple(
        fc.constant(list),
        fc.constant(r),
        fc.array(ws, { minLength: 4 * tokens + 4, maxLength: 4 * tokens + 4 }),
        ws.map((w) => (w === "" ? " " : w)),
        schemeCase,
      );
    });
    fc.assert(
      fc.property(arbitrary, ([list, r, spaces, afterScheme, scheme]) => {
        const built = buildAuthorizationHeader(toRecord(list), r);
        expect(built.startsWith("OAuth ")).toBe(true);
        let rest = built.slice("OAuth ".length);
        // The realm comes first, quoted; the encoded names and values after it hold no space,
        // comma, "=" or quote, so ", " and '="' split them safely.
        const items: string[] = [];
        if (r !== undefined) {
          expect(rest.startsWith(quoted(r))).toBe(true);
          items.push(quoted(r));
          rest = rest.slice(quoted(r).length + (list.length === 0 ? 0 : 2));
        }
        if (rest !== "") items.push(...rest.split(", "));
        let i = 0;
        const next = (): string => spaces[i++]!;
        const refolded =
          next() +
          scheme +
          afterScheme +
          items
            .map((item) => {
              const at = item.indexOf('="');
              return item.slice(0, at) + next() + "=" + next() + item.slice(at + 1);
            })
            .join(next() + "," + next()) +
          next();
        const parsed = parseAuthorizationHeader(refolded);
        expect(parsed.realm).toBe(r);
        expect(sortedEntries(parsed.params)).toEqual(sortedEntries(toRecord(list)));
      }),
      settings,
    );
  });
});
