// Sealed request-token state (sealRequestToken / unsealRequestToken) on this runtime's AES-GCM and
// HKDF: a round trip, cookie-safe output, and WebCrypto refusing a tampered, truncated or foreign
// value. Expiry, the limits and argument errors are logic, owned by test/twitter/sealed-state.test.ts.
import { deepEqual, excludes, match, notEqual, oauthError } from "../assert.js";
import { need } from "./client.js";

const SECRET = "a-cookie-sealing-secret-of-at-least-32-chars";
const TOKEN = {
  token: "Z6eEdO8MOmk394WozF5oKyuAv855l4Mlqo7hhlSLik",
  tokenSecret: "Kd75W4OQfb2oJTV0vzGzeXftVAwgMnEK9MumzYcM",
  callbackConfirmed: true,
};

function flip(text, at) {
  const i = ((at % text.length) + text.length) % text.length;
  const c = text[i];
  return text.slice(0, i) + (c === "A" ? "B" : "A") + text.slice(i + 1);
}

/** @returns the named cases for sealed state. */
export function stateCases(pkg) {
  return [
    {
      name: "sealRequestToken / unsealRequestToken: round trip, cookie-safe, secret not readable, fresh IV per seal",
      async run() {
        const seal = need(pkg, "sealRequestToken", "dist/index.js");
        const unseal = need(pkg, "unsealRequestToken", "dist/index.js");
        const sealed = await seal(TOKEN, SECRET);
        // RFC 6265 4.1.1 cookie-octet: no whitespace, DQUOTE, comma, semicolon or backslash.
        match(sealed, /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/, "sealed value is a cookie-octet string");
        excludes(sealed, TOKEN.tokenSecret, "sealed value");
        deepEqual(await unseal(sealed, SECRET), TOKEN, "unsealed token");
        deepEqual(await unseal(sealed, SECRET, { maxAgeSeconds: 600 }), TOKEN, "unsealed within maxAgeSeconds");
        notEqual(await seal(TOKEN, SECRET), sealed, "a second seal of the same token");
      },
    },
    {
      name: "unsealRequestToken: a tampered, truncated or foreign value is INVALID_STATE",
      async run() {
        const seal = need(pkg, "sealRequestToken", "dist/index.js");
        const unseal = need(pkg, "unsealRequestToken", "dist/index.js");
        const sealed = await seal(TOKEN, SECRET);
        // Not the last character: in unpadded base64url its lowest bits may be padding (RFC 4648 3.5).
        for (const at of [0, 5, Math.floor(sealed.length / 2), -3, -2]) {
          await oauthError(
            pkg,
            () => unseal(flip(sealed, at), SECRET),
            "INVALID_STATE",
            `one character changed at ${at}`,
          );
        }
        await oauthError(pkg, () => unseal(sealed.slice(0, -4), SECRET), "INVALID_STATE", "truncated");
        await oauthError(pkg, () => unseal("", SECRET), "INVALID_STATE", "empty");
        await oauthError(pkg, () => unseal('not;a"cookie', SECRET), "INVALID_STATE", "garbage");
        const error = await oauthError(
          pkg,
          () => unseal(sealed, SECRET.replace("a-", "b-")),
          "INVALID_STATE",
          "another secret",
        );
        excludes(error.message + JSON.stringify(error), SECRET, "INVALID_STATE error");
      },
    },
  ];
}
