import { PublishCommand } from "@aws-sdk/client-sns";
import { describe, expect, it } from "vitest";
import { failureOf, useSnsEmulator } from "./harness.js";

const emulator = useSnsEmulator();

describe("Publish to a FIFO topic", () => {
  it("numbers messages and answers a duplicate within five minutes with the first one's ids", async () => {
    const { sns, clock, queues, deliver } = emulator();
    const TopicArn = emulator().topicToQueue("t.fifo", { ContentBasedDeduplication: "true" });
    const send = () =>
      sns.send(new PublishCommand({ TopicArn, Message: "Test", MessageGroupId: "g" }));
    const first = await send();
    const again = await send();
    expect(first.SequenceNumber).toMatch(/^\d{20}$/);
    expect(again).toMatchObject({
      MessageId: first.MessageId,
      SequenceNumber: first.SequenceNumber,
    });
    await clock.advance(5 * 60 * 1000);
    const later = await send();
    expect(later.MessageId).not.toBe(first.MessageId);
    expect(BigInt(later.SequenceNumber ?? 0)).toBeGreaterThan(BigInt(first.SequenceNumber ?? 0));
    await deliver();
    expect(queues.sent).toHaveLength(2);
    expect(queues.sent[0]?.message).toMatchObject({
      messageGroupId: "g",
      messageDeduplicationId: "532eaabd9574880dbf76b9b8cc00832c20a6ec113d682299550d7a6e0f345e25",
    });
  });

  it.each([
    [{}, "Invalid parameter: The MessageGroupId parameter is required for FIFO topics"],
    [
      { MessageGroupId: "g" },
      "Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
    ],
  ])("refuses %j without content-based deduplication", async (input, message) => {
    const { sns } = emulator();
    const TopicArn = emulator().topicToQueue("t.fifo");
    expect(
      await failureOf(sns.send(new PublishCommand({ TopicArn, Message: "m", ...input }))),
    ).toMatchObject({ name: "InvalidParameterException", message });
  });

  it("deduplicates by group with FifoThroughputScope MessageGroup", async () => {
    const { sns } = emulator();
    const TopicArn = emulator().topicToQueue("t.fifo", { FifoThroughputScope: "MessageGroup" });
    const send = (MessageGroupId: string) =>
      sns.send(
        new PublishCommand({ TopicArn, Message: "m", MessageGroupId, MessageDeduplicationId: "d" }),
      );
    const [a, b, aAgain] = [await send("a"), await send("b"), await send("a")];
    expect(b.MessageId).not.toBe(a.MessageId);
    expect(aAgain.MessageId).toBe(a.MessageId);
  });
});
