import { runtimeError, StatesError } from "../errors.js";
import { compileIntrinsic, isIntrinsicCall } from "../intrinsics/compile-intrinsic.js";
import { optionalTemplate } from "../io/jsonata-io.js";
import { plainText, toJsonText } from "../json.js";
import { JsonPath, MISSING } from "../jsonpath/json-path.js";
import type { CompiledState } from "../runtime/state-program.js";
import type { StateRun } from "../runtime/state-run.js";
import type { StateSource } from "./state-source.js";

/** How a Fail state finds its error or cause in its input; undefined when it has none. */
type FailField = (input: unknown, run: StateRun) => Promise<string | undefined>;

/**
 * Fail ends its branch with an error: `Error` and `Cause` as written, or in JSONPath from
 * `ErrorPath` and `CausePath` (a path or an intrinsic function), in JSONata from expressions.
 */
export function compileFailState(source: StateSource): CompiledState {
  const error = compileField(source, "Error");
  const cause = compileField(source, "Cause");
  return {
    name: source.name,
    type: "Fail",
    execute: async (input, run) => {
      throw new StatesError(await error(input, run), await cause(input, run));
    },
  };
}

function compileField(source: StateSource, field: "Error" | "Cause"): FailField {
  const { reader } = source;
  if (source.language === "JSONata") {
    const template = optionalTemplate(reader.definition[field], field);
    return async (input, run) =>
      template ? plainText(await template(run.jsonataScope({ input }))) : undefined;
  }
  const literal = reader.string(field);
  const path = reader.string(`${field}Path`);
  if (path === undefined) return async () => literal;
  const pathField = `${field}Path`;
  if (isIntrinsicCall(path)) {
    const intrinsic = compileIntrinsic(path);
    return async (input, run) =>
      plainText(intrinsic(run.pathScope(input), run.branch.core.services.randomness));
  }
  const jsonPath = new JsonPath(path);
  return async (input, run) => {
    const scope = run.pathScope(input);
    const value = jsonPath.evaluate(scope);
    if (value === MISSING) {
      throw runtimeError(
        `The JSONPath '${path}' specified for the field '${pathField}' could not be found in the input '${toJsonText(input)}'`,
      );
    }
    return plainText(value);
  };
}
