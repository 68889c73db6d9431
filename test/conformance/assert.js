// A tiny assert for the conformance suite: web globals only, so it runs unchanged in Node, Deno,
// Bun, workerd and a browser page. Each failure is an Error whose message says what differed.

/** Thrown by every assertion below; the runner reports its message. */
export class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = "AssertionError";
  }
}

function show(value) {
  if (typeof value === "string") return JSON.stringify(value.length > 400 ? value.slice(0, 400) + "…" : value);
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 400 ? text.slice(0, 400) + "…" : text;
  } catch {
    return String(value);
  }
}

/** Fails unless `condition` is truthy. */
export function ok(condition, message) {
  if (!condition) throw new AssertionError(message);
}

/** Strict equality (Object.is). */
export function equal(actual, expected, what = "value") {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Fails when the two are equal. */
export function notEqual(actual, unexpected, what = "value") {
  if (Object.is(actual, unexpected)) throw new AssertionError(`${what}: must not be ${show(unexpected)}`);
}

function same(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}

/** Deep equality of plain data (objects, arrays, primitives); key order does not matter. */
export function deepEqual(actual, expected, what = "value") {
  if (!same(actual, expected)) {
    throw new AssertionError(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Fails unless `text` matches `pattern`. */
export function match(text, pattern, what = "value") {
  if (typeof text !== "string" || !pattern.test(text)) {
    throw new AssertionError(`${what}: expected to match ${pattern}, got ${show(text)}`);
  }
}

/** Fails when `text` contains `needle` (used to prove secrets stay out of messages). */
export function excludes(text, needle, what = "text") {
  if (String(text).includes(needle)) throw new AssertionError(`${what} contains a value it must not show`);
}

async function caught(action) {
  try {
    await action();
  } catch (error) {
    return { error };
  }
  return undefined;
}

/** Runs `action` (sync or async) and returns what it threw; fails when it did not throw. */
export async function throwsAsync(action, what = "call") {
  const result = await caught(action);
  if (result === undefined) throw new AssertionError(`${what}: expected an error, but it succeeded`);
  return result.error;
}

/** Expects a TypeError whose message matches `pattern` (rule: a TypeError names the bad argument). */
export async function typeError(action, pattern, what = "call") {
  const error = await throwsAsync(action, what);
  if (!(error instanceof TypeError)) {
    throw new AssertionError(`${what}: expected a TypeError, got ${error?.name}: ${error?.message}`);
  }
  if (pattern) match(error.message, pattern, `${what}: TypeError message`);
  return error;
}

/** Expects a TwitterOAuthError with `code` (checked through the package's own guard). */
export async function oauthError(pkg, action, code, what = "call") {
  const error = await throwsAsync(action, what);
  if (!pkg.isTwitterOAuthError(error)) {
    throw new AssertionError(`${what}: expected a TwitterOAuthError ${code}, got ${error?.name}: ${error?.message}`);
  }
  equal(error.code, code, `${what}: error.code`);
  ok(typeof error.message === "string" && error.message.length > 0, `${what}: the error has no message`);
  return error;
}

/** Fails the case when `promise` has not settled within `ms` (a hang), instead of stalling the run. */
export async function settles(promise, what, ms = 5_000) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: did not settle within ${ms} ms (a hang)`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
