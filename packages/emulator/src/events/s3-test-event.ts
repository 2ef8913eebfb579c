import type { SNSEvent, SQSEvent } from "aws-lambda";
import { createContext, type EventContext, type GeneratorOptions, isoMillis } from "./context.js";
import { base64Id, hexId } from "./ids.js";
import { checkBucketName } from "./names.js";
import { ParamReader } from "./params.js";
import { readS3Queue, readS3Topic } from "./s3.js";
import { snsEvent } from "./sns.js";
import { s3Publish, snsNotification } from "./sns-notification.js";
import { snsJsonBody } from "./sns-via-sqs.js";
import { readReceiveCount, sqsEvent } from "./sqs.js";

const S3_TEST_EVENT_ROUTES = ["sqs", "sns", "sns-via-sqs"] as const;

export interface S3TestEventParams {
  readonly bucket: string;
  /** Where S3 sent the test message: a queue (default), a topic, or a topic with a queue subscribed. */
  readonly via?: (typeof S3_TEST_EVENT_ROUTES)[number];
  readonly queue?: string;
  readonly topic?: string;
  readonly receiveCount?: number;
}

/**
 * The `s3:TestEvent` message S3 sends to a queue or topic when a notification configuration
 * naming it is saved; handlers should acknowledge it and do nothing.
 */
export function generateS3TestEvent(
  params: S3TestEventParams,
  options?: GeneratorOptions,
): SQSEvent | SNSEvent {
  const ctx = createContext("s3-test-event", options);
  const reader = ParamReader.of("s3-test-event", params, [
    "bucket",
    "via",
    "queue",
    "topic",
    "receiveCount",
  ]);
  const message = testMessage(reader.string("bucket", checkBucketName), ctx);
  const via = reader.optionalEnum("via", S3_TEST_EVENT_ROUTES) ?? "sqs";
  const rejectUnused = (name: string) => {
    if (reader.has(name)) reader.fail(name, `not used when the test event goes via ${via}`);
  };
  if (via === "sns") {
    rejectUnused("queue");
    rejectUnused("receiveCount");
    const notification = snsNotification(readS3Topic(reader, ctx), s3Publish(message), ctx);
    return snsEvent([notification]);
  }
  if (via === "sqs") rejectUnused("topic");
  const body =
    via === "sqs"
      ? message
      : snsJsonBody(snsNotification(readS3Topic(reader, ctx), s3Publish(message), ctx));
  return sqsEvent(
    readS3Queue(reader, ctx),
    [{ body, messageAttributes: {} }],
    ctx,
    readReceiveCount(reader),
  );
}

/** The test message alone, as the emulated S3 sends it to a queue or topic it is configured with. */
export function s3TestEventMessage(bucket: string, options?: GeneratorOptions): string {
  return testMessage(bucket, createContext("s3-test-event", options));
}

function testMessage(bucket: string, ctx: EventContext): string {
  return JSON.stringify({
    Service: "Amazon S3",
    Event: "s3:TestEvent",
    Time: isoMillis(ctx.time),
    Bucket: bucket,
    RequestId: hexId(ctx, 16).toUpperCase(),
    HostId: base64Id(ctx, 57),
  });
}
