/** A short, secret-free description of a value's type for error messages. @internal */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}

/** The most characters of its input a message quotes. */
const MAX_QUOTED = 64;

/**
 * `text` as a message may quote it: whole when short, else its first 64 characters, "…" and its
 * length. Names, URLs and headers come from callers and servers; one of 1 MiB must not be echoed
 * whole into an error, a log line or an answer.
 * @internal
 */
export function clip(text: string, max: number = MAX_QUOTED): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
