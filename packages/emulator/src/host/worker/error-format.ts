import { types } from "node:util";
import type { LambdaError } from "../lambda-error.js";

/** An error of the runtime itself, named as the Node.js runtime names them (`Runtime.*`). */
export class RuntimeError extends Error {
  constructor(name: string, message: string) {
    super(message);
    // Not an own enumerable property: the runtime's error classes carry their name on the
    // prototype, so it does not show among the properties of logged errors.
    Object.defineProperty(this, "name", { value: name, configurable: true, writable: true });
  }
}

/** Whether `value` looks like an error: the runtime accepts foreign errors that quack alike. */
function isErrorLike(value: unknown): value is Error {
  if (types.isNativeError(value)) return true;
  const candidate = value as Partial<Error> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.name === "string" &&
    typeof candidate.message === "string" &&
    typeof candidate.stack === "string"
  );
}

/** The error document the runtime reports for what a handler threw or rejected with. */
export function formatError(error: unknown): LambdaError {
  try {
    if (isErrorLike(error)) {
      return {
        errorType: error.name,
        errorMessage: error.message,
        trace: error.stack?.split("\n") ?? [],
      };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return {
      errorType: "handled",
      errorMessage:
        "callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack",
      trace: [],
    };
  }
}

export function intoError(value: unknown): Error {
  return isErrorLike(value) ? value : new Error(String(value));
}

/**
 * The error as the runtime logs it after `Invoke Error` and friends: a tab, then JSON holding
 * the error's type, message, stack lines and own enumerable properties.
 */
export function toFormatted(error: Error): string {
  try {
    return `\t${JSON.stringify(error, (_key, value: unknown) => withEnumerableProperties(value))}`;
  } catch {
    return `\t${JSON.stringify(formatError(error))}`;
  }
}

function withEnumerableProperties(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const properties: Record<string, unknown> = {
    errorType: value.name,
    errorMessage: value.message,
    code: (value as Error & { code?: unknown }).code,
    ...value,
  };
  if (typeof value.stack === "string") properties.stack = value.stack.split("\n");
  return properties;
}
