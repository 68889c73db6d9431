// Linearity measured as work, not time: a clock on a shared machine reads load as much as code.
// While one synchronous call runs, the string and RegExp built-ins are wrapped to count the
// characters they handle, and the total is the call's work. Per call:
// - charCodeAt, charAt, codePointAt, at: 1 (a character looked at);
// - indexOf, lastIndexOf, includes: the characters between where the search began and where it
//   stopped (the match's end, or the end of the text when nothing was found);
// - startsWith, endsWith: the length compared;
// - slice, substring, substr, toLowerCase, toUpperCase: the characters produced;
// - trim, trimStart, trimEnd: the characters removed, plus one per end;
// - RegExp exec, which test, match, matchAll, replace, split and search reach once exec is not
//   the built-in: from where the search began (lastIndex for a global or sticky RegExp, else 0) to
//   the match's end, or to the end of the text when nothing matched (one for a sticky miss);
// - JSON.parse: the length of its text.
// A parser that scans its input again from each position shows its square here exactly as it does
// on a clock. What is not seen: backtracking inside one RegExp search (counted once, as a scan).
// Everything is restored before the call's result is returned.

type Counter = (self: string, args: unknown[], result: unknown) => number;

const length = (value: unknown): number => (typeof value === "string" ? value.length : 0);
const from = (args: unknown[], fallback: number): number =>
  typeof args[1] === "number" ? Math.max(0, Math.trunc(args[1])) : fallback;

const STRING_COUNTERS: Record<string, Counter> = {
  charCodeAt: () => 1,
  charAt: () => 1,
  codePointAt: () => 1,
  at: () => 1,
  indexOf: (self, args, result) => {
    const start = from(args, 0);
    return Math.max(1, (result as number) < 0 ? self.length - start : (result as number) + length(args[0]) - start);
  },
  includes: (self, args, result) => Math.max(1, result ? length(args[0]) : self.length - from(args, 0)),
  lastIndexOf: (self, args, result) => Math.max(1, from(args, self.length) - Math.max(0, result as number)),
  startsWith: (_self, args) => Math.max(1, length(args[0])),
  endsWith: (_self, args) => Math.max(1, length(args[0])),
  slice: (_self, _args, result) => length(result),
  substring: (_self, _args, result) => length(result),
  substr: (_self, _args, result) => length(result),
  toLowerCase: (_self, _args, result) => length(result),
  toUpperCase: (_self, _args, result) => length(result),
  trim: (self, _args, result) => self.length - length(result) + 2,
  trimStart: (self, _args, result) => self.length - length(result) + 1,
  trimEnd: (self, _args, result) => self.length - length(result) + 1,
};

/** The work `run` does on strings, as counted above, and what it returned. */
export function stringWork<T>(run: () => T): { work: number; result: T } {
  let work = 0;
  const restore: Array<() => void> = [];
  const wrap = (target: object, name: string, count: Counter): void => {
    const original = Reflect.get(target, name) as (...args: unknown[]) => unknown;
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      const result = original.apply(this, args);
      work += count(String(this), args, result);
      return result;
    };
    Object.defineProperty(target, name, { value: wrapped, writable: true, configurable: true });
    restore.push(() => Object.defineProperty(target, name, { value: original, writable: true, configurable: true }));
  };
  for (const [name, count] of Object.entries(STRING_COUNTERS)) wrap(String.prototype, name, count);
  const exec = RegExp.prototype.exec;
  Object.defineProperty(RegExp.prototype, "exec", {
    value: function (this: RegExp, text: string): RegExpExecArray | null {
      const start = this.global || this.sticky ? this.lastIndex : 0;
      const match = exec.call(this, text);
      const input = String(text);
      work += match ? Math.max(1, match.index + match[0].length - start) : this.sticky ? 1 : input.length - start;
      return match;
    },
    writable: true,
    configurable: true,
  });
  restore.push(() =>
    Object.defineProperty(RegExp.prototype, "exec", { value: exec, writable: true, configurable: true }),
  );
  const parse = JSON.parse;
  JSON.parse = (text: string, reviver?: (key: string, value: unknown) => unknown): unknown => {
    work += length(text);
    return parse(text, reviver);
  };
  restore.push(() => {
    JSON.parse = parse;
  });
  try {
    const result = run();
    return { work, result };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}

/**
 * How much more work `parse` does on `make(large)` than on `make(small)`: about large / small when
 * the work is linear in the input, about its square when quadratic.
 */
export function workGrowth(
  parse: (input: string) => unknown,
  make: (size: number) => string,
  small: number,
  large: number,
): number {
  const a = make(small);
  const b = make(large);
  return stringWork(() => parse(b)).work / Math.max(1, stringWork(() => parse(a)).work);
}
