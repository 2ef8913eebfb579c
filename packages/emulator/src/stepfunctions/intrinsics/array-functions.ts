import { jsonEquals } from "../json.js";
import {
  expectArray,
  expectInteger,
  type IntrinsicFunction,
  intrinsic,
  intrinsicFailure,
} from "./intrinsic-function.js";

/** States.ArrayRange produces at most this many elements. */
const MAX_RANGE_LENGTH = 1000;

export const arrayFunctions: Readonly<Record<string, IntrinsicFunction>> = {
  "States.Array": intrinsic(0, (args) => [...args], Number.POSITIVE_INFINITY),

  "States.ArrayPartition": intrinsic(2, (args, call) => {
    const array = expectArray(args, 0, call);
    const size = expectInteger(args, 1, call);
    if (size <= 0) throw intrinsicFailure(call, "the chunk size must be greater than 0");
    const chunks: unknown[][] = [];
    for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
    return chunks;
  }),

  "States.ArrayContains": intrinsic(2, (args, call) =>
    expectArray(args, 0, call).some((item) => jsonEquals(item, args[1])),
  ),

  "States.ArrayRange": intrinsic(3, (args, call) => {
    const first = expectInteger(args, 0, call);
    const last = expectInteger(args, 1, call);
    const step = expectInteger(args, 2, call);
    if (step === 0) throw intrinsicFailure(call, "the step must not be 0");
    const length = Math.max(0, Math.floor((last - first) / step) + 1);
    if (length > MAX_RANGE_LENGTH) {
      throw intrinsicFailure(call, `the range has more than ${MAX_RANGE_LENGTH} elements`);
    }
    return Array.from({ length }, (_, i) => first + i * step);
  }),

  "States.ArrayGetItem": intrinsic(2, (args, call) => {
    const array = expectArray(args, 0, call);
    const index = expectInteger(args, 1, call);
    if (index < 0 || index >= array.length) {
      throw intrinsicFailure(call, `the index ${index} is out of bounds`);
    }
    return array[index];
  }),

  "States.ArrayLength": intrinsic(1, (args, call) => expectArray(args, 0, call).length),

  "States.ArrayUnique": intrinsic(1, (args, call) => {
    const unique: unknown[] = [];
    for (const item of expectArray(args, 0, call)) {
      if (!unique.some((kept) => jsonEquals(kept, item))) unique.push(item);
    }
    return unique;
  }),
};
