import { seededRandom } from "../randomness.js";
import {
  expectInteger,
  expectNumber,
  type IntrinsicFunction,
  intrinsic,
  intrinsicFailure,
} from "./intrinsic-function.js";

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

export const mathFunctions: Readonly<Record<string, IntrinsicFunction>> = {
  /** A random integer from `start` (inclusive) to `end` (exclusive); a seed repeats its series. */
  "States.MathRandom": intrinsic(
    2,
    (args, call, env) => {
      const start = expectNumber(args, 0, call);
      const end = expectNumber(args, 1, call);
      if (end <= start) throw intrinsicFailure(call, "the end must be greater than the start");
      const random = args.length > 2 ? seededRandom(expectInteger(args, 2, call)) : env.random();
      return Math.floor(start + random * (end - start));
    },
    3,
  ),

  /** Java's `Math.round` of each operand (halves towards positive infinity), then their sum. */
  "States.MathAdd": intrinsic(2, (args, call) => {
    const sum = Math.round(expectNumber(args, 0, call)) + Math.round(expectNumber(args, 1, call));
    if (sum < INT_MIN || sum > INT_MAX)
      throw intrinsicFailure(call, "the sum overflows an integer");
    return sum === 0 ? 0 : sum;
  }),
};
