import type { SNSEvent, SQSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { readCorpus, readKnownFailures } from "../../../../test/support/corpora.js";
import { DomovoiError, UnrecognizedEventError } from "../../src/errors.js";
import {
  type DetectedSource,
  detectSource,
  isAlbEvent,
  isCloudWatchLogsEvent,
  isDomovoiRuleEnvelope,
  isDynamoDbStreamEvent,
  isEventBridgeEvent,
  isKinesisStreamEvent,
  isS3Event,
  isS3EventBridgeEvent,
  isS3TestEvent,
  isScheduledEvent,
  isSesEvent,
  isSnsEnvelope,
  isSnsEvent,
  isSqsEvent,
} from "../../src/sources/index.js";
import { type EventCase, eventCases, loadEvent, UNROUTED_SOURCES } from "./corpus.js";

/** Each guard with the corpus labels whose fixtures it must accept (it rejects all others). */
const GUARDS: [name: string, guard: (event: unknown) => boolean, labels: string[]][] = [
  ["isSqsEvent", isSqsEvent, ["sqs", "sns-via-sqs", "s3-via-sqs", "s3-via-sns-via-sqs"]],
  ["isSnsEvent", isSnsEvent, ["sns", "s3-via-sns"]],
  ["isS3Event", isS3Event, ["s3"]],
  ["isS3EventBridgeEvent", isS3EventBridgeEvent, ["s3-via-eventbridge"]],
  ["isS3TestEvent", isS3TestEvent, ["s3-test-event"]],
  ["isDynamoDbStreamEvent", isDynamoDbStreamEvent, ["dynamodb"]],
  ["isKinesisStreamEvent", isKinesisStreamEvent, ["kinesis"]],
  ["isSesEvent", isSesEvent, ["ses"]],
  ["isCloudWatchLogsEvent", isCloudWatchLogsEvent, ["logs"]],
  ["isAlbEvent", isAlbEvent, ["alb"]],
  ["isScheduledEvent", isScheduledEvent, ["eventbridge-scheduled"]],
  // Schedule ticks and S3 events delivered by EventBridge are EventBridge events too.
  [
    "isEventBridgeEvent",
    isEventBridgeEvent,
    ["eventbridge", "eventbridge-scheduled", "s3-via-eventbridge"],
  ],
  ["isDomovoiRuleEnvelope", isDomovoiRuleEnvelope, []],
  ["isSnsEnvelope", isSnsEnvelope, []],
];

const KIND_BY_LABEL: Record<string, DetectedSource["kind"]> = {
  sqs: "sqs",
  "sns-via-sqs": "sqs",
  "s3-via-sqs": "sqs",
  "s3-via-sns-via-sqs": "sqs",
  sns: "sns",
  "s3-via-sns": "sns",
  s3: "s3",
  "s3-via-eventbridge": "s3",
  "s3-test-event": "s3-test-event",
  dynamodb: "dynamodb",
  kinesis: "kinesis",
  ses: "ses",
  logs: "logs",
  "eventbridge-scheduled": "schedule",
  eventbridge: "eventbridge",
  alb: "alb",
};

type Route = readonly [kind: string, key: string | null];

const lastColonSegment = (arn: string) => arn.slice(arn.lastIndexOf(":") + 1);
const topicOf = (envelope: string): string => lastColonSegment(JSON.parse(envelope).TopicArn);
const bucketOf = (notification: string): string =>
  JSON.parse(notification).Records[0].s3.bucket.name;
const sqsBody = (event: unknown) => (event as SQSEvent).Records[0]!.body;
const snsMessage = (event: unknown) => (event as SNSEvent).Records[0]!.Sns.Message;

/**
 * The routes a `*-via-*` fixture carries inside its outer route, read straight from the fixture:
 * the topic of an SNS envelope, the bucket of an S3 notification.
 */
const INNER_ROUTES_BY_LABEL: Record<string, (event: unknown) => Route[]> = {
  "sns-via-sqs": (event) => [["sns", topicOf(sqsBody(event))]],
  "s3-via-sqs": (event) => [["s3", bucketOf(sqsBody(event))]],
  "s3-via-sns": (event) => [["s3", bucketOf(snsMessage(event))]],
  "s3-via-sns-via-sqs": (event) => [
    ["sns", topicOf(sqsBody(event))],
    ["s3", bucketOf(JSON.parse(sqsBody(event)).Message)],
  ],
};

/** The routes nested in a detected source, following the first record's message inwards. */
function innerRoutes(source: DetectedSource): Route[] {
  const inner = source.kind === "sqs" || source.kind === "sns" ? source.records[0]?.inner : null;
  return inner ? [[inner.kind, inner.key], ...innerRoutes(inner)] : [];
}

function recordCount(source: DetectedSource): number {
  switch (source.kind) {
    case "sqs":
    case "sns":
      return source.records.length;
    case "s3":
    case "dynamodb":
    case "kinesis":
    case "ses":
      return source.event.Records.length;
    default:
      return 1;
  }
}

function checkDetection(entry: EventCase): void {
  const event = loadEvent(entry.file);
  if (entry.invalid) {
    expect(() => detectSource(event)).toThrow(DomovoiError);
    return;
  }
  if (UNROUTED_SOURCES.includes(entry.source)) {
    expect(() => detectSource(event)).toThrow(UnrecognizedEventError);
    return;
  }
  const detected = detectSource(event);
  expect([detected.kind, detected.key]).toEqual([KIND_BY_LABEL[entry.source], entry.key]);
  expect(recordCount(detected)).toBe(entry.records);
  expect(innerRoutes(detected)).toEqual(INNER_ROUTES_BY_LABEL[entry.source]?.(event) ?? []);
}

const knownFailures = readKnownFailures("events-index.json");

describe("detectSource on the event corpus", () => {
  for (const entry of eventCases) {
    if (entry.records === null) {
      // Truncated upstream on purpose: not JSON, so Lambda could never deliver it; there is
      // nothing to detect, only the fact to confirm.
      it(`${entry.file} is not parseable JSON`, () => {
        expect(() => readCorpus(`events/${entry.file}`)).toThrow(SyntaxError);
      });
      continue;
    }
    const reason = knownFailures[entry.file];
    if (reason === undefined) it(entry.file, () => checkDetection(entry));
    else it.fails(`${entry.file} (known failure: ${reason})`, () => checkDetection(entry));
  }
});

describe("guards on the event corpus", () => {
  for (const entry of eventCases.filter((candidate) => candidate.records !== null)) {
    it(entry.file, () => {
      const event = loadEvent(entry.file);
      const accepting = GUARDS.filter(([, guard]) => guard(event)).map(([name]) => name);
      const owners = GUARDS.filter(([, , labels]) => labels.includes(entry.source)).map(
        ([name]) => name,
      );
      expect(accepting).toEqual(owners);
    });
  }
});

describe("detectSource on events that are not objects", () => {
  for (const event of [null, undefined, 42, "text", [], [{ Records: [] }], {}, { Records: [] }]) {
    it(JSON.stringify(event) ?? "undefined", () => {
      expect(() => detectSource(event)).toThrow(UnrecognizedEventError);
    });
  }

  it("names the fields it looked at and what it found", () => {
    expect(() => detectSource({ Records: [{ eventSource: "aws:kafka" }] })).toThrow(
      /Records\[0\]\.eventSource.*awslogs.*requestContext\.elb.*domovoiRule.*detail-type.*Records\[0\] comes from "aws:kafka"/,
    );
    expect(() => detectSource({ hello: 1 })).toThrow(/its fields are "hello"/);
  });
});
