import { isJsonObject } from "../json.js";
import {
  JsonataExpression,
  type JsonataScope,
  jsonataExpressionText,
} from "./jsonata-expression.js";

/** A JSONata field compiled once: evaluating it builds the field's value for one state run. */
export interface JsonataTemplate {
  (scope: JsonataScope): Promise<unknown>;
  /** Set on templates without expressions, so that containers of constants stay constants. */
  readonly constant?: true;
}

/**
 * Compiles a field of a JSONata state (`Arguments`, `Output`, `Assign`, `Items`...): every string
 * that is exactly `{% expression %}`, at any depth, is replaced by the expression's value; any
 * other JSON is copied as written. `field` is the name AWS uses in messages, nested fields
 * become `Output/result`.
 */
export function compileJsonataTemplate(template: unknown, field: string): JsonataTemplate {
  const text = jsonataExpressionText(template);
  if (text !== undefined) {
    const expression = new JsonataExpression(text);
    return (scope) => expression.evaluate(scope, field);
  }
  if (Array.isArray(template)) {
    const items = template.map((item, i) => compileJsonataTemplate(item, `${field}[${i}]`));
    if (items.every((item) => item.constant)) return constant(template);
    return (scope) => Promise.all(items.map((item) => item(scope)));
  }
  if (isJsonObject(template)) {
    const fields = Object.entries(template).map(
      ([key, value]) => [key, compileJsonataTemplate(value, `${field}/${key}`)] as const,
    );
    if (fields.every(([, value]) => value.constant)) return constant(template);
    return async (scope) => {
      const result: Record<string, unknown> = {};
      for (const [key, value] of fields) result[key] = await value(scope);
      return result;
    };
  }
  return constant(template);
}

function constant(value: unknown): JsonataTemplate {
  return Object.assign(() => Promise.resolve(value), { constant: true as const });
}
