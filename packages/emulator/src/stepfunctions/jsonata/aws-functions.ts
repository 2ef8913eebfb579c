import { HASH_ALGORITHM_NAMES, hashText } from "../hashing.js";
import { type Randomness, seededRandom } from "../randomness.js";

/**
 * The functions Step Functions adds to JSONata. They reach expressions as bindings, which shadow
 * JSONata's built-ins of the same name (`$random` takes a seed here); `$eval` is bound to nothing,
 * as Step Functions does not offer it.
 */
export function awsJsonataFunctions(randomness: Randomness): Readonly<Record<string, unknown>> {
  return {
    eval: undefined,
    partition,
    range,
    hash,
    random: (seed?: number) => (seed === undefined ? randomness.random() : seededRandom(seed)),
    uuid: () => randomness.uuid(),
    parse: (text: unknown) => {
      if (typeof text !== "string") throw jsonataError("$parse expects a string");
      return JSON.parse(text);
    },
  };
}

function partition(array: unknown, size: unknown): unknown[][] {
  const items = Array.isArray(array) ? array : [array];
  if (typeof size !== "number" || !Number.isInteger(size) || size <= 0) {
    throw jsonataError("$partition expects a positive integer size");
  }
  const chunks: unknown[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Numbers from `start` to `end` inclusive. The result is a JSONata sequence, so that JSONata
 * unwraps a single number as it does for its own ranges (`$range(1, 9, 9)` is `1`).
 */
function range(from: unknown, to: unknown, by: unknown = 1): number[] {
  if (!isInteger(from) || !isInteger(to) || !isInteger(by)) {
    throw jsonataError("$range expects integer arguments");
  }
  if (by === 0) throw jsonataError("$range expects a step other than 0");
  const values: number[] = [];
  for (let value = from; by > 0 ? value <= to : value >= to; value += by) values.push(value);
  return Object.assign(values, { sequence: true });
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

function hash(value: unknown, algorithm: unknown): string {
  const digest =
    typeof value === "string" && typeof algorithm === "string"
      ? hashText(value, algorithm)
      : undefined;
  if (digest === undefined) {
    throw jsonataError(`$hash expects a string and one of ${HASH_ALGORITHM_NAMES.join(", ")}`);
  }
  return digest;
}

/** Errors shaped as JSONata's own, so the caller reports all of them the same way. */
function jsonataError(message: string): { message: string } {
  return { message };
}
