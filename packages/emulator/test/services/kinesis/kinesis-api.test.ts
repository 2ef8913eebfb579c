import {
  CreateStreamCommand,
  DeleteStreamCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type GetShardIteratorCommandInput,
  ListShardsCommand,
  ListStreamsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  ResourceInUseException,
  ResourceNotFoundException,
} from "@aws-sdk/client-kinesis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashKeyOf } from "../../../src/services/kinesis/index.js";
import { type KinesisHarness, REGION, startKinesis, uniqueStream } from "./harness.js";

let h: KinesisHarness;
beforeAll(async () => {
  h = await startKinesis();
});
afterAll(() => h.close());

const text = (data: Uint8Array | undefined) => Buffer.from(data ?? []).toString("utf8");
const bytes = (value: string) => Buffer.from(value, "utf8");

async function createStream(ShardCount = 1): Promise<string> {
  const StreamName = uniqueStream();
  await h.kinesis.send(new CreateStreamCommand({ StreamName, ShardCount }));
  return StreamName;
}

async function iterator(
  input: Omit<GetShardIteratorCommandInput, "ShardId"> & { ShardId?: string },
) {
  const output = await h.kinesis.send(
    new GetShardIteratorCommand({ ShardId: "shardId-000000000000", ...input }),
  );
  return output.ShardIterator;
}

