import { queryEvaluationError, runtimeError, StatesError, StatesErrorName } from "../errors.js";
import { isJsonObject } from "../json.js";
import { compileJsonataTemplate } from "../jsonata/jsonata-template.js";
import { compilePayloadTemplate } from "../jsonpath/payload-template.js";
import type { StateRun } from "../runtime/state-run.js";
import type { S3ItemSource } from "../tasks/s3-item-source.js";
import { CSV_DELIMITERS, parseCsvRows } from "./csv-rows.js";
import { compileMapNumber } from "./map-limits.js";
import type { StateSource } from "./state-source.js";

/** Reads a distributed Map's items from S3, as its `ItemReader` describes. */
export type ItemReader = (effective: unknown, raw: unknown, run: StateRun) => Promise<unknown[]>;

interface ReaderConfig {
  readonly InputType?: string;
  readonly CSVHeaderLocation?: string;
  readonly CSVHeaders?: readonly string[];
  readonly CSVDelimiter?: string;
}

/**
 * `ItemReader` on `arn:aws:states:::s3:listObjectsV2` (one item per object) or
 * `arn:aws:states:::s3:getObject` (a JSON array, JSON Lines or CSV rows as objects keyed by the
 * header), at most `ReaderConfig.MaxItems` of them. Undefined for a Map without a reader.
 */
export function compileItemReader(source: StateSource): ItemReader | undefined {
  const definition = source.reader.object("ItemReader");
  if (definition === undefined) return undefined;
  const resource = String(definition.Resource);
  const config = (
    isJsonObject(definition.ReaderConfig) ? definition.ReaderConfig : {}
  ) as ReaderConfig;
  const maxItems = compileMapNumber(
    (config as Record<string, unknown>) ?? {},
    source.language,
    "MaxItems",
    { integer: true },
  );
  const parameters = compileParameters(definition, source);
  return async (effective, raw, run) => {
    const s3 = run.branch.core.services.s3;
    if (s3 === undefined) throw readerFailed("No S3 item source is configured for ItemReader.");
    const { Bucket, Key, Prefix, VersionId } = await parameters(effective, raw, run);
    let items: unknown[];
    try {
      items = resource.endsWith(":s3:listObjectsV2")
        ? await listedObjects(s3, String(Bucket), Prefix)
        : decodeItems(await s3.getObject(String(Bucket), String(Key), VersionId), config);
    } catch (error) {
      if (error instanceof StatesError) throw error;
      throw readerFailed(error instanceof Error ? error.message : String(error));
    }
    const limit = await maxItems(effective, raw, run);
    return limit === undefined || limit === 0 ? items : items.slice(0, limit);
  };
}

type ReaderParameters = (
  effective: unknown,
  raw: unknown,
  run: StateRun,
) => Promise<{ Bucket?: unknown; Key?: unknown; Prefix?: string; VersionId?: string }>;

function compileParameters(
  definition: Readonly<Record<string, unknown>>,
  source: StateSource,
): ReaderParameters {
  const check = (value: unknown) => {
    if (!isJsonObject(value)) throw runtimeError("The ItemReader parameters must be an object.");
    return value as { Bucket?: unknown; Key?: unknown; Prefix?: string; VersionId?: string };
  };
  if (source.language === "JSONata") {
    const template = compileJsonataTemplate(definition.Arguments ?? {}, "ItemReader/Arguments");
    return async (_effective, raw, run) => {
      const value = await template(run.jsonataScope({ input: raw }));
      if (!isJsonObject(value))
        throw queryEvaluationError("The ItemReader arguments must be an object.");
      return check(value);
    };
  }
  const template = compilePayloadTemplate(definition.Parameters ?? {});
  return async (effective, _raw, run) =>
    check(template(run.pathScope(effective), run.branch.core.services.randomness));
}

async function listedObjects(s3: S3ItemSource, bucket: string, prefix: string | undefined) {
  return (await s3.listObjects(bucket, prefix)).map((object) => ({
    Etag: object.eTag,
    Key: object.key,
    LastModified: Math.floor(object.lastModified.getTime() / 1000),
    Size: object.size,
    StorageClass: object.storageClass ?? "STANDARD",
  }));
}

function decodeItems(text: string, config: ReaderConfig): unknown[] {
  switch (config.InputType ?? "JSON") {
    case "JSON": {
      const items: unknown = JSON.parse(text);
      if (!Array.isArray(items)) throw readerFailed("The JSON file must contain an array.");
      return items;
    }
    case "JSONL":
      return text
        .split(/\r?\n/)
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line));
    case "CSV":
      return csvItems(text, config);
    default:
      throw readerFailed(`The InputType ${config.InputType} is not supported by the emulator.`);
  }
}

function csvItems(text: string, config: ReaderConfig): Record<string, string>[] {
  const delimiter = CSV_DELIMITERS[config.CSVDelimiter ?? "COMMA"] ?? ",";
  const rows = parseCsvRows(text, delimiter);
  const given = config.CSVHeaderLocation === "GIVEN";
  const headers = given ? (config.CSVHeaders ?? []) : (rows.shift() ?? []);
  return rows.map((row) => Object.fromEntries(headers.map((header, i) => [header, row[i] ?? ""])));
}

function readerFailed(cause: string): StatesError {
  return new StatesError(StatesErrorName.ItemReaderFailed, cause);
}
