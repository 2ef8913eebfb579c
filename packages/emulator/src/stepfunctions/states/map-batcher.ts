import type { StateDefinition } from "../definition/state-definition.js";
import { jsonByteLength } from "../json.js";
import { compileJsonataTemplate } from "../jsonata/jsonata-template.js";
import { compilePayloadTemplate } from "../jsonpath/payload-template.js";
import type { StateRun } from "../runtime/state-run.js";
import { compileMapNumber } from "./map-limits.js";
import type { StateSource } from "./state-source.js";

/** Groups a Map run's iteration inputs into batches, each an iteration's input. */
export type ItemBatcher = (
  inputs: readonly unknown[],
  effective: unknown,
  raw: unknown,
  run: StateRun,
) => Promise<unknown[]>;

/**
 * `ItemBatcher`: batches of at most `MaxItemsPerBatch` items and `MaxInputBytesPerBatch` bytes
 * (either may be a `...Path`), each `{ "BatchInput": ..., "Items": [...] }`. Undefined for a Map
 * without a batcher.
 */
export function compileItemBatcher(source: StateSource): ItemBatcher | undefined {
  const definition = source.reader.object("ItemBatcher");
  if (definition === undefined) return undefined;
  const { language } = source;
  const maxItems = compileMapNumber(definition, language, "MaxItemsPerBatch", { integer: true });
  const maxBytes = compileMapNumber(definition, language, "MaxInputBytesPerBatch", {
    integer: true,
  });
  const batchInput = compileBatchInput(definition, source);
  return async (inputs, effective, raw, run) => {
    const itemLimit = (await maxItems(effective, raw, run)) ?? Number.POSITIVE_INFINITY;
    const byteLimit = (await maxBytes(effective, raw, run)) ?? Number.POSITIVE_INFINITY;
    const shared = await batchInput?.(effective, raw, run);
    return group(inputs, itemLimit, byteLimit).map((Items) =>
      shared === undefined ? { Items } : { BatchInput: shared, Items },
    );
  };
}

function compileBatchInput(
  definition: StateDefinition,
  source: StateSource,
): ((effective: unknown, raw: unknown, run: StateRun) => Promise<unknown>) | undefined {
  if (definition.BatchInput === undefined) return undefined;
  if (source.language === "JSONata") {
    const template = compileJsonataTemplate(definition.BatchInput, "ItemBatcher/BatchInput");
    return (_effective, raw, run) => template(run.jsonataScope({ input: raw }));
  }
  const template = compilePayloadTemplate(definition.BatchInput);
  return async (effective, _raw, run) =>
    template(run.pathScope(effective), run.branch.core.services.randomness);
}

function group(inputs: readonly unknown[], itemLimit: number, byteLimit: number): unknown[][] {
  const batches: unknown[][] = [];
  let batch: unknown[] = [];
  let bytes = 0;
  for (const input of inputs) {
    const size = jsonByteLength(input);
    if (batch.length > 0 && (batch.length >= itemLimit || bytes + size > byteLimit)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(input);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
