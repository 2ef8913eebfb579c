import { queryEvaluationError, runtimeError } from "../errors.js";
import { compileDataPath, type JsonPathIo } from "../io/jsonpath-io.js";
import { jsonTypeName, toJsonText } from "../json.js";
import { jsonataExpressionText } from "../jsonata/jsonata-expression.js";
import { compileJsonataTemplate } from "../jsonata/jsonata-template.js";
import type { StateRun } from "../runtime/state-run.js";
import type { ItemReader } from "./map-item-reader.js";
import type { StateSource } from "./state-source.js";

/**
 * The inputs of one Map run's iterations: its items, each passed through `ItemSelector` (or the
 * legacy `Parameters`) when the state has one.
 */
export type ItemsSource = (raw: unknown, run: StateRun) => Promise<unknown[]>;

/**
 * JSONPath: the items are the `ItemReader`'s, or the array `ItemsPath` (default `$`) picks from
 * the effective input; `ItemSelector` sees that input as `$` and the item as `$$.Map.Item`.
 */
export function jsonPathItems(
  source: StateSource,
  io: JsonPathIo,
  reader?: ItemReader,
): ItemsSource {
  const itemsPath = compileDataPath(source.reader.definition.ItemsPath ?? "$");
  return async (raw, run) => {
    const effective = io.effectiveInput(raw, run);
    const items = reader ? await reader(effective, raw, run) : itemsPath(run.pathScope(effective));
    if (!Array.isArray(items)) {
      throw runtimeError(`Map state input must be an array but was: ${toJsonText(items)}`);
    }
    if (!io.hasParameters) return items;
    return items.map((Value, Index) => io.parameters(effective, run, { Index, Value }));
  };
}

/**
 * JSONata: the items are the `ItemReader`'s, or `Items` (an array whose elements may be
 * expressions, or one expression), or else the raw input, which must then be an array;
 * `ItemSelector` sees the item as `$states.context.Map.Item`.
 */
export function jsonataItems(source: StateSource, reader?: ItemReader): ItemsSource {
  const { definition } = source.reader;
  const itemsTemplate =
    definition.Items === undefined ? undefined : compileJsonataTemplate(definition.Items, "Items");
  const itemsExpression = jsonataExpressionText(definition.Items);
  const selector =
    definition.ItemSelector === undefined
      ? undefined
      : compileJsonataTemplate(definition.ItemSelector, "ItemSelector");
  return async (raw, run) => {
    const items = reader
      ? await reader(raw, raw, run)
      : itemsTemplate
        ? await itemsTemplate(run.jsonataScope({ input: raw }))
        : raw;
    if (!Array.isArray(items)) {
      throw queryEvaluationError(
        itemsExpression === undefined
          ? `Map state input must be an array but was: ${toJsonText(items)}`
          : `The JSONata expression '${itemsExpression}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${jsonTypeName(items)}' for value: ${toJsonText(items)}`,
      );
    }
    if (!selector) return items;
    const inputs: unknown[] = [];
    for (const [Index, Value] of items.entries()) {
      inputs.push(await selector(run.jsonataScope({ input: raw }, { Index, Value })));
    }
    return inputs;
  };
}
