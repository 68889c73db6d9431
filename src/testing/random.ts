const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `length` random ASCII letters and digits from `crypto.getRandomValues`, like X's tokens. @internal */
export function randomToken(length: number): string {
  let out = "";
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length + 8));
    for (let i = 0; i < bytes.length && out.length < length; i++) {
      // Rejection sampling: 248 = 4 * 62 keeps every character equally likely.
      if (bytes[i]! < 248) out += ALPHABET[bytes[i]! % 62];
    }
  }
  return out;
}

/** A 7-digit PIN for the out-of-band flow (X docs, PIN-based OAuth: "a ~7 digit PIN"). @internal */
export function randomPin(): string {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  // 1_000_000..9_999_999, so it always has 7 digits; the modulo bias (< 0.3 %) does not matter here.
  return String(1_000_000 + (value! % 9_000_000));
}
