// `--shard K/N`: N machines split one input with no coordination. Each id belongs to exactly one
// share, by a hash every machine computes the same way.
import { createHash } from "node:crypto";
import { CliError } from "./errors.js";

/** Share `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `K/N` with 1 <= K <= N. */
export function parseShard(value: string): Shard {
  const match = /^([0-9]{1,6})\/([0-9]{1,6})$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count) {
    throw new CliError(`--shard takes K/N with 1 <= K <= N (e.g. 2/4), got "${value}"`);
  }
  return { index, count };
}

/** The 1-based share of `id` among `count`: the first 4 bytes of SHA-256(UTF-8 id), big-endian, mod count, plus 1. */
export function shareOf(id: string, count: number): number {
  return (createHash("sha256").update(id, "utf8").digest().readUInt32BE(0) % count) + 1;
}

/** Whether `id` belongs to `shard` (every id does when there is no shard). */
export function inShard(id: string, shard: Shard | undefined): boolean {
  return shard === undefined || shareOf(id, shard.count) === shard.index;
}