describe("streams", () => {
  it("creates, describes, lists and deletes a stream", async () => {
    const StreamName = await createStream(2);
    const { StreamDescription } = await h.kinesis.send(new DescribeStreamCommand({ StreamName }));
    expect(StreamDescription).toMatchObject({
      StreamName,
      StreamARN: `arn:aws:kinesis:${REGION}:000000000000:stream/${StreamName}`,
      StreamStatus: "ACTIVE",
      StreamModeDetails: { StreamMode: "PROVISIONED" },
      HasMoreShards: false,
      RetentionPeriodHours: 24,
    });
    expect(StreamDescription?.StreamCreationTimestamp).toEqual(
      new Date("2024-05-01T12:00:00.000Z"),
    );
    expect(StreamDescription?.Shards?.map((shard) => shard.HashKeyRange)).toEqual([
      { StartingHashKey: "0", EndingHashKey: String(2n ** 127n - 1n) },
      { StartingHashKey: String(2n ** 127n), EndingHashKey: String(2n ** 128n - 1n) },
    ]);
    const summary = await h.kinesis.send(new DescribeStreamSummaryCommand({ StreamName }));
    expect(summary.StreamDescriptionSummary).toMatchObject({ StreamName, OpenShardCount: 2 });
    const listed = await h.kinesis.send(new ListStreamsCommand({}));
    expect(listed.StreamNames).toContain(StreamName);
    expect(listed.StreamSummaries?.find((s) => s.StreamName === StreamName)?.StreamStatus).toBe(
      "ACTIVE",
    );
    await h.kinesis.send(new DeleteStreamCommand({ StreamName }));
    const error = await h.kinesis
      .send(new DescribeStreamCommand({ StreamName }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as Error).message).toBe(
      `Stream ${StreamName} under account 000000000000 not found.`,
    );
  });

  it("creates on-demand streams with four shards, and refuses a name in use", async () => {
    const StreamName = uniqueStream();
    await h.kinesis.send(
      new CreateStreamCommand({ StreamName, StreamModeDetails: { StreamMode: "ON_DEMAND" } }),
    );
    const { Shards } = await h.kinesis.send(new ListShardsCommand({ StreamName }));
    expect(Shards?.map((shard) => shard.ShardId)).toEqual(
      [0, 1, 2, 3].map((n) => `shardId-00000000000${n}`),
    );
    const error = await h.kinesis
      .send(new CreateStreamCommand({ StreamName, ShardCount: 1 }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceInUseException);
  });

  it("pages ListShards with a token", async () => {
    const StreamName = await createStream(3);
    const first = await h.kinesis.send(new ListShardsCommand({ StreamName, MaxResults: 2 }));
    expect(first.Shards).toHaveLength(2);
    const rest = await h.kinesis.send(new ListShardsCommand({ NextToken: first.NextToken }));
    expect(rest.Shards?.map((shard) => shard.ShardId)).toEqual(["shardId-000000000002"]);
    expect(rest.NextToken).toBeUndefined();
  });
});

describe("records", () => {
  it("puts records on the shard their partition key hashes to, numbered in order", async () => {
    const StreamName = await createStream(2);
    const keys = ["a", "b", "c", "d", "e"];
    const results = [];
    for (const key of keys) {
      results.push(
        await h.kinesis.send(
          new PutRecordCommand({ StreamName, PartitionKey: key, Data: bytes(key) }),
        ),
      );
    }
    const expected = keys.map((key) =>
      hashKeyOf(key) < 2n ** 127n ? "shardId-000000000000" : "shardId-000000000001",
    );
    expect(results.map((result) => result.ShardId)).toEqual(expected);
    for (const shardId of new Set(expected)) {
      const numbers = results
        .filter((result) => result.ShardId === shardId)
        .map((result) => BigInt(result.SequenceNumber ?? ""));
      expect(numbers.every((n, i) => i === 0 || n > numbers[i - 1]!)).toBe(true);
    }
    expect(results[0]?.SequenceNumber).toMatch(/^\d{56}$/);
  });

  it("PutRecords answers per record, and ExplicitHashKey picks the shard", async () => {
    const StreamName = await createStream(2);
    const output = await h.kinesis.send(
      new PutRecordsCommand({
        StreamName,
        Records: [
          { PartitionKey: "x", Data: bytes("1"), ExplicitHashKey: "0" },
          { PartitionKey: "x", Data: bytes("2"), ExplicitHashKey: String(2n ** 128n - 1n) },
        ],
      }),
    );
    expect(output.FailedRecordCount).toBe(0);
    expect(output.Records?.map((record) => record.ShardId)).toEqual([
      "shardId-000000000000",
      "shardId-000000000001",
    ]);
  });

  it("reads from TRIM_HORIZON, LATEST, at and after a sequence number, and at a time", async () => {
    const StreamName = await createStream(1);
    const put = async (value: string) =>
      (
        await h.kinesis.send(
          new PutRecordCommand({ StreamName, PartitionKey: "k", Data: bytes(value) }),
        )
      ).SequenceNumber;
    const one = await put("one");
    await h.clock.advance(1000);
    const two = await put("two");
    const latest = await iterator({ StreamName, ShardIteratorType: "LATEST" });
    await put("three");
    const read = async (ShardIterator: string | undefined) =>
      (await h.kinesis.send(new GetRecordsCommand({ ShardIterator }))).Records?.map((r) =>
        text(r.Data),
      );
    expect(await read(await iterator({ StreamName, ShardIteratorType: "TRIM_HORIZON" }))).toEqual([
      "one",
      "two",
      "three",
    ]);
    expect(await read(latest)).toEqual(["three"]);
    expect(
      await read(
        await iterator({
          StreamName,
          ShardIteratorType: "AT_SEQUENCE_NUMBER",
          StartingSequenceNumber: two,
        }),
      ),
    ).toEqual(["two", "three"]);
    expect(
      await read(
        await iterator({
          StreamName,
          ShardIteratorType: "AFTER_SEQUENCE_NUMBER",
          StartingSequenceNumber: one,
        }),
      ),
    ).toEqual(["two", "three"]);
    expect(
      await read(
        await iterator({
          StreamName,
          ShardIteratorType: "AT_TIMESTAMP",
          Timestamp: new Date("2024-05-01T12:00:00.500Z"),
        }),
      ),
    ).toEqual(["two", "three"]);
  });

  it("pages GetRecords with NextShardIterator and reports MillisBehindLatest", async () => {
    const StreamName = await createStream(1);
    const putAt = new Date(h.clock.now());
    for (const value of ["a", "b", "c"]) {
      await h.kinesis.send(
        new PutRecordCommand({ StreamName, PartitionKey: value, Data: bytes(value) }),
      );
    }
    await h.clock.advance(5000);
    const first = await h.kinesis.send(
      new GetRecordsCommand({
        ShardIterator: await iterator({ StreamName, ShardIteratorType: "TRIM_HORIZON" }),
        Limit: 2,
      }),
    );
    expect(first.Records?.map((record) => text(record.Data))).toEqual(["a", "b"]);
    expect(first.Records?.[0]?.ApproximateArrivalTimestamp).toEqual(putAt);
    expect(first.MillisBehindLatest).toBe(5000);
    const second = await h.kinesis.send(
      new GetRecordsCommand({ ShardIterator: first.NextShardIterator }),
    );
    expect(second.Records?.map((record) => text(record.Data))).toEqual(["c"]);
    expect(second.MillisBehindLatest).toBe(0);
    const empty = await h.kinesis.send(
      new GetRecordsCommand({ ShardIterator: second.NextShardIterator }),
    );
    expect(empty.Records).toEqual([]);
  });

  it("expires shard iterators after five minutes", async () => {
    const StreamName = await createStream(1);
    const ShardIterator = await iterator({ StreamName, ShardIteratorType: "TRIM_HORIZON" });
    await h.clock.advance(5 * 60 * 1000 + 1);
    const error = await h.kinesis
      .send(new GetRecordsCommand({ ShardIterator }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpiredIteratorException);
  });
});
