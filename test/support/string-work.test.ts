// The work counter behind the linearity tests (string-work.ts): what it counts per built-in call,
// and that it leaves the built-ins as they were, even when the call throws.
import { describe, expect, it } from "vitest";
import { stringWork, workGrowth } from "./string-work.js";

const text = "abcdefghij"; // 10 characters

describe("stringWork counts the characters the built-ins handle", () => {
  it("a character looked at is 1; a search is the span it scanned; a copy is its length", () => {
    expect(stringWork(() => text.charCodeAt(3)).work).toBe(1);
    expect(stringWork(() => text.indexOf("d")).work).toBe(4); // a..d
    expect(stringWork(() => text.indexOf("d", 2)).work).toBe(2); // c..d
    expect(stringWork(() => text.indexOf("z")).work).toBe(10); // to the end, nothing found
    expect(stringWork(() => text.slice(2, 5)).work).toBe(3);
    expect(stringWork(() => `  ${text} `.trim()).work).toBe(5); // 3 removed, plus one per end
    expect(stringWork(() => JSON.parse('{"a":1}')).work).toBe(7);
  });

  it("a RegExp search counts from where it began, through replace and test as well", () => {
    expect(stringWork(() => /e/.exec(text)).work).toBe(5);
    expect(stringWork(() => /z/.test(text)).work).toBe(10);
    // A global replace: the matches "c" (1..3) and "h" (4..8), then a miss from 8 to the end (2).
    expect(stringWork(() => text.replace(/[ch]/g, "")).work).toBe(3 + 5 + 2);
  });

  it("the same work twice for twice the input when it is linear, four times when quadratic", () => {
    const linear = (input: string): number => input.indexOf("x");
    const quadratic = (input: string): number => {
      let n = 0;
      for (let i = 0; i < input.length; i++) n += input.indexOf("x", i);
      return n;
    };
    expect(workGrowth(linear, (size) => "a".repeat(size), 1_000, 2_000)).toBe(2);
    expect(workGrowth(quadratic, (size) => "a".repeat(size), 1_000, 2_000)).toBeCloseTo(4, 1);
  });

  it("hands back the result and restores every built-in, also when the call throws", () => {
    const builtIns = [String.prototype.indexOf, String.prototype.charCodeAt, RegExp.prototype.exec, JSON.parse];
    expect(stringWork(() => text.toUpperCase()).result).toBe("ABCDEFGHIJ");
    expect(() =>
      stringWork(() => {
        throw new Error("inside");
      }),
    ).toThrow("inside");
    expect([String.prototype.indexOf, String.prototype.charCodeAt, RegExp.prototype.exec, JSON.parse]).toEqual(
      builtIns,
    );
    expect(stringWork(() => undefined).work).toBe(0);
  });
});
