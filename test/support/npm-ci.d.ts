/**
 * Runs `npm ci --prefix <folder>` unless node_modules there was installed from the same
 * package.json and lockfile; returns undefined, or what failed and how to retry by hand.
 */
export function npmCiOnce(folder: string): string | undefined;
