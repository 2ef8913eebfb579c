import { randomUUID } from "node:crypto";

/**
 * Where an execution draws random numbers and UUIDs from (retry jitter, `States.MathRandom`,
 * `States.UUID`, `$random`, `$uuid`); tests inject fixed sources.
 */
export interface Randomness {
  /** A number in [0, 1). */
  random(): number;
  uuid(): string;
}

export const systemRandomness: Randomness = { random: Math.random, uuid: randomUUID };

/**
 * The first number of the mulberry32 series for `seed`: a seeded `States.MathRandom` or
 * `$random` returns the same number for the same seed.
 */
export function seededRandom(seed: number): number {
  let t = (Math.trunc(seed) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
