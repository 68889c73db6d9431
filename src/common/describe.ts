/** A short, secret-free name of a value's type for error messages: its typeof, or "null" or "array". @internal */
export function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

/**
 * `text` as a message may quote it: whole when short, else its first 64 characters, "…" and its
 * length. Names, URLs and headers come from callers and servers; one of 1 MiB must not be echoed
 * whole into an error, a log line or an answer.
 * @internal
 */
export function clip(text: string, max = 64): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/**
 * Throws the TypeError of a bad argument: `<name> must be <expected>`, then `, got <its type>`
 * when `got` is given and is not a string (a string's type says nothing: its content was wrong,
 * and it may be a secret, so it is never quoted). One sentence shape for every argument keeps
 * the messages alike and the bundle small; docs/errors.md explains each.
 * @internal
 */
export function badArgument(name: string, expected: string, ...got: [value?: unknown]): never {
  throw new TypeError(
    `${name} must be ${expected}` + (got.length && typeof got[0] !== "string" ? `, got ${describe(got[0])}` : ""),
  );
}

/** `value` when it is a string matching `pattern`; else the TypeError of {@link badArgument}. @internal */
export function matching(value: unknown, pattern: RegExp, name: string, expected: string): string {
  return typeof value === "string" && pattern.test(value) ? value : badArgument(name, expected, value);
}
