// Every wait on a browser or a driver is bounded: a hung engine fails its row or its test with a
// message naming the step, instead of hanging npm test. Two small functions, written here: p-timeout
// and p-wait-for do the same, at a package each for less code than they replace.

/** Resolves or rejects as `promise` does, or rejects after `ms` with "<what> took longer than …". */
export function bounded(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls `check()` every `every` ms until it returns something other than undefined; bounded by `ms`. */
export async function poll(check, { ms, every = 100, what }) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${ms / 1000} s${last ? ` (last error: ${last.message})` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}
