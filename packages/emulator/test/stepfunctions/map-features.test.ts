import { describe, expect, it } from "vitest";
import type { S3ItemSource } from "../../src/stepfunctions/index.js";
import { localInvoker, startLocal } from "./support/local-executions.js";
import { runOnVirtualClock } from "./support/run-case.js";

function distributedMap(fields: Record<string, unknown>) {
  return {
    StartAt: "Each",
    States: {
      Each: {
        Type: "Map",
        ItemProcessor: {
          ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
          StartAt: "Work",
          States: {
            Work: {
              Type: "Task",
              Resource: "arn:aws:lambda:us-east-1:123456789012:function:work",
              End: true,
            },
          },
        },
        End: true,
        ...fields,
      },
    },
  };
}

const failOnOdd = localInvoker({
  work: (item) => {
    if (typeof item === "number" && item % 2 === 1) throw { error: "Odd", cause: String(item) };
    return item;
  },
});

async function run(definition: unknown, input: unknown, s3ItemSource?: S3ItemSource) {
  const { execution, clock } = startLocal(definition, {
    input,
    invoker: failOnOdd,
    ...(s3ItemSource && { s3ItemSource }),
  });
  return runOnVirtualClock(execution, clock);
}

describe("distributed Map", () => {
  it("tolerates failures up to ToleratedFailureCount, keeping each failure's error output", async () => {
    expect(await run(distributedMap({ ToleratedFailureCount: 2 }), [0, 1, 2, 3])).toEqual({
      status: "SUCCEEDED",
      output: [0, { Error: "Odd", Cause: "1" }, 2, { Error: "Odd", Cause: "3" }],
    });
  });

  it("fails with States.ExceedToleratedFailureThreshold past ToleratedFailurePercentage", async () => {
    expect(await run(distributedMap({ ToleratedFailurePercentage: 25 }), [0, 1, 2, 3])).toEqual({
      status: "FAILED",
      error: "States.ExceedToleratedFailureThreshold",
      cause: "The specified tolerated failure threshold was exceeded",
    });
  });

  it("batches items with ItemBatcher", async () => {
    const definition = distributedMap({
      ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { "source.$": "$.source" } },
      ItemsPath: "$.items",
    });
    expect(await run(definition, { source: "s", items: ["a", "b", "c"] })).toEqual({
      status: "SUCCEEDED",
      output: [
        { BatchInput: { source: "s" }, Items: ["a", "b"] },
        { BatchInput: { source: "s" }, Items: ["c"] },
      ],
    });
  });

  describe("ItemReader", () => {
    const objects: Record<string, string> = {
      "items.json": "[0, 2, 4, 6]",
      "rows.csv": 'name,note\nann,"likes, commas"\nbob,"says ""hi"""\n',
      "lines.jsonl": '{"a":1}\n{"a":2}\n',
    };
    const s3: S3ItemSource = {
      getObject: async (bucket, key) => {
        const body = objects[key];
        if (bucket !== "data" || body === undefined) throw new Error(`NoSuchKey: ${key}`);
        return body;
      },
      listObjects: async (_bucket, prefix) =>
        Object.keys(objects)
          .filter((key) => key.startsWith(prefix ?? ""))
          .map((key) => ({ key, size: 1, eTag: '"e"', lastModified: new Date(0) })),
    };
    const reader = (resource: string, parameters: object, config: object = {}) =>
      distributedMap({
        ItemReader: {
          Resource: `arn:aws:states:::s3:${resource}`,
          Parameters: parameters,
          ReaderConfig: config,
        },
      });

    it("reads a JSON array, at most MaxItems of it", async () => {
      const definition = reader(
        "getObject",
        { Bucket: "data", "Key.$": "$.key" },
        { InputType: "JSON", MaxItems: 3 },
      );
      expect(await run(definition, { key: "items.json" }, s3)).toEqual({
        status: "SUCCEEDED",
        output: [0, 2, 4],
      });
    });

    it("reads CSV rows as objects keyed by the header row", async () => {
      const definition = reader(
        "getObject",
        { Bucket: "data", Key: "rows.csv" },
        { InputType: "CSV" },
      );
      expect(await run(definition, {}, s3)).toEqual({
        status: "SUCCEEDED",
        output: [
          { name: "ann", note: "likes, commas" },
          { name: "bob", note: 'says "hi"' },
        ],
      });
    });

    it("reads JSON Lines and lists objects", async () => {
      const lines = reader(
        "getObject",
        { Bucket: "data", Key: "lines.jsonl" },
        { InputType: "JSONL" },
      );
      expect(await run(lines, {}, s3)).toEqual({
        status: "SUCCEEDED",
        output: [{ a: 1 }, { a: 2 }],
      });
      const listing = reader("listObjectsV2", { Bucket: "data", Prefix: "items" });
      expect(await run(listing, {}, s3)).toEqual({
        status: "SUCCEEDED",
        output: [
          { Etag: '"e"', Key: "items.json", LastModified: 0, Size: 1, StorageClass: "STANDARD" },
        ],
      });
    });

    it("fails with States.ItemReaderFailed when the object cannot be read", async () => {
      const definition = reader("getObject", { Bucket: "data", Key: "missing.json" });
      expect(await run(definition, {}, s3)).toEqual({
        status: "FAILED",
        error: "States.ItemReaderFailed",
        cause: "NoSuchKey: missing.json",
      });
      expect(await run(definition, {})).toMatchObject({ error: "States.ItemReaderFailed" });
    });
  });
});

describe("variable scopes", () => {
  it("lets iterations read outer variables but keeps their assignments to themselves", async () => {
    const { execution, clock } = startLocal(
      {
        StartAt: "Set",
        States: {
          Set: { Type: "Pass", Assign: { factor: 10, seen: "outer" }, Next: "Each" },
          Each: {
            Type: "Map",
            ItemProcessor: {
              StartAt: "Scale",
              States: {
                Scale: {
                  Type: "Pass",
                  QueryLanguage: "JSONata",
                  Assign: { seen: "inner" },
                  Output: "{% $states.input * $factor %}",
                  End: true,
                },
              },
            },
            Next: "Read",
          },
          Read: { Type: "Pass", Parameters: { "scaled.$": "$", "seen.$": "$seen" }, End: true },
        },
      },
      { input: [1, 2] },
    );
    expect(await runOnVirtualClock(execution, clock)).toEqual({
      status: "SUCCEEDED",
      output: { scaled: [10, 20], seen: "outer" },
    });
  });
});
