import type { SNSEvent, SQSEvent } from "aws-lambda";
import type { EventKind } from "../../src/events/index.js";
import type { ShapeRules } from "./key-shape.js";
import { decodeAwslogs, fixturesLabelled } from "./support.js";

/** A group of real fixtures that one part of a generated event must resemble. */
export interface FixtureFamily {
  readonly fixtures: () => unknown[];
  readonly rules: ShapeRules;
}

/** The JSON each SQS record's body holds. */
export const sqsBodies = (event: unknown): unknown[] =>
  (event as SQSEvent).Records.map((record) => JSON.parse(record.body));
/** The JSON each SNS record's message holds. */
export const snsMessages = (event: unknown): unknown[] =>
  (event as SNSEvent).Records.map((record) => JSON.parse(record.Sns.Message));
/** The S3 notifications inside the SNS envelopes inside SQS bodies. */
const envelopeMessages = (event: unknown): unknown[] =>
  sqsBodies(event).map((envelope) => JSON.parse((envelope as { Message: string }).Message));

const IMAGES = ["Keys", "NewImage", "OldImage"].map((image) => `Records[].dynamodb.${image}`);

export const FAMILIES = {
  sqs: {
    fixtures: () => fixturesLabelled("sqs", "sns-via-sqs", "s3-via-sqs", "s3-via-sns-via-sqs"),
    rules: { maps: ["Records[].messageAttributes"], opaque: ["Records[].body"] },
  },
  snsEnvelope: {
    fixtures: () => fixturesLabelled("sns-via-sqs", "s3-via-sns-via-sqs").flatMap(sqsBodies),
    rules: { maps: ["MessageAttributes"], opaque: ["Message"] },
  },
  sns: {
    fixtures: () => fixturesLabelled("sns", "s3-via-sns"),
    rules: { maps: ["Records[].Sns.MessageAttributes"], opaque: ["Records[].Sns.Message"] },
  },
  s3: {
    fixtures: () => [
      ...fixturesLabelled("s3"),
      ...fixturesLabelled("s3-via-sqs").flatMap(sqsBodies),
    ],
    rules: {},
  },
  s3EventBridge: { fixtures: () => fixturesLabelled("s3-via-eventbridge"), rules: {} },
  eventBridge: {
    fixtures: () => fixturesLabelled("eventbridge", "eventbridge-scheduled", "s3-via-eventbridge"),
    rules: { opaque: ["detail"] },
  },
  dynamodb: {
    fixtures: () => fixturesLabelled("dynamodb"),
    rules: { maps: IMAGES, opaque: IMAGES.flatMap((image) => [`${image}.*.M`, `${image}.*.L`]) },
  },
  kinesis: { fixtures: () => fixturesLabelled("kinesis"), rules: {} },
  logs: { fixtures: () => fixturesLabelled("logs"), rules: {} },
  logsData: { fixtures: () => fixturesLabelled("logs").map(decodeAwslogs), rules: {} },
  alb: {
    fixtures: () => fixturesLabelled("alb"),
    rules: {
      maps: [
        "headers",
        "queryStringParameters",
        "multiValueHeaders",
        "multiValueQueryStringParameters",
      ],
    },
  },
  ses: { fixtures: () => fixturesLabelled("ses"), rules: {} },
} satisfies Record<string, FixtureFamily>;

type FamilyName = keyof typeof FAMILIES;

/** A part of a generated event (the whole event, a parsed body) and the fixtures it must resemble. */
export type View = readonly [family: FamilyName, part: (event: unknown) => unknown[]];

/** Where the runtime must route the event: the source found, then the sources it carries. */
export type Route = readonly (readonly [kind: string, key: string | null])[];

export interface Sample {
  readonly name: string;
  readonly kind: EventKind;
  readonly params: unknown;
  readonly views: readonly View[];
  readonly route: Route;
}

const whole = (event: unknown) => [event];
const inner = (event: unknown) => [(event as { event: unknown }).event];

