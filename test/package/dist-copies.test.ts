/**
 * dist/ as built by `npm run build` (tsup, shared chunks in both formats): every class and function
 * of the library is defined once per format, so `instanceof` holds across entry points and a bundle
 * that imports two of them carries one copy of the shared code. The `fake-x` command (dist/cli.js)
 * is a self-contained Node bundle and is left out: it shares nothing with the entry points.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dist = join(root, "dist");

function files(extension: ".js" | ".cjs"): string[] {
  if (!existsSync(join(dist, "index.js"))) throw new Error("dist/ is not built: run `npm run build` first");
  return readdirSync(dist).filter((name) => name.endsWith(extension) && name !== "cli.js");
}

/** Top-level definitions (`function name(`, `var name = class …`, `var name = {…}`) in unminified output. */
function definitions(extension: ".js" | ".cjs"): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files(extension)) {
    const text = readFileSync(join(dist, file), "utf8");
    for (const m of text.matchAll(/^(?:async )?function\*? ?([\w$]+)\(|^(?:var|let|const) ([\w$]+) = /gm)) {
      const name = (m[1] ?? m[2])!;
      found.set(name, [...(found.get(name) ?? []), file]);
    }
  }
  return found;
}

const entries = ["index", "handlers", "passport", "testing", "oauth2", "node"];
/** Every name a user can import from an entry point (the ESM build's exports). */
const publicNames = [
  ...new Set(
    (await Promise.all(entries.map((entry) => import(join(dist, `${entry}.js`))))).flatMap((m) => Object.keys(m)),
  ),
].filter((name) => name !== "TwitterStrategy"); // an alias of Strategy, not a definition

describe.each([".js", ".cjs"] as const)("dist/*%s", (extension) => {
  const defined = definitions(extension);

  it("defines TwitterOAuthError, TwitterOAuth and signRequest exactly once", () => {
    expect(["TwitterOAuthError", "TwitterOAuth", "signRequest"].map((name) => defined.get(name)?.length)).toEqual([
      1, 1, 1,
    ]);
  });

  it("defines every exported class, function and constant exactly once", () => {
    const counts = Object.fromEntries(publicNames.map((name) => [name, defined.get(name)?.length ?? 0]));
    const notOnce = Object.entries(counts).filter(([, count]) => count !== 1);
    expect(publicNames.length).toBeGreaterThan(5);
    expect(notOnce).toEqual([]);
  });
});

describe("one TwitterOAuthError class across the ESM entry points", () => {
  it("an error the sign-in handlers make is an instance of the root's class", async () => {
    const rootEntry = await import(join(dist, "index.js"));
    const handlersEntry = await import(join(dist, "handlers.js"));
    let seen: unknown;
    const handlers = handlersEntry.createSignInHandlers({
      client: new rootEntry.TwitterOAuth({
        consumerKey: "key",
        consumerSecret: "secret",
        callbackUrl: "https://app.example/auth/x/callback",
      }),
      cookieSecret: "a-cookie-secret-of-at-least-32-characters",
      onSuccess: () => new Response("signed in"),
      onError: (error: unknown) => {
        seen = error;
        return new Response("failed", { status: 400 });
      },
    });
    await handlers.callback(new Request("https://app.example/auth/x/callback?denied=request-token"));
    expect(seen).toBeInstanceOf(rootEntry.TwitterOAuthError);
    expect(Object.hasOwn(rootEntry.TwitterOAuthError, Symbol.hasInstance)).toBe(false);
  });

  it("/oauth2 re-exports the root's binding of the error and its guard, not a copy", async () => {
    const rootEntry = await import(join(dist, "index.js"));
    const oauth2Entry = await import(join(dist, "oauth2.js"));
    expect(oauth2Entry.TwitterOAuthError).toBe(rootEntry.TwitterOAuthError);
    expect(oauth2Entry.isTwitterOAuthError).toBe(rootEntry.isTwitterOAuthError);
  });
});
