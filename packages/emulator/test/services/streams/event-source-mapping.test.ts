import type { KinesisStreamRecord } from "aws-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { detectSource } from "../../../../runtime/src/sources/index.js";
import { VirtualClock } from "../../../src/clock/virtual-clock.js";
import { KinesisBackend, kinesisEventSourceMapping } from "../../../src/services/kinesis/index.js";
import type { KinesisStream } from "../../../src/services/kinesis/kinesis-stream.js";
import {
  type DiscardedBatch,
  RETRY_DELAY_MS,
  type StreamMappingConfig,
} from "../../../src/services/streams/index.js";
import { shapeDifferences } from "../../events/key-shape.js";
import { FAMILIES } from "../../events/samples.js";
import {
  FUNCTION_ARN,
  fail,
  RecordingFunction,
  START,
  settle,
  succeed,
  throttle,
  until,
} from "./support.js";

const REGION = "us-east-1";
const STREAM = "lambda-stream";

interface Setup {
  readonly clock: VirtualClock;
  readonly backend: KinesisBackend;
  readonly stream: KinesisStream;
  readonly fn: RecordingFunction<KinesisStreamRecord>;
  readonly discarded: DiscardedBatch<KinesisStreamRecord>[];
  readonly mapping: ReturnType<typeof kinesisEventSourceMapping>;
  put(...values: string[]): void;
}

let running: Setup | undefined;
afterEach(async () => {
  await running?.mapping.stop();
  running = undefined;
});

const dataOf = (record: KinesisStreamRecord) =>
  Buffer.from(record.kinesis.data, "base64").toString("utf8");

/** A one-shard stream and a mapping to a recording function, started after `before` is put. */
function setup(
  config: StreamMappingConfig,
  options: { before?: string[]; shards?: number } = {},
): Setup {
  const clock = new VirtualClock(START);
  const backend = new KinesisBackend({ clock });
  const stream = backend.createStream(REGION, STREAM, options.shards ?? 1);
  const put = (...values: string[]) => {
    for (const value of values) stream.put(Buffer.from(value), value);
  };
  put(...(options.before ?? []));
  const fn = new RecordingFunction<KinesisStreamRecord>();
  const discarded: DiscardedBatch<KinesisStreamRecord>[] = [];
  const mapping = kinesisEventSourceMapping({
    backend,
    region: REGION,
    streamName: STREAM,
    invoker: fn,
    functionArn: FUNCTION_ARN,
    config: { batchSize: 10, ...config },
    onFailure: (batch) => {
      discarded.push(batch);
    },
  });
  mapping.start();
  running = { clock, backend, stream, fn, discarded, mapping, put };
  return running;
}

const batches = (s: Setup) => s.fn.batches(dataOf);

