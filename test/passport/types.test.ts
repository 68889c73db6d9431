// The published types of twitter-oauth1/passport: dist/passport.d.ts (and .d.cts) import neither
// passport nor express nor Node's types, and type-check in a project that has none of them; in a
// project that has @types/passport and @types/express, `passport.use(new Strategy(…))` type-checks
// with every verify form passport-twitter's users write. Needs dist/ (npm test builds first).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dir = join(root, ".tmp", `passport-types-${process.pid}`);

beforeAll(() => mkdirSync(dir, { recursive: true }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(files: Record<string, string>, options: ts.CompilerOptions): { errors: string[]; loaded: string[] } {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const program = ts.createProgram(
    Object.keys(files).map((name) => join(dir, name)),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noEmit: true,
      ...options,
    },
  );
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  return { errors, loaded: program.getSourceFiles().map((file) => file.fileName) };
}

describe("dist/passport.d.ts", () => {
  it("imports only this package's own declaration files", () => {
    const dist = join(root, "dist");
    for (const file of readdirSync(dist).filter((name) => /^passport\.d\.c?ts$/.test(name))) {
      const imports = [...readFileSync(join(dist, file), "utf8").matchAll(/^import .* from ['"]([^'"]+)['"]/gm)].map(
        (match) => match[1],
      );
      expect(
        imports.every((target) => target!.startsWith("./")),
        `${file}: ${imports.join(", ")}`,
      ).toBe(true);
    }
  });

  it("type-checks with no @types at all (no passport, express or node), ESM and CJS", { timeout: 90_000 }, () => {
    const consumer = (from: string) => `import { Strategy, TwitterStrategy, type Profile } from "${from}";
const strategy = new Strategy(
  { consumerKey: "k", consumerSecret: "s", callbackURL: "/auth/twitter/callback", cookieSecret: "x".repeat(32) },
  (token, tokenSecret, profile: Profile, done) => done(null, { id: profile.id, token, tokenSecret }),
);
const name: string = strategy.name;
new TwitterStrategy({ consumerKey: "k", consumerSecret: "s", callbackURL: "/cb", passReqToCallback: true },
  (req, token, tokenSecret, profile, done) => done(null, profile.username));
export { name };
`;
    const { errors, loaded } = check(
      {
        "esm.mts": consumer("../../dist/passport.js"),
        "cjs.cts": consumer("../../dist/passport.cjs"),
      },
      // The Web globals stay (the client's types name Request and URL); no ambient @types is loaded.
      { types: [], typeRoots: [], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] },
    );
    expect(errors).toEqual([]);
    expect(loaded.filter((file) => /node_modules\/(@types\/|passport|express)/.test(file))).toEqual([]);
  });

  it("fits passport.use() with @types/passport and @types/express, in every verify form", { timeout: 90_000 }, () => {
    const { errors } = check(
      {
        "app.mts": `import passport from "passport";
import type { Request } from "express";
import {
  Strategy,
  type AccessTokenParams,
  type Profile,
  type StrategyOptions,
  type VerifyCallback,
} from "../../dist/passport.js";
const options = { consumerKey: "k", consumerSecret: "s", callbackURL: "https://app.example/auth/twitter/callback" };
passport.use(new Strategy(options, (token, tokenSecret, profile, done) => done(null, profile)));
// The five-argument form is told apart by its annotations (TypeScript picks an overload by them).
passport.use(
  new Strategy(options, (token: string, tokenSecret: string, params: AccessTokenParams, profile: Profile, done: VerifyCallback) =>
    done(null, params.user_id + profile.id),
  ),
);
passport.use(
  new Strategy({ ...options, passReqToCallback: true }, (req: Request, token, tokenSecret, profile, done) =>
    done(null, { ip: req.ip, id: profile.id }),
  ),
);
const typed: StrategyOptions = { ...options, includeEmail: true };
passport.use(new Strategy(typed, (token, tokenSecret, profile, done) => done(null, profile.emails?.[0]?.value)));
passport.use("x", new Strategy(options, (_token: string, _secret: string, profile, done) => done(new Error("no"))));
`,
      },
      { types: ["node"] },
    );
    expect(errors).toEqual([]);
  });
});
