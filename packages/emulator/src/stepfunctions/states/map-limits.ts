import type { QueryLanguage, StateDefinition } from "../definition/state-definition.js";
import { queryEvaluationError, runtimeError } from "../errors.js";
import { compileDataPath } from "../io/jsonpath-io.js";
import { plainText } from "../json.js";
import { compileJsonataTemplate } from "../jsonata/jsonata-template.js";
import type { StateRun } from "../runtime/state-run.js";

/** A Map number (`MaxConcurrency`, `ToleratedFailure*`) for one run; undefined when unset. */
export type MapNumber = (
  effective: unknown,
  raw: unknown,
  run: StateRun,
) => Promise<number | undefined>;

export interface MapNumberRules {
  /** Whole numbers only (`MaxConcurrency`, `ToleratedFailureCount`). */
  readonly integer: boolean;
  readonly max?: number;
}

/**
 * Compiles a Map number field: the literal (in JSONata, possibly an expression) or its `Path`
 * form, whose value may also be a numeric string. AWS's messages name the field at fault.
 */
export function compileMapNumber(
  definition: StateDefinition,
  language: QueryLanguage,
  field: string,
  rules: MapNumberRules,
): MapNumber {
  const kind = rules.integer ? "integer" : "number";
  const value = definition[field];
  if (value !== undefined) {
    if (language === "JSONata") {
      const template = compileJsonataTemplate(value, field);
      return async (_effective, raw, run) =>
        check(field, await template(run.jsonataScope({ input: raw })), rules, (text) =>
          queryEvaluationError(
            `The ${field} field refers to value "${text}" which is not a valid ${kind}.`,
          ),
        );
    }
    return async () =>
      check(field, value, rules, (text) =>
        runtimeError(`The ${field} field is not a valid ${kind}: ${text}`),
      );
  }
  const path = definition[`${field}Path`];
  if (path === undefined) return async () => undefined;
  const read = compileDataPath(path);
  return async (effective, _raw, run) =>
    check(field, read(run.pathScope(effective)), rules, (text) =>
      runtimeError(
        `The ${field}Path field refers to value "${text}" which is not a valid ${kind}: ${String(path)}`,
      ),
    );
}

function check(
  field: string,
  value: unknown,
  rules: MapNumberRules,
  invalid: (text: string) => Error,
): number {
  const number = typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || (rules.integer && !Number.isInteger(number))) {
    throw invalid(plainText(value));
  }
  if (number < 0) throw runtimeError(`${field} cannot be negative.`);
  if (rules.max !== undefined && number > rules.max) {
    throw runtimeError(`${field} cannot be greater than ${rules.max}.`);
  }
  return number;
}
