import type { DynamoDBStreamEvent, KinesisStreamEvent, SQSEvent, SQSRecord } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  BatchFailedError,
  Domovoi,
  type DomovoiContext,
  MalformedEventError,
  perRecord,
} from "../src/index.js";
import { fixtureLabelled } from "./support/fixtures.js";
import { lambdaContext } from "./support/lambda-context.js";

const context = {
  ...lambdaContext(),
  log: () => {},
  stepFunctionsTaskName: undefined,
} as DomovoiContext;

function sqsEvent(bodies: string[], groups?: string[]): SQSEvent {
  const template = fixtureLabelled<SQSEvent>("sqs").Records[0]!;
  return {
    Records: bodies.map((body, index) => ({
      ...template,
      messageId: `m${index}`,
      body,
      attributes: {
        ...template.attributes,
        ...(groups && { MessageGroupId: groups[index]!, SequenceNumber: `${index}` }),
      },
    })),
  };
}

const failOn = (bad: string[]) => async (record: SQSRecord) => {
  if (bad.includes(record.body)) throw new Error(`bad ${record.body}`);
};

describe("perRecord", () => {
  beforeEach(() => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("names the SQS messages that failed", async () => {
    const handler = perRecord(failOn(["b", "d"]));
    await expect(handler(sqsEvent(["a", "b", "c", "d"]), context)).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: "m1" }, { itemIdentifier: "m3" }],
    });
  });

  it("processes standard queue records concurrently", async () => {
    const started: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handler = perRecord(async (record: SQSRecord) => {
      started.push(record.body);
      await gate;
    });
    const done = handler(sqsEvent(["a", "b", "c"]), context);
    await Promise.resolve();
    expect(started).toEqual(["a", "b", "c"]);
    release();
    await expect(done).resolves.toEqual({ batchItemFailures: [] });
  });

  it("processes a FIFO batch in order and fails everything after the first failure", async () => {
    const seen: string[] = [];
    const handler = perRecord(async (record: SQSRecord) => {
      seen.push(record.body);
      if (record.body === "b") throw new Error("bad b");
    });
    const event = sqsEvent(["a", "b", "c", "d"], ["g1", "g2", "g1", "g2"]);
    await expect(handler(event, context)).resolves.toEqual({
      batchItemFailures: [
        { itemIdentifier: "m1" },
        { itemIdentifier: "m2" },
        { itemIdentifier: "m3" },
      ],
    });
    expect(seen).toEqual(["a", "b"]);
  });

  it("can fail only the rest of the failed record's message group", async () => {
    const seen: string[] = [];
    const handler = perRecord(
      async (record: SQSRecord) => {
        seen.push(record.body);
        if (record.body === "b") throw new Error("bad b");
      },
      { fifoFailure: "message-group" },
    );
    const event = sqsEvent(["a", "b", "c", "d", "e"], ["g1", "g2", "g1", "g2", "g2"]);
    await expect(handler(event, context)).resolves.toEqual({
      batchItemFailures: [
        { itemIdentifier: "m1" },
        { itemIdentifier: "m3" },
        { itemIdentifier: "m4" },
      ],
    });
    expect(seen.sort()).toEqual(["a", "b", "c"]);
  });

  it("throws when every record fails, as Lambda then retries the whole batch", async () => {
    const handler = perRecord(failOn(["a", "b"]));
    const failure = handler(sqsEvent(["a", "b"]), context);
    await expect(failure).rejects.toThrow(BatchFailedError);
    await expect(failure).rejects.toMatchObject({ errors: [expect.any(Error), expect.any(Error)] });
    await expect(handler(sqsEvent([]), context)).resolves.toEqual({ batchItemFailures: [] });
  });

  it("uses the sequence number of Kinesis and DynamoDB records", async () => {
    const kinesis = fixtureLabelled<KinesisStreamEvent>("kinesis");
    const firstKinesis = kinesis.Records[0]!.kinesis.sequenceNumber;
    const handler = perRecord(async (record) => {
      if (record === kinesis.Records[0]) throw new Error("bad");
    });
    await expect(handler(kinesis, context)).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: firstKinesis }],
    });
    const dynamodb = fixtureLabelled<DynamoDBStreamEvent>("dynamodb");
    const lastDynamo = dynamodb.Records.at(-1)!.dynamodb!.SequenceNumber;
    const failLast = perRecord(async (record) => {
      if (record === dynamodb.Records.at(-1)) throw new Error("bad");
    });
    await expect(failLast(dynamodb, context)).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: lastDynamo }],
    });
  });

  it("reports a record without identifier or an event without records as malformed", async () => {
    const handler = perRecord(failOn(["a"]));
    const event = sqsEvent(["a", "b"]);
    delete (event.Records[0] as Partial<SQSRecord>).messageId;
    await expect(handler(event, context)).rejects.toThrow(MalformedEventError);
    await expect(handler({} as SQSEvent, context)).rejects.toThrow(MalformedEventError);
  });

  it("keeps the record handler's name and makes the manifest ask for partial responses", () => {
    const app = new Domovoi({ name: "shop" });
    async function process_queue_messages(_record: SQSRecord) {}
    const handler = app.sqsQueueSubscriber("my_queue", perRecord(process_queue_messages));
    expect(handler.name).toBe("process_queue_messages");
    app.dynamodbStreamHandler(
      "Orders",
      perRecord(async () => {}),
    );
    app.kinesisStreamHandler("clicks", async () => {});
    const [queue, table, stream] = app.manifest().registrations;
    expect(queue).toMatchObject({
      name: "process_queue_messages",
      options: { reportBatchItemFailures: true },
    });
    expect(table!.options).toMatchObject({ reportBatchItemFailures: true });
    expect(stream!.options).toMatchObject({ reportBatchItemFailures: false });
  });
});
