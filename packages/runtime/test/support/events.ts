import type {
  EventBridgeEvent,
  S3Event,
  S3EventRecord,
  ScheduledEvent,
  SNSEvent,
  SQSEvent,
} from "aws-lambda";
import { fixture, fixtureLabelled } from "./fixtures.js";
import { ACCOUNT, REGION } from "./lambda-context.js";

/** Variants of real fixtures, for tests that need a particular queue, topic, bucket or body. */

export function sqsBatch(queue: string, bodies: readonly string[]): SQSEvent {
  const template = fixtureLabelled<SQSEvent>("sqs").Records[0]!;
  return {
    Records: bodies.map((body, index) => ({
      ...template,
      messageId: `m${index}`,
      body,
      eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:${queue}`,
    })),
  };
}

/** The JSON text SNS delivers to a queue for a message published to `topic`. */
export function snsEnvelopeText(topic: string, message: string, subject: string | null = null) {
  const envelope = JSON.parse(fixtureLabelled<SQSEvent>("sns-via-sqs").Records[0]!.body);
  return JSON.stringify({
    ...envelope,
    TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:${topic}`,
    Subject: subject,
    Message: message,
  });
}

export function snsEvent(topic: string, message: string, subject?: string): SNSEvent {
  const template = fixtureLabelled<SNSEvent>("sns").Records[0]!;
  return {
    Records: [
      {
        ...template,
        Sns: {
          ...template.Sns,
          TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:${topic}`,
          Message: message,
          ...(subject !== undefined && { Subject: subject }),
        },
      },
    ],
  };
}

/** An S3 notification with one record per `[eventName, encodedKey]`. */
export function s3Notification(bucket: string, ...objects: [string, string][]): S3Event {
  const template = fixture<S3Event>("powertools/s3/base.json").Records[0]!;
  const record = ([eventName, key]: [string, string]): S3EventRecord => ({
    ...template,
    eventName,
    s3: {
      ...template.s3,
      bucket: { ...template.s3.bucket, name: bucket, arn: `arn:aws:s3:::${bucket}` },
      object: { ...template.s3.object, key },
    },
  });
  return { Records: objects.map(record) };
}

export const S3_TEST_EVENT = {
  Service: "Amazon S3",
  Event: "s3:TestEvent",
  Time: "2024-01-01T00:00:00.000Z",
  Bucket: "my-s3-bucket",
  RequestId: "5582815E1AEA5ADF",
  HostId: "8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE",
};

export function eventBridgeEvent(
  source: string,
  detailType: string,
  detail: Record<string, unknown> = {},
): EventBridgeEvent<string, unknown> {
  return {
    version: "0",
    id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
    "detail-type": detailType,
    source,
    account: ACCOUNT,
    time: "2024-01-01T18:00:00Z",
    region: REGION,
    resources: [],
    detail,
  };
}

/** The envelope the deployer's Scheduler targets send (see the issue): resources[0] names it. */
export function scheduledEvent(scheduleArn: string): ScheduledEvent {
  return {
    ...eventBridgeEvent("aws.scheduler", "Scheduled Event"),
    resources: [scheduleArn],
  } as ScheduledEvent;
}

export const scheduleArn = (group: string, name: string) =>
  `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/${group}/${name}`;

/** What the deployer's rule targets deliver: the rule's input transformer wraps the event. */
export function ruleEnvelope(rule: string, event: unknown) {
  return { domovoiRule: rule, event };
}
