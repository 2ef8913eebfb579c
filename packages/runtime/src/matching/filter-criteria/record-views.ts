import { isJsonObject, type JsonObject, parseJson } from "../shared/json-value.js";

/** The event sources whose mappings Lambda can filter. */
export type FilterSource = "sqs" | "kinesis" | "dynamodb";

/**
 * What a filter pattern sees of one record, and whether its data property (`body`, `data` or
 * `dynamodb`) is JSON: Lambda drops a record whose data format differs from the pattern's.
 */
export interface RecordView {
  readonly view: Record<string, unknown>;
  readonly dataIsJson: boolean;
}

/** The property holding a record's payload, per source. */
export const DATA_KEYS: Readonly<Record<FilterSource, string>> = {
  sqs: "body",
  kinesis: "data",
  dynamodb: "dynamodb",
};

export const VIEWS: Readonly<Record<FilterSource, (record: unknown) => RecordView | undefined>> = {
  /** The SQS record, with a body that holds a JSON object parsed. */
  sqs: (record) => {
    if (!isJsonObject(record) || typeof record.body !== "string") return undefined;
    const parsed = parseJsonObject(record.body);
    return { view: { ...record, body: parsed ?? record.body }, dataIsJson: parsed !== undefined };
  },
  /** The record's `kinesis` object, with `data` decoded from base64 (and parsed if JSON). */
  kinesis: (record) => {
    const kinesis = isJsonObject(record) ? record.kinesis : undefined;
    if (!isJsonObject(kinesis) || typeof kinesis.data !== "string") return undefined;
    const text = Buffer.from(kinesis.data, "base64").toString("utf8");
    const parsed = parseJsonObject(text);
    return { view: { ...kinesis, data: parsed ?? text }, dataIsJson: parsed !== undefined };
  },
  /** The stream record as delivered: its `dynamodb` images are JSON already. */
  dynamodb: (record) => (isJsonObject(record) ? { view: record, dataIsJson: true } : undefined),
};

function parseJsonObject(text: string): JsonObject | undefined {
  const parsed = parseJson(text);
  return isJsonObject(parsed) ? parsed : undefined;
}