/** Parameters that give each source its fullest field set, and where the runtime sends it. */
export const SAMPLES: readonly Sample[] = [
  {
    name: "sqs with message attributes",
    kind: "sqs",
    params: {
      queue: "my_queue",
      body: { beer: 1 },
      messageAttributes: { brand: "Pils", count: 2 },
    },
    views: [["sqs", whole]],
    route: [["sqs", "my_queue"]],
  },
  {
    name: "sqs batch from a queue ARN",
    kind: "sqs",
    params: {
      queue: "arn:aws:sqs:eu-west-1:123456789012:orders",
      messages: [{ body: "a" }, { body: "b" }],
    },
    views: [["sqs", whole]],
    route: [["sqs", "orders"]],
  },
  {
    name: "sns with subject and attributes",
    kind: "sns",
    params: {
      topic: "bartender",
      message: { beer: 1 },
      subject: "Order",
      messageAttributes: { kind: "lager" },
    },
    views: [["sns", whole]],
    route: [["sns", "bartender"]],
  },
  {
    name: "sns-via-sqs",
    kind: "sns-via-sqs",
    params: { topic: "bartender", queue: "my_queue", message: "hello", subject: "Order" },
    views: [
      ["sqs", whole],
      ["snsEnvelope", sqsBodies],
    ],
    route: [
      ["sqs", "my_queue"],
      ["sns", "bartender"],
    ],
  },
  {
    name: "sns-via-sqs with raw message delivery",
    kind: "sns-via-sqs",
    params: { topic: "bartender", queue: "my_queue", message: "hello", rawMessageDelivery: true },
    views: [["sqs", whole]],
    route: [["sqs", "my_queue"]],
  },
  {
    name: "s3 object created",
    kind: "s3",
    params: {
      bucket: "my-s3-bucket",
      key: "foo/a b.bar",
      versionId: "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd",
    },
    views: [["s3", whole]],
    route: [["s3", "my-s3-bucket"]],
  },
  {
    name: "s3 object removed",
    kind: "s3",
    params: {
      bucket: "my-s3-bucket",
      keys: ["foo/1.bar", "foo/2.bar"],
      eventName: "s3:ObjectRemoved:Delete",
    },
    views: [["s3", whole]],
    route: [["s3", "my-s3-bucket"]],
  },
  {
    name: "s3 restore completed",
    kind: "s3",
    params: { bucket: "my-s3-bucket", key: "archive.bin", eventName: "ObjectRestore:Completed" },
    views: [["s3", whole]],
    route: [["s3", "my-s3-bucket"]],
  },
  {
    name: "s3-via-sns",
    kind: "s3-via-sns",
    params: { bucket: "my-s3-bucket", key: "foo/x.bar", topic: "uploads" },
    views: [
      ["sns", whole],
      ["s3", snsMessages],
    ],
    route: [
      ["sns", "uploads"],
      ["s3", "my-s3-bucket"],
    ],
  },
  {
    name: "s3-via-sqs",
    kind: "s3-via-sqs",
    params: { bucket: "my-s3-bucket", key: "foo/x.bar", queue: "uploads" },
    views: [
      ["sqs", whole],
      ["s3", sqsBodies],
    ],
    route: [
      ["sqs", "uploads"],
      ["s3", "my-s3-bucket"],
    ],
  },
  {
    name: "s3-via-sns-via-sqs",
    kind: "s3-via-sns-via-sqs",
    params: { bucket: "my-s3-bucket", key: "foo/x.bar", topic: "uploads", queue: "upload-queue" },
    views: [
      ["sqs", whole],
      ["snsEnvelope", sqsBodies],
      ["s3", envelopeMessages],
    ],
    route: [
      ["sqs", "upload-queue"],
      ["sns", "uploads"],
      ["s3", "my-s3-bucket"],
    ],
  },
  {
    name: "s3-via-eventbridge object created",
    kind: "s3-via-eventbridge",
    params: { bucket: "my-s3-bucket", key: "foo/x.bar" },
    views: [
      ["s3EventBridge", whole],
      ["eventBridge", whole],
    ],
    route: [["s3", "my-s3-bucket"]],
  },
  {
    name: "s3-via-eventbridge lifecycle expiration",
    kind: "s3-via-eventbridge",
    params: {
      bucket: "my-s3-bucket",
      key: "foo/x.bar",
      eventName: "LifecycleExpiration:DeleteMarkerCreated",
    },
    views: [["s3EventBridge", whole]],
    route: [["s3", "my-s3-bucket"]],
  },
  {
    name: "s3-via-eventbridge restore completed",
    kind: "s3-via-eventbridge",
    params: { bucket: "my-s3-bucket", key: "foo/x.bar", eventName: "ObjectRestore:Completed" },
    views: [["s3EventBridge", whole]],
    route: [["s3", "my-s3-bucket"]],
  },
  {
    name: "s3-test-event in a queue",
    kind: "s3-test-event",
    params: { bucket: "my-s3-bucket", queue: "uploads" },
    views: [["sqs", whole]],
    route: [
      ["sqs", "uploads"],
      ["s3-test-event", "my-s3-bucket"],
    ],
  },
  {
    name: "s3-test-event on a topic",
    kind: "s3-test-event",
    params: { bucket: "my-s3-bucket", via: "sns", topic: "uploads" },
    views: [["sns", whole]],
    route: [
      ["sns", "uploads"],
      ["s3-test-event", "my-s3-bucket"],
    ],
  },
  {
    name: "s3-test-event through a topic into a queue",
    kind: "s3-test-event",
    params: { bucket: "my-s3-bucket", via: "sns-via-sqs", topic: "uploads", queue: "upload-queue" },
    views: [
      ["sqs", whole],
      ["snsEnvelope", sqsBodies],
    ],
    route: [
      ["sqs", "upload-queue"],
      ["sns", "uploads"],
      ["s3-test-event", "my-s3-bucket"],
    ],
  },
  {
    name: "dynamodb insert, modify and remove",
    kind: "dynamodb",
    params: {
      table: "MyDynamoTable",
      partitionKey: "Id",
      records: [
        { newItem: { Id: 101, Message: "New item!", Tags: ["a"], Meta: { n: 1 } } },
        { oldItem: { Id: 101, Message: "New item!" }, newItem: { Id: 101, Message: "Changed" } },
        { oldItem: { Id: 101, Message: "Changed" }, ttl: true },
      ],
    },
    views: [["dynamodb", whole]],
    route: [["dynamodb", "MyDynamoTable"]],
  },
  {
    name: "kinesis",
    kind: "kinesis",
    params: {
      stream: "lambda-stream",
      records: [{ data: "Hello" }, { data: { n: 1 }, partitionKey: "1" }],
    },
    views: [["kinesis", whole]],
    route: [["kinesis", "lambda-stream"]],
  },
  {
    name: "logs",
    kind: "logs",
    params: { logGroup: "watchtower", messages: ['{"x": 8}', "plain line"] },
    views: [
      ["logs", whole],
      ["logsData", (event) => [decodeAwslogs(event)]],
    ],
    route: [["logs", "watchtower"]],
  },
  {
    name: "logs control message",
    kind: "logs",
    params: { control: true },
    views: [
      ["logs", whole],
      ["logsData", (event) => [decodeAwslogs(event)]],
    ],
    route: [["logs-control-message", null]],
  },
  {
    name: "eventbridge",
    kind: "eventbridge",
    params: {
      source: "aws.ecs",
      detailType: "ECS Task State Change",
      detail: { lastStatus: "STOPPED" },
    },
    views: [["eventBridge", whole]],
    route: [["eventbridge", "aws.ecs|ECS Task State Change"]],
  },
  {
    name: "schedule from EventBridge Scheduler",
    kind: "schedule",
    params: { name: "bartender-dev-foo" },
    views: [["eventBridge", whole]],
    route: [["schedule", "bartender-dev-foo"]],
  },
  {
    name: "schedule from a scheduled rule",
    kind: "schedule",
    params: { name: "foo", via: "rule" },
    views: [["eventBridge", whole]],
    route: [["schedule", "foo"]],
  },
  {
    name: "rule envelope",
    kind: "rule",
    params: { rule: "monitor_ecs_events", source: "aws.ecs", detailType: "ECS Task State Change" },
    views: [["eventBridge", inner]],
    route: [["rule", "monitor_ecs_events"]],
  },
  {
    name: "alb",
    kind: "alb",
    params: {
      method: "POST",
      path: "/orders",
      query: { page: "2" },
      headers: { "X-Trace": "1" },
      body: "Test",
    },
    views: [["alb", whole]],
    route: [["alb", "domovoi"]],
  },
  {
    name: "alb with multi-value headers",
    kind: "alb",
    params: { path: "/orders?tag=a&tag=b", targetGroup: "lambda-target", multiValueHeaders: true },
    views: [["alb", whole]],
    route: [["alb", "lambda-target"]],
  },
  {
    // SES reports dmarcPolicy only when DMARC fails; every fixture has one, so this sample fails it.
    name: "ses",
    kind: "ses",
    params: {
      from: "Jane Doe <jane@example.com>",
      to: "orders@example.com",
      verdicts: { dmarc: "FAIL" },
    },
    views: [["ses", whole]],
    route: [["ses", null]],
  },
];
