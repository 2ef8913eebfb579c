import { PublishBatchCommand, type PublishBatchRequestEntry } from "@aws-sdk/client-sns";
import { describe, expect, it } from "vitest";
import { ACCOUNT, failureOf, REGION, useSnsEmulator } from "./harness.js";

const emulator = useSnsEmulator();

describe("PublishBatch", () => {
  const entries = (count: number): PublishBatchRequestEntry[] =>
    Array.from({ length: count }, (_, index) => ({ Id: `m${index}`, Message: `message ${index}` }));

  it("publishes every entry and answers per entry", async () => {
    const { sns, queues, deliver } = emulator();
    const TopicArn = emulator().topicToQueue("t");
    const response = await sns.send(
      new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: entries(10) }),
    );
    expect(response.Failed).toEqual([]);
    expect(response.Successful?.map((entry) => entry.Id)).toEqual(
      entries(10).map((entry) => entry.Id),
    );
    await deliver();
    expect(queues.sent.map((sent) => JSON.parse(sent.message.body).Message)).toEqual(
      entries(10).map((entry) => entry.Message),
    );
  });

  it("numbers the entries of a FIFO batch and answers duplicates with the first ids", async () => {
    const { sns } = emulator();
    const TopicArn = emulator().topicToQueue("t.fifo", { ContentBasedDeduplication: "true" });
    const batch = entries(3).map((entry) => ({ ...entry, MessageGroupId: "g" }));
    const first = await sns.send(
      new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: batch }),
    );
    const again = await sns.send(
      new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: batch }),
    );
    expect(first.Successful?.every((entry) => /^\d{20}$/.test(entry.SequenceNumber ?? ""))).toBe(
      true,
    );
    expect(again.Successful).toEqual(first.Successful);
  });

  it.each([
    [
      "no entries",
      [],
      "EmptyBatchRequestException",
      "The batch request doesn't contain any entries.",
    ],
    [
      "11 entries",
      entries(11),
      "TooManyEntriesInBatchRequestException",
      "The batch request contains more entries than permissible.",
    ],
    [
      "two entries with one id",
      [
        { Id: "a", Message: "1" },
        { Id: "a", Message: "2" },
      ],
      "BatchEntryIdsNotDistinctException",
      "Two or more batch entries in the request have the same Id.",
    ],
    [
      "an id with a dot",
      [{ Id: "a.b", Message: "1" }],
      "InvalidBatchEntryIdException",
      "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.",
    ],
    [
      "messages over 256 KiB together",
      [
        { Id: "a", Message: "x".repeat(200 * 1024) },
        { Id: "b", Message: "x".repeat(100 * 1024) },
      ],
      "BatchRequestTooLongException",
      "The length of all the messages put together is more than the limit.",
    ],
    [
      "a JSON structure without default",
      [{ Id: "a", Message: '{"sqs": "x"}', MessageStructure: "json" }],
      "InvalidParameterException",
      "Invalid parameter: Message Structure - No default entry in JSON message body",
    ],
  ])("refuses the whole batch for %s", async (_case, batch, name, message) => {
    const { sns, queues, deliver } = emulator();
    const TopicArn = emulator().topicToQueue("t");
    const valid = { Id: "valid", Message: "valid" };
    const PublishBatchRequestEntries =
      batch.length > 0 && batch.length < 10 ? [valid, ...batch] : batch;
    expect(
      await failureOf(sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries }))),
    ).toMatchObject({ name, message });
    await deliver();
    expect(queues.sent).toEqual([]);
  });

  it("refuses a FIFO batch with an entry lacking its group", async () => {
    const { sns } = emulator();
    const TopicArn = emulator().topicToQueue("t.fifo", { ContentBasedDeduplication: "true" });
    const PublishBatchRequestEntries = [
      { Id: "a", Message: "1", MessageGroupId: "g" },
      { Id: "b", Message: "2" },
    ];
    expect(
      await failureOf(sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries }))),
    ).toMatchObject({
      message: "Invalid parameter: The MessageGroupId parameter is required for FIFO topics",
    });
  });

  it("answers NotFound for a topic that does not exist", async () => {
    const { sns } = emulator();
    const TopicArn = `arn:aws:sns:${REGION}:${ACCOUNT}:nope`;
    expect(
      await failureOf(
        sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: entries(1) })),
      ),
    ).toMatchObject({ name: "NotFoundException", message: "Topic does not exist" });
  });
});
