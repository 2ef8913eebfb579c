import { InvalidStateMachineError } from "@domovoi/runtime";
import { DefinitionReader } from "../definition/state-definition.js";
import { runtimeError } from "../errors.js";
import { JsonPath, MISSING, type PathScope } from "../jsonpath/json-path.js";
import { COMPARISONS, TYPE_TESTS } from "./comparison-operators.js";

/** A JSONPath Choice rule compiled once: does it hold for the state's effective input? */
export type ChoiceTest = (scope: PathScope) => boolean;

/**
 * Compiles a JSONPath Choice rule: `And`, `Or`, `Not`, or a `Variable` with one operator
 * (a comparison with a literal or, for `...Path` operators, with another path's value, or a type
 * test). A variable that matches nothing fails the state, except for `IsPresent`.
 */
export function compileChoiceRule(rule: unknown, where: string): ChoiceTest {
  const reader = new DefinitionReader(rule, where);
  const { definition } = reader;
  if (definition.And !== undefined || definition.Or !== undefined) {
    const all = definition.And !== undefined;
    const tests = reader
      .array(all ? "And" : "Or")
      .map((inner, i) => compileChoiceRule(inner, `${where}/${all ? "And" : "Or"}[${i}]`));
    return all
      ? (scope) => tests.every((test) => test(scope))
      : (scope) => tests.some((test) => test(scope));
  }
  if (definition.Not !== undefined) {
    const inner = compileChoiceRule(definition.Not, `${where}/Not`);
    return (scope) => !inner(scope);
  }
  return compileComparison(reader, where);
}

function compileComparison(reader: DefinitionReader, where: string): ChoiceTest {
  const variable = new JsonPath(reader.requiredString("Variable"));
  const operator = Object.keys(reader.definition).find(
    (key) =>
      COMPARISONS.has(key.replace(/Path$/, "")) || TYPE_TESTS.has(key) || key === "IsPresent",
  );
  if (operator === undefined) {
    throw new InvalidStateMachineError(
      `Invalid Choice rule at ${where}: it has no comparison operator.`,
    );
  }
  const operand = reader.definition[operator];
  if (operator === "IsPresent")
    return (scope) => (variable.evaluate(scope) !== MISSING) === operand;
  const typeTest = TYPE_TESTS.get(operator);
  if (typeTest) return (scope) => typeTest(resolve(variable, scope)) === operand;
  const comparison = COMPARISONS.get(operator.replace(/Path$/, ""))!;
  if (!operator.endsWith("Path")) {
    const test = comparison(operand);
    return (scope) => test(resolve(variable, scope));
  }
  const operandPath = new JsonPath(String(operand));
  return (scope) => comparison(resolve(operandPath, scope))(resolve(variable, scope));
}

function resolve(path: JsonPath, scope: PathScope): unknown {
  const value = path.evaluate(scope);
  if (value !== MISSING) return value;
  throw runtimeError(
    `Invalid path '${path.text}': The choice state's condition path references an invalid value.`,
  );
}
