import { md5OfMessageAttributes } from "../../../events/sqs-md5.js";
import { type Delivery, deliveryAttributes } from "../message.js";
import { selectAttributes, toWireAttributes } from "../message-attributes.js";
import type { OperationInput } from "../operation-input.js";
import { invalidParameter } from "../sqs-errors.js";
import { type Operation, targetQueue } from "./operation.js";

/** ReceiveMessage, long polling on the emulator's clock when `WaitTimeSeconds` asks for it. */
export const receiveMessage: Operation = async (input, context) => {
  const queue = targetQueue(input, context);
  // Every parameter is read before the receive: a bad one must not leave messages in flight.
  const systemNames = [
    ...input.stringList("AttributeNames"),
    ...input.stringList("MessageSystemAttributeNames"),
  ];
  const attributeNames = input.stringList("MessageAttributeNames");
  const deliveries = await queue.receive({
    maxMessages:
      readRange(input, "MaxNumberOfMessages", 1, 10, "Must be between 1 and 10, if provided.") ?? 1,
    visibilityTimeout: readRange(
      input,
      "VisibilityTimeout",
      0,
      43_200,
      "Must be >= 0 and <= 43200, if provided.",
    ),
    waitTimeSeconds: readRange(
      input,
      "WaitTimeSeconds",
      0,
      20,
      "Must be >= 0 and <= 20, if provided.",
    ),
  });
  return {
    Messages: deliveries.map((delivery) => wireMessage(delivery, systemNames, attributeNames)),
  };
};

function readRange(
  input: OperationInput,
  name: string,
  min: number,
  max: number,
  reason: string,
): number | undefined {
  const value = input.optionalInteger(name);
  if (value !== undefined && (value < min || value > max))
    throw invalidParameter(name, value, reason);
  return value;
}

/** A received message as ReceiveMessage returns it: only the attributes asked for. */
function wireMessage(
  delivery: Delivery,
  systemNames: readonly string[],
  attributeNames: readonly string[],
) {
  const { message } = delivery;
  const all = systemNames.includes("All");
  const attributes = Object.entries(deliveryAttributes(delivery)).filter(
    ([name]) => all || systemNames.includes(name),
  );
  const selected = selectAttributes(message.messageAttributes, attributeNames);
  const selectedNames = Object.keys(selected);
  return {
    MessageId: message.messageId,
    ReceiptHandle: delivery.receiptHandle,
    MD5OfBody: message.md5OfBody,
    Body: message.body,
    ...(attributes.length > 0 && { Attributes: Object.fromEntries(attributes) }),
    ...(selectedNames.length > 0 && {
      MD5OfMessageAttributes:
        selected === message.messageAttributes
          ? message.md5OfMessageAttributes
          : md5OfMessageAttributes(selected),
      MessageAttributes: toWireAttributes(selected),
    }),
  };
}
