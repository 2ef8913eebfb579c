import { InvalidStateMachineError } from "@domovoi/runtime";
import jsonata from "jsonata";
import { queryEvaluationError } from "../errors.js";

/** What `$states` holds in a JSONata state. */
export interface StatesBinding {
  readonly input: unknown;
  readonly result?: unknown;
  readonly errorOutput?: unknown;
  readonly context: unknown;
}

/**
 * Everything a JSONata expression of one state can read: `$states`, the workflow variables and
 * the functions Step Functions adds. Built once per evaluation round of a state.
 */
export class JsonataScope {
  readonly states: StatesBinding;
  readonly bindings: Readonly<Record<string, unknown>>;

  constructor(
    states: StatesBinding,
    variables: Readonly<Record<string, unknown>>,
    functions: Readonly<Record<string, unknown>>,
  ) {
    this.states = states;
    this.bindings = { ...functions, ...variables, states };
  }
}

const UNSUPPORTED = Symbol("unsupported");

/** A `{% expression %}` compiled when the definition loads. */
export class JsonataExpression {
  readonly text: string;
  readonly #expression: jsonata.Expression;

  constructor(text: string) {
    this.text = text;
    try {
      this.#expression = jsonata(text);
    } catch (error) {
      throw new InvalidStateMachineError(
        `Invalid JSONata expression '${text}': ${(error as { message?: string }).message ?? error}`,
      );
    }
  }

  /**
   * The expression's value as JSON. Nothing (`undefined`) and functions are errors, as in Step
   * Functions; `field` names where the expression sits (`Output/result`) for the message.
   */
  async evaluate(scope: JsonataScope, field: string): Promise<unknown> {
    let value: unknown;
    try {
      value = await this.#expression.evaluate(scope.states.input, scope.bindings);
    } catch (error) {
      throw queryEvaluationError(
        `The JSONata expression '${this.text}' specified for the field '${field}' threw an error during evaluation: ${(error as { message?: string }).message ?? String(error)}`,
      );
    }
    if (value === undefined) {
      throw queryEvaluationError(
        `The JSONata expression '${this.text}' specified for the field '${field}' returned nothing (undefined).`,
      );
    }
    const json = toJson(value);
    if (json === UNSUPPORTED) {
      throw queryEvaluationError(
        `The JSONata expression '${this.text}' specified for the field '${field}' returned an unsupported result type.`,
      );
    }
    return json;
  }
}

/** The text of a `{% ... %}` string, or undefined for a string that is not an expression. */
export function jsonataExpressionText(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.startsWith("{%") || !value.endsWith("%}")) {
    return undefined;
  }
  return value.slice(2, -2).trim();
}

/** Plain JSON from a JSONata result: sequences become arrays, functions are unsupported. */
function toJson(value: unknown): unknown {
  if (typeof value === "function") return UNSUPPORTED;
  if (Array.isArray(value)) {
    const items = value.map(toJson);
    return items.includes(UNSUPPORTED) ? UNSUPPORTED : items;
  }
  if (value !== null && typeof value === "object") {
    if ("_jsonata_lambda" in value || "_jsonata_function" in value || value instanceof RegExp) {
      return UNSUPPORTED;
    }
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const json = toJson(item);
      if (json === UNSUPPORTED) return UNSUPPORTED;
      result[key] = json;
    }
    return result;
  }
  return value;
}
