import { createHash } from "node:crypto";

/** Kinesis maps every partition key into a 128-bit hash key space that the shards divide. */
export const HASH_KEY_SPACE = 2n ** 128n;

export interface HashKeyRange {
  readonly start: bigint;
  readonly end: bigint;
}

/** The hash key of a partition key: its MD5 digest read as an unsigned 128-bit integer. */
export function hashKeyOf(partitionKey: string): bigint {
  return BigInt(`0x${createHash("md5").update(partitionKey, "utf8").digest("hex")}`);
}

/** The ranges of `count` shards that split the hash key space evenly, as CreateStream does. */
export function evenHashKeyRanges(count: number): HashKeyRange[] {
  const total = BigInt(count);
  return Array.from({ length: count }, (_, index) => ({
    start: (BigInt(index) * HASH_KEY_SPACE) / total,
    end: ((BigInt(index) + 1n) * HASH_KEY_SPACE) / total - 1n,
  }));
}

/** An `ExplicitHashKey`: a decimal integer in the hash key space, or undefined. */
export function parseExplicitHashKey(text: string): bigint | undefined {
  if (!/^\d{1,39}$/.test(text)) return undefined;
  const key = BigInt(text);
  return key < HASH_KEY_SPACE ? key : undefined;
}
