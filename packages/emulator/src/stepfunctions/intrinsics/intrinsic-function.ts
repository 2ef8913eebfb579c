import { StateEvaluationError, StatesErrorName } from "../errors.js";
import { jsonTypeName } from "../json.js";
import type { Randomness } from "../randomness.js";
import type { IntrinsicCall } from "./intrinsic-syntax.js";

/** What intrinsic functions draw randomness from. */
export type IntrinsicEnvironment = Randomness;

export interface IntrinsicFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  apply(args: readonly unknown[], call: IntrinsicCall, env: IntrinsicEnvironment): unknown;
}

/** Defines a function taking exactly `arity` arguments (or between `arity` and `maxArgs`). */
export function intrinsic(
  arity: number,
  apply: IntrinsicFunction["apply"],
  maxArgs: number = arity,
): IntrinsicFunction {
  return { minArgs: arity, maxArgs, apply };
}

/** An intrinsic function refused its arguments at run time. */
export function intrinsicFailure(call: IntrinsicCall, reason: string): StateEvaluationError {
  return new StateEvaluationError(
    StatesErrorName.IntrinsicFailure,
    `Invalid arguments in ${call.text}: ${reason}`,
  );
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth"];

function argumentName(position: number): string {
  return `the ${ORDINALS[position] ?? `${position + 1}th`} argument`;
}

export function expectString(
  args: readonly unknown[],
  position: number,
  call: IntrinsicCall,
): string {
  const value = args[position];
  if (typeof value !== "string") throw wrongType(call, position, "a string", value);
  return value;
}

export function expectArray(
  args: readonly unknown[],
  position: number,
  call: IntrinsicCall,
): unknown[] {
  const value = args[position];
  if (!Array.isArray(value)) throw wrongType(call, position, "an array", value);
  return value;
}

export function expectNumber(
  args: readonly unknown[],
  position: number,
  call: IntrinsicCall,
): number {
  const value = args[position];
  if (typeof value !== "number") throw wrongType(call, position, "a number", value);
  return value;
}

export function expectInteger(
  args: readonly unknown[],
  position: number,
  call: IntrinsicCall,
): number {
  const value = expectNumber(args, position, call);
  if (!Number.isInteger(value)) throw wrongType(call, position, "an integer", value);
  return value;
}

function wrongType(call: IntrinsicCall, position: number, expected: string, value: unknown) {
  return intrinsicFailure(
    call,
    `${argumentName(position)} must be ${expected}, but was ${jsonTypeName(value)}`,
  );
}
