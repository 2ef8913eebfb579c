import { queryEvaluationError, runtimeError } from "../errors.js";
import { compileDataPath } from "../io/jsonpath-io.js";
import { toJsonText } from "../json.js";
import { compileJsonataTemplate } from "../jsonata/jsonata-template.js";
import type { StateRun } from "../runtime/state-run.js";
import type { StateSource } from "./state-source.js";

/** A task's `TimeoutSeconds` or `HeartbeatSeconds` for one attempt; undefined when unset. */
export type SecondsField = (data: unknown, run: StateRun) => Promise<number | undefined>;

/**
 * Compiles `<field>` (a number, or in JSONata an expression) or `<field>Path` (JSONPath, read
 * from the effective input). The value must be a positive integer.
 */
export function compileSecondsField(source: StateSource, field: string): SecondsField {
  const { definition } = source.reader;
  const value = definition[field];
  if (source.language === "JSONata" && value !== undefined) {
    const template = compileJsonataTemplate(value, field);
    return async (input, run) => {
      const seconds = await template(run.jsonataScope({ input }));
      if (!isPositiveInteger(seconds)) {
        throw queryEvaluationError(
          `The ${field} field must be a positive integer, but was: ${toJsonText(seconds)}`,
        );
      }
      return seconds;
    };
  }
  if (value !== undefined) return async () => value as number;
  const path = definition[`${field}Path`];
  if (path === undefined) return async () => undefined;
  const read = compileDataPath(path);
  return async (data, run) => {
    const seconds = read(run.pathScope(data));
    if (!isPositiveInteger(seconds)) {
      throw runtimeError(
        `The ${field}Path field refers to value "${toJsonText(seconds)}" which is not a valid positive integer: ${String(path)}`,
      );
    }
    return seconds;
  };
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}
