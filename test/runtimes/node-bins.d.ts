/** Path of the npm `node` binary for `major` (22 or 24) in test/runtimes/node-bins. */
export declare function nodeBinary(major: 22 | 24): string;
/** Installs Node 22 and 24 there on first use; undefined, or what went wrong and how to fix it. */
export declare function ensureNodeBins(): string | undefined;
