import type { SNSEvent, SQSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { readKnownFailures } from "../../../../test/support/corpora.js";
import { Domovoi, DomovoiError, NoHandlerError, UnrecognizedEventError } from "../../src/index.js";
import { fixture, type LabelledEvent, labelledEvents } from "../support/fixtures.js";
import { lambdaContext } from "../support/lambda-context.js";

// Every event type a bucket notification can name, so that a fixture's record always matches.
const ALL_S3_EVENTS = [
  "s3:ObjectCreated:*",
  "s3:ObjectRemoved:*",
  "s3:ObjectRestore:*",
  "s3:Replication:*",
  "s3:LifecycleExpiration:*",
  "s3:LifecycleTransition",
  "s3:IntelligentTiering",
  "s3:ObjectTagging:*",
  "s3:ObjectAcl:Put",
  "s3:ReducedRedundancyLostObject",
];

type Registrar = (app: Domovoi, key: string, calls: string[]) => void;

const record =
  (calls: string[], name: string) =>
  async (event: unknown): Promise<unknown> => {
    calls.push(name);
    return { handledBy: name, event };
  };

const respond = (calls: string[], name: string) => async () => {
  calls.push(name);
  return { statusCode: 200, body: name };
};

const ROUTES = {
  queue: (app, key, calls) =>
    app.sqsQueueSubscriber(key, { name: "queue" }, record(calls, "queue")),
  topic: (app, key, calls) =>
    app.snsTopicSubscriber(key, { name: "topic" }, record(calls, "topic")),
  bucket: (app, key, calls) =>
    app.s3EventHandler(
      { name: "bucket", bucket: key, events: ALL_S3_EVENTS },
      record(calls, "bucket"),
    ),
  table: (app, key, calls) =>
    app.dynamodbStreamHandler(key, { name: "table" }, record(calls, "table")),
  stream: (app, key, calls) =>
    app.kinesisStreamHandler(key, { name: "stream" }, record(calls, "stream")),
  logs: (app, key, calls) =>
    app.cloudwatchLogsSubFilterHandler({ name: "logs", logGroupName: key }, record(calls, "logs")),
  email: (app, _key, calls) => app.emailReceiptHandler({ name: "email" }, record(calls, "email")),
  schedule: (app, key, calls) =>
    app.scheduledFunction("rate(1 hour)", { name: key }, record(calls, "schedule")),
  rule: (app, key, calls) => {
    const [source, detailType] = key.split("|");
    app.cloudwatchEventHandler(
      { source: [source], "detail-type": [detailType] },
      { name: "rule" },
      record(calls, "rule"),
    );
  },
  root: (app, _key, calls) => app.albTarget({ name: "root", prefix: "/" }, respond(calls, "root")),
  path: (app, key, calls) => app.albTarget({ name: "path", prefix: key }, respond(calls, "path")),
} satisfies Record<string, Registrar>;

type RouteName = keyof typeof ROUTES;

const lastColonSegment = (arn: string) => arn.slice(arn.lastIndexOf(":") + 1);
const body = (event: unknown) => JSON.parse((event as SQSEvent).Records[0]!.body);
const message = (event: unknown) => JSON.parse((event as SNSEvent).Records[0]!.Sns.Message);
const bucketOf = (notification: { Records: { s3: { bucket: { name: string } } }[] }) =>
  notification.Records[0]!.s3.bucket.name;

/**
 * For each label: the routes to register, outermost first, each with its key. The last one is
 * the one that must win: messages go to the handler of what they carry when there is one.
 */
const PLANS: Record<string, (entry: LabelledEvent, event: unknown) => [RouteName, string][]> = {
  sqs: (entry) => [["queue", entry.key!]],
  "sns-via-sqs": (entry, event) => [
    ["queue", entry.key!],
    ["topic", lastColonSegment(body(event).TopicArn)],
  ],
  "s3-via-sqs": (entry, event) => [
    ["queue", entry.key!],
    ["bucket", bucketOf(body(event))],
  ],
  "s3-via-sns-via-sqs": (entry, event) => [
    ["queue", entry.key!],
    ["topic", lastColonSegment(body(event).TopicArn)],
    ["bucket", bucketOf(JSON.parse(body(event).Message))],
  ],
  sns: (entry) => [["topic", entry.key!]],
  "s3-via-sns": (entry, event) => [
    ["topic", entry.key!],
    ["bucket", bucketOf(message(event))],
  ],
  s3: (entry) => [["bucket", entry.key!]],
  "s3-via-eventbridge": (entry) => [
    ["rule", "aws.s3|Object Created"],
    ["bucket", entry.key!],
  ],
  dynamodb: (entry) => [["table", entry.key!]],
  kinesis: (entry) => [["stream", entry.key!]],
  ses: () => [["email", "*"]],
  logs: (entry) => [["logs", entry.key!]],
  "eventbridge-scheduled": (entry) => [["schedule", entry.key!]],
  eventbridge: (entry) => [["rule", entry.key!]],
  alb: (_entry, event) => {
    const path = (event as { path: string }).path;
    return path === "/"
      ? [["root", "/"]]
      : [
          ["root", "/"],
          ["path", path],
        ];
  },
};

async function checkDispatch(entry: LabelledEvent): Promise<void> {
  const event = fixture(entry.file);
  const app = new Domovoi({ name: "shop" });
  const calls: string[] = [];
  const plan = PLANS[entry.source]?.(entry, event);
  if (entry.invalid || plan === undefined) {
    const expected = entry.invalid ? DomovoiError : UnrecognizedEventError;
    await expect(app.handler(event, lambdaContext())).rejects.toThrow(expected);
    return;
  }
  if (entry.key === null && plan.some(([, key]) => key === null)) {
    // A placeholder ARN names no queue, table or stream: no registration can claim the event.
    await expect(app.handler(event, lambdaContext())).rejects.toThrow(NoHandlerError);
    return;
  }
  for (const [route, key] of plan) ROUTES[route](app, key, calls);
  const result = await app.handler(event, lambdaContext());
  const winner = plan.at(-1)![0];
  expect(new Set(calls)).toEqual(new Set([winner]));
  if (plan.length > 1 && entry.source.endsWith("-via-sqs")) {
    expect(result).toEqual({ batchItemFailures: [] });
  }
}

const knownFailures = readKnownFailures("events-index.json");

describe("app.handler on every fixture of events/index.json", () => {
  for (const entry of labelledEvents) {
    const name = `${entry.file} (${entry.source}${entry.key === null ? "" : ` ${entry.key}`})`;
    // The one fixture that is not parseable JSON never reaches a Lambda handler; the sources
    // contract suite confirms it is not JSON.
    if (entry.records === null) continue;
    const reason = knownFailures[entry.file];
    if (reason === undefined) it(name, () => checkDispatch(entry));
    else it.fails(`${name} (known failure: ${reason})`, () => checkDispatch(entry));
  }
});
