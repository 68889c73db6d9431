/** Path of the npm `node` binary for `major` (22 or 24) in test/runtimes/node_modules. */
export declare function nodeBinary(major: 22 | 24): string;
/** Path of `name` (deno, bun, workerd) in test/runtimes/node_modules/.bin. */
export declare function runtimeBin(name: "deno" | "bun" | "workerd"): string;
/** test/runtimes/node_modules, where edge-runtime and workerd's package.json resolve. */
export declare const RUNTIMES_MODULES: string;
/** How to install the runtimes by hand. */
export declare const RUNTIMES_HINT: string;
/** Installs the runtimes on first use; undefined, or what went wrong and how to fix it. */
export declare function ensureRuntimes(): string | undefined;
