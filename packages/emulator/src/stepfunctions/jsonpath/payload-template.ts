import { InvalidStateMachineError } from "@domovoi/runtime";
import { runtimeError } from "../errors.js";
import {
  compileIntrinsic,
  type IntrinsicEnvironment,
  isIntrinsicCall,
} from "../intrinsics/compile-intrinsic.js";
import { isJsonObject, toJsonText } from "../json.js";
import { JsonPath, MISSING, type PathScope } from "./json-path.js";

/** A payload template compiled once; evaluating it builds a fresh value from a state's data. */
export type PayloadTemplate = (scope: PathScope, env: IntrinsicEnvironment) => unknown;

/**
 * Compiles `Parameters`, `ResultSelector`, `ItemSelector` and JSONPath `Assign`: in objects at any
 * depth (arrays included), a key ending in `.$` takes its value from a path or an intrinsic
 * function and loses the suffix; everything else is copied as written.
 */
export function compilePayloadTemplate(template: unknown): PayloadTemplate {
  if (Array.isArray(template)) {
    const items = template.map(compilePayloadTemplate);
    return (scope, env) => items.map((item) => item(scope, env));
  }
  if (!isJsonObject(template)) return () => template;
  const fields = Object.entries(template).map(([key, value]) =>
    key.endsWith(".$")
      ? { key: key.slice(0, -2), evaluate: compileDynamicField(key, value) }
      : { key, evaluate: compilePayloadTemplate(value) },
  );
  return (scope, env) => {
    const result: Record<string, unknown> = {};
    for (const { key, evaluate } of fields) result[key] = evaluate(scope, env);
    return result;
  };
}

function compileDynamicField(key: string, expression: unknown): PayloadTemplate {
  if (typeof expression !== "string") {
    throw new InvalidStateMachineError(
      `The value of the field '${key}' must be a path or an intrinsic function.`,
    );
  }
  if (isIntrinsicCall(expression)) return compileIntrinsic(expression);
  const path = new JsonPath(expression);
  return (scope) => {
    const value = path.evaluate(scope);
    if (value !== MISSING) return value;
    throw runtimeError(
      `The JSONPath '${path.text}' specified for the field '${key}' could not be found in the input '${toJsonText(rootOf(path, scope))}'`,
    );
  };
}

function rootOf(path: JsonPath, scope: PathScope): unknown {
  return path.root.kind === "context" ? scope.context() : scope.data;
}
