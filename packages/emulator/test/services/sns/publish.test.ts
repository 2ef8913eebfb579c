import {
  type MessageAttributeValue,
  PublishBatchCommand,
  PublishCommand,
} from "@aws-sdk/client-sns";
import { describe, expect, it } from "vitest";
import { ACCOUNT, failureOf, REGION, useSnsEmulator } from "./harness.js";

const emulator = useSnsEmulator();

describe("Publish", () => {
  it("returns a message id once accepted, before anything is delivered", async () => {
    const { sns, queues, deliver } = emulator();
    const TopicArn = emulator().topicToQueue("t");
    const { MessageId, SequenceNumber } = await sns.send(
      new PublishCommand({ TopicArn, Message: "m" }),
    );
    expect(MessageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(SequenceNumber).toBeUndefined();
    expect(queues.sent).toEqual([]);
    await deliver();
    expect(queues.sent).toHaveLength(1);
  });

  it("publishes to a topic named by TargetArn", async () => {
    const { sns, queues, deliver } = emulator();
    const TargetArn = emulator().topicToQueue("t");
    await sns.send(new PublishCommand({ TargetArn, Message: "m" }));
    await deliver();
    expect(queues.sent).toHaveLength(1);
  });

  it.each([
    [
      { Message: "m" },
      "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter",
    ],
    [
      { TopicArn: "", Message: "m" },
      "Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1",
    ],
    [
      { TopicArn: "a:b", Message: "m" },
      "Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 2",
    ],
    [
      { TopicArn: `arn:aws:sns:eu-west-1:${ACCOUNT}:t`, Message: "m" },
      "Invalid parameter: TopicArn",
    ],
    [
      { TargetArn: `arn:aws:sns:${REGION}:${ACCOUNT}:endpoint/APNS/app/0f7d5971`, Message: "m" },
      "Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified",
    ],
    [
      { PhoneNumber: "+15551234567", Message: "m" },
      "Invalid parameter: PhoneNumber Reason: the Domovoi emulator does not send SMS",
    ],
  ])("refuses the target of %j", async (input, message) => {
    const { sns } = emulator();
    expect(await failureOf(sns.send(new PublishCommand(input)))).toMatchObject({
      name: "InvalidParameterException",
      message,
    });
  });

  it("answers NotFound for a topic that does not exist", async () => {
    const { sns } = emulator();
    expect(
      await failureOf(
        sns.send(
          new PublishCommand({ TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:nope`, Message: "m" }),
        ),
      ),
    ).toMatchObject({ name: "NotFoundException", message: "Topic does not exist", status: 404 });
  });

  it.each([
    [{ Message: "" }, "Invalid parameter: Empty message"],
    [{ Message: "m", Subject: "" }, "Invalid parameter: Subject"],
    [{ Message: "m", Subject: "line\nbreak" }, "Invalid parameter: Subject"],
    [{ Message: "x".repeat(256 * 1024 + 1) }, "Invalid parameter: Message too long"],
    [
      {
        Message: "x".repeat(256 * 1024 - 10),
        MessageAttributes: { attr: { DataType: "String", StringValue: "0123456789" } },
      },
      "Invalid parameter: Message too long",
    ],
    [
      { Message: "{}", MessageStructure: "json" },
      "Invalid parameter: Message Structure - No default entry in JSON message body",
    ],
    [
      { Message: "{nope", MessageStructure: "json" },
      "Invalid parameter: Message Structure - JSON message body failed to parse",
    ],
    [
      { Message: '{"1": "x"}', MessageStructure: "json" },
      "Invalid parameter: Message Structure - No default entry in JSON message body",
    ],
    [{ Message: "m", MessageStructure: "xml" }, "Invalid parameter: MessageStructure"],
    [
      { Message: "m", MessageDeduplicationId: "d" },
      "Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type",
    ],
  ])("refuses %#: %s", async (input, message) => {
    const { sns } = emulator();
    const TopicArn = emulator().topicToQueue("t");
    expect(await failureOf(sns.send(new PublishCommand({ TopicArn, ...input })))).toMatchObject({
      name: "InvalidParameterException",
      code: "InvalidParameter",
      message,
    });
  });

  const attribute = (value: MessageAttributeValue) => ({ attr1: value });
  it.each([
    [
      attribute({ DataType: "String", StringValue: "" }),
      "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'.",
    ],
    [
      attribute({ DataType: "String" }),
      "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'.",
    ],
    [
      attribute({ DataType: "Binary", BinaryValue: new Uint8Array() }),
      "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'Binary'.",
    ],
    [
      attribute({ DataType: "String", BinaryValue: Uint8Array.of(1) }),
      "The message attribute 'attr1' with type 'String' must use field 'String'.",
    ],
    [
      attribute({ DataType: "Number", BinaryValue: Uint8Array.of(1) }),
      "The message attribute 'attr1' with type 'Number' must use field 'String'.",
    ],
    [
      attribute({ DataType: "Binary", StringValue: "123" }),
      "The message attribute 'attr1' with type 'Binary' must use field 'Binary'.",
    ],
    [
      attribute({ DataType: "InvalidType", StringValue: "123" }),
      "The message attribute 'attr1' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.",
    ],
    [
      attribute({ DataType: "String.", StringValue: "x" }),
      "The message attribute 'attr1' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.",
    ],
    [
      attribute({ DataType: "Stringprefixed", StringValue: "x" }),
      "The message attribute 'attr1' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.",
    ],
    [
      { ["a".repeat(257)]: { DataType: "String", StringValue: "1" } },
      "Length of message attribute name must be less than 256 bytes.",
    ],
    [
      { "attr^": { DataType: "String", StringValue: "1" } },
      "Invalid non-alphanumeric character '#x5E' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.",
    ],
    [
      { ".attr": { DataType: "String", StringValue: "1" } },
      "Invalid message attribute name starting with character '.' was found.",
    ],
    [
      { "attr.": { DataType: "String", StringValue: "1" } },
      "Invalid message attribute name ending with character '.' was found.",
    ],
    [
      { "at..tr": { DataType: "String", StringValue: "1" } },
      "Message attribute name can not have successive '.' character.",
    ],
  ])("refuses the message attributes %#", async (MessageAttributes, message) => {
    const { sns } = emulator();
    const TopicArn = emulator().topicToQueue("t");
    const input = { TopicArn, Message: "m", MessageAttributes };
    expect(await failureOf(sns.send(new PublishCommand(input)))).toMatchObject({
      name: "InvalidParameterValueException",
      code: "ParameterValueInvalid",
      message,
    });
    const entries = [{ Id: "1", Message: "m", MessageAttributes }];
    expect(
      await failureOf(
        sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: entries })),
      ),
    ).toMatchObject({ code: "ParameterValueInvalid", message });
  });

  it("names a missing data type as SNS's request validation does", async () => {
    const { sns } = emulator();
    const TopicArn = emulator().topicToQueue("t");
    const MessageAttributes = { attr1: { StringValue: "x" } as MessageAttributeValue };
    expect(
      await failureOf(sns.send(new PublishCommand({ TopicArn, Message: "m", MessageAttributes }))),
    ).toMatchObject({
      code: "ValidationError",
      message:
        "1 validation error detected: Value null at 'messageAttributes.attr1.member.dataType' failed to satisfy constraint: Member must not be null",
    });
    const entries = [{ Id: "1", Message: "m", MessageAttributes }];
    expect(
      (
        await failureOf(
          sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: entries })),
        )
      ).message,
    ).toBe(
      "1 validation error detected: Value null at 'publishBatchRequestEntries.1.member.messageAttributes.attr1.member.dataType' failed to satisfy constraint: Member must not be null",
    );
  });

  it("accepts custom data types", async () => {
    const { sns } = emulator();
    const TopicArn = emulator().topicToQueue("t");
    for (const DataType of [
      "String.prefixed",
      "String.  prefixed.",
      "Number.float",
      "Binary.gif",
    ]) {
      const value = DataType.startsWith("Binary")
        ? { BinaryValue: Uint8Array.of(1) }
        : { StringValue: "1" };
      const MessageAttributes = { attr1: { DataType, ...value } };
      await sns.send(new PublishCommand({ TopicArn, Message: "m", MessageAttributes }));
    }
  });
});