describe("stream event source mappings", () => {
  it("delivers Lambda's Kinesis records, which the runtime recognises", async () => {
    const s = setup({});
    s.put('{"beer":1}');
    await until(() => s.fn.calls.length === 1);
    const event = s.fn.calls[0]!.request.payload;
    expect(shapeDifferences(event, FAMILIES.kinesis.fixtures(), FAMILIES.kinesis.rules)).toEqual({
      unknown: [],
      missing: [],
    });
    expect(detectSource(event)).toMatchObject({ kind: "kinesis", key: STREAM });
    const record = s.fn.calls[0]!.records[0]!;
    expect(record).toMatchObject({
      eventSource: "aws:kinesis",
      eventVersion: "1.0",
      eventName: "aws:kinesis:record",
      eventID: `shardId-000000000000:${record.kinesis.sequenceNumber}`,
      awsRegion: REGION,
      eventSourceARN: `arn:aws:kinesis:${REGION}:000000000000:stream/${STREAM}`,
      kinesis: { partitionKey: '{"beer":1}', approximateArrivalTimestamp: START / 1000 },
    });
    expect(s.fn.calls[0]!.request).toMatchObject({
      invocationType: "RequestResponse",
      trigger: `kinesis:${STREAM}`,
    });
  });

  it("starts at LATEST by default, skipping what the stream held", async () => {
    const s = setup({}, { before: ["old"] });
    s.put("new");
    await until(() => s.fn.calls.length === 1);
    expect(batches(s)).toEqual([["new"]]);
  });

  it("reads from TRIM_HORIZON in order, in batches of at most batchSize", async () => {
    const s = setup(
      { startingPosition: "TRIM_HORIZON", batchSize: 2 },
      { before: ["a", "b", "c", "d", "e"] },
    );
    await until(() => s.fn.calls.length === 3);
    expect(batches(s)).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  });

  it("keeps each shard in order when the stream has several", async () => {
    const s = setup({ startingPosition: "TRIM_HORIZON" }, { shards: 4 });
    const values = Array.from({ length: 40 }, (_, index) => `v${index}`);
    for (const value of values) {
      s.put(value);
      await settle();
    }
    await until(() => s.fn.calls.flatMap((call) => call.records).length === 40);
    const byShard = new Map<string, string[]>();
    for (const record of s.fn.calls.flatMap((call) => call.records)) {
      const shard = record.eventID.split(":")[0]!;
      byShard.set(shard, [...(byShard.get(shard) ?? []), dataOf(record)]);
    }
    for (const received of byShard.values()) {
      expect(received).toEqual([...received].sort((a, b) => values.indexOf(a) - values.indexOf(b)));
    }
    expect(byShard.size).toBeGreaterThan(1);
  });

  it("waits out the batching window to fill a batch", async () => {
    const s = setup({ maximumBatchingWindowInSeconds: 2 });
    s.put("a");
    await s.clock.advance(1000);
    s.put("b");
    await settle();
    expect(s.fn.calls).toHaveLength(0);
    await s.clock.advance(1000);
    await until(() => s.fn.calls.length === 1);
    expect(batches(s)).toEqual([["a", "b"]]);
  });

  it("retries a failed batch, blocking the shard, until it succeeds", async () => {
    const s = setup({});
    s.fn.respond = (_, call) => (call === 1 ? fail() : succeed());
    s.put("a", "b");
    await until(() => s.fn.calls.length === 1);
    s.put("c");
    await settle();
    expect(s.fn.calls).toHaveLength(1);
    await s.clock.advance(RETRY_DELAY_MS);
    await until(() => s.fn.calls.length === 3);
    expect(batches(s)).toEqual([["a", "b"], ["a", "b"], ["c"]]);
  });

  it("retries a throttled batch without counting it as a retry", async () => {
    const s = setup({ maximumRetryAttempts: 0 });
    s.fn.respond = (_, call) => (call === 1 ? throttle() : succeed());
    s.put("a");
    await until(() => s.fn.calls.length === 1);
    await s.clock.advance(1000);
    await until(() => s.fn.calls.length === 2);
    expect(s.discarded).toEqual([]);
  });

  it("discards a batch after MaximumRetryAttempts, to the on-failure destination", async () => {
    const s = setup({ maximumRetryAttempts: 2 });
    s.fn.respond = (records) =>
      records.some((record) => dataOf(record) === "bad") ? fail() : succeed();
    s.put("bad");
    for (const attempt of [1, 2]) {
      await until(() => s.fn.calls.length === attempt);
      await s.clock.advance(RETRY_DELAY_MS);
    }
    await until(() => s.discarded.length === 1);
    const discardedAt = new Date(s.clock.now()).toISOString();
    s.put("good");
    await until(() => s.fn.calls.length === 4);
    expect(batches(s)).toEqual([["bad"], ["bad"], ["bad"], ["good"]]);
    const [{ invocationRecord, records }] = s.discarded as [DiscardedBatch<KinesisStreamRecord>];
    const sequenceNumber = records[0]!.kinesis.sequenceNumber;
    expect(invocationRecord).toEqual({
      requestContext: {
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        functionArn: FUNCTION_ARN,
        condition: "RetryAttemptsExhausted",
        approximateInvokeCount: 3,
      },
      responseContext: { statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" },
      version: "1.0",
      timestamp: discardedAt,
      KinesisBatchInfo: {
        shardId: "shardId-000000000000",
        startSequenceNumber: sequenceNumber,
        endSequenceNumber: sequenceNumber,
        approximateArrivalOfFirstRecord: new Date(START).toISOString(),
        approximateArrivalOfLastRecord: new Date(START).toISOString(),
        batchSize: 1,
        streamArn: `arn:aws:kinesis:${REGION}:000000000000:stream/${STREAM}`,
      },
    });
  });

  it("bisects a failing batch to isolate the bad record", async () => {
    const s = setup(
      {
        startingPosition: "TRIM_HORIZON",
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: 0,
      },
      {
        before: ["a", "b", "bad", "d"],
      },
    );
    s.fn.respond = (records) =>
      records.some((record) => dataOf(record) === "bad") ? fail() : succeed();
    await until(() => s.discarded.length === 1);
    await until(() => s.fn.calls.length === 5);
    expect(batches(s)).toEqual([["a", "b", "bad", "d"], ["a", "b"], ["bad", "d"], ["bad"], ["d"]]);
    expect(s.discarded[0]?.records.map(dataOf)).toEqual(["bad"]);
  });

  it("retries from the first failed record of a partial batch response", async () => {
    const s = setup(
      { startingPosition: "TRIM_HORIZON", reportBatchItemFailures: true },
      { before: ["a", "b", "c"] },
    );
    s.fn.respond = (records, call) =>
      call === 1
        ? succeed({
            batchItemFailures: [
              { itemIdentifier: records[2]!.kinesis.sequenceNumber },
              { itemIdentifier: records[1]!.kinesis.sequenceNumber },
            ],
          })
        : succeed({ batchItemFailures: [] });
    await until(() => s.fn.calls.length === 1);
    await s.clock.advance(RETRY_DELAY_MS);
    await until(() => s.fn.calls.length === 2);
    expect(batches(s)).toEqual([
      ["a", "b", "c"],
      ["b", "c"],
    ]);
  });

  it("retries the whole batch when the partial response names no record of it", async () => {
    const s = setup(
      { startingPosition: "TRIM_HORIZON", reportBatchItemFailures: true },
      { before: ["a", "b"] },
    );
    s.fn.respond = (_, call) =>
      succeed(call === 1 ? { batchItemFailures: [{ itemIdentifier: "" }] } : null);
    await until(() => s.fn.calls.length === 1);
    await s.clock.advance(RETRY_DELAY_MS);
    await until(() => s.fn.calls.length === 2);
    expect(batches(s)).toEqual([
      ["a", "b"],
      ["a", "b"],
    ]);
  });

  it("discards records older than MaximumRecordAgeInSeconds", async () => {
    const s = setup({ maximumRecordAgeInSeconds: 60 });
    s.fn.respond = () => fail();
    s.put("a");
    await until(() => s.fn.calls.length === 1);
    await s.clock.advance(61_000);
    await until(() => s.discarded.length === 1);
    expect(s.discarded[0]?.invocationRecord.requestContext.condition).toBe("RecordAgeExceeded");
  });

  it("passes only the records the filter criteria accept", async () => {
    const s = setup({ filterCriteria: { Filters: [{ Pattern: '{"data":{"kind":["lager"]}}' }] } });
    s.put('{"kind":"stout"}', '{"kind":"lager"}', "plain text");
    await until(() => s.fn.calls.length === 1);
    s.put('{"kind":"lager","n":2}');
    await until(() => s.fn.calls.length === 2);
    expect(batches(s)).toEqual([['{"kind":"lager"}'], ['{"kind":"lager","n":2}']]);
  });

  it("reads a stream created again after its deletion from its start", async () => {
    const s = setup({});
    s.backend.deleteStream(s.stream);
    const again = s.backend.createStream(REGION, STREAM, 1);
    again.put(Buffer.from("fresh"), "k");
    await until(() => s.fn.calls.length === 1);
    expect(batches(s)).toEqual([["fresh"]]);
  });

  it("refuses settings Lambda refuses", () => {
    expect(() => setup({ batchSize: 0 })).toThrow(
      "BatchSize must be an integer between 1 and 10000",
    );
    expect(() => setup({ maximumRecordAgeInSeconds: 10 })).toThrow("MaximumRecordAgeInSeconds");
  });
});
