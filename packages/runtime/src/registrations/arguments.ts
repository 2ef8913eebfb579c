import { RegistrationError } from "../errors.js";
import { describe, isPlainObject } from "./checks.js";

/** A registration method: its name, for messages, and the options it accepts. */
export interface MethodSpec<O> {
  readonly method: string;
  readonly options: readonly (keyof O & string)[];
}

/**
 * Registration methods take `(key, handler)` or `(key, options, handler)`; this reads either form
 * and rejects options that the method does not know, which catches typos such as `batch_size`.
 */
export function optionsAndHandler<O extends object, H>(
  spec: MethodSpec<O>,
  optionsOrHandler: O | H,
  handler: H | undefined,
): [Partial<O>, H] {
  const [options, fn] =
    handler === undefined ? [{}, optionsOrHandler as H] : [optionsOrHandler, handler];
  if (typeof fn !== "function") {
    throw new RegistrationError(
      `${spec.method}: the handler must be a function, got ${describe(fn)}.`,
    );
  }
  return [checkOptions(spec, options), fn];
}

export function checkOptions<O extends object>(spec: MethodSpec<O>, options: unknown): Partial<O> {
  const { method, options: allowed } = spec;
  if (!isPlainObject(options)) {
    throw new RegistrationError(`${method}: options must be an object, got ${describe(options)}.`);
  }
  const unknown = Object.keys(options).filter(
    (key) => !(allowed as readonly string[]).includes(key),
  );
  if (unknown.length > 0) {
    throw new RegistrationError(
      `${method}: unknown option ${unknown.join(", ")} (accepted: ${allowed.join(", ")}).`,
    );
  }
  return options as Partial<O>;
}
