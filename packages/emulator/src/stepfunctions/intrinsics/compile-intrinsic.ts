import { InvalidStateMachineError } from "@domovoi/runtime";
import { runtimeError } from "../errors.js";
import { toJsonText } from "../json.js";
import { MISSING, type PathScope } from "../jsonpath/json-path.js";
import { arrayFunctions } from "./array-functions.js";
import type { IntrinsicEnvironment, IntrinsicFunction } from "./intrinsic-function.js";
import { type IntrinsicArgument, type IntrinsicCall, parseIntrinsic } from "./intrinsic-syntax.js";
import { jsonFunctions } from "./json-functions.js";
import { mathFunctions } from "./math-functions.js";
import { textFunctions } from "./text-functions.js";

export type { IntrinsicEnvironment } from "./intrinsic-function.js";
export { isIntrinsicCall } from "./intrinsic-syntax.js";

/** An intrinsic function call compiled once: evaluate it against a state's data. */
export type CompiledIntrinsic = (scope: PathScope, env: IntrinsicEnvironment) => unknown;

const FUNCTIONS: ReadonlyMap<string, IntrinsicFunction> = new Map(
  Object.entries({ ...arrayFunctions, ...textFunctions, ...jsonFunctions, ...mathFunctions }),
);

/** Parses and checks a call (function names and argument counts) when the definition loads. */
export function compileIntrinsic(text: string): CompiledIntrinsic {
  return compileCall(parseIntrinsic(text));
}

function compileCall(call: IntrinsicCall): CompiledIntrinsic {
  const fn = FUNCTIONS.get(call.name);
  if (fn === undefined) {
    throw new InvalidStateMachineError(
      `Unknown intrinsic function '${call.name}' in '${call.text}'.`,
    );
  }
  if (call.args.length < fn.minArgs || call.args.length > fn.maxArgs) {
    const expected = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
    throw new InvalidStateMachineError(
      `The intrinsic function ${call.name} takes ${expected} arguments, not ${call.args.length}: '${call.text}'.`,
    );
  }
  const args = call.args.map(compileArgument);
  return (scope, env) =>
    fn.apply(
      args.map((arg) => arg(scope, env)),
      call,
      env,
    );
}

function compileArgument(argument: IntrinsicArgument): CompiledIntrinsic {
  switch (argument.kind) {
    case "literal":
    case "string": {
      const { value } = argument;
      return () => value;
    }
    case "call":
      return compileCall(argument.call);
    case "path": {
      const { path } = argument;
      return (scope) => {
        const value = path.evaluate(scope);
        if (value !== MISSING) return value;
        const root = path.root.kind === "context" ? scope.context() : scope.data;
        throw runtimeError(
          `The JSONPath '${path.text}' specified for an intrinsic function argument could not be found in the input '${toJsonText(root)}'`,
        );
      };
    }
  }
}
