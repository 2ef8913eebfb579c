import { fileURLToPath } from "node:url";
import {
  CloudWatchLogsClient,
  CreateLogStreamCommand,
  FilterLogEventsCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "../../src/clock/virtual-clock.js";
import { type DevServer, startDevServer } from "../../src/dev/dev-server.js";
import type { RecordingEntry } from "../../src/recording/format.js";

const BARTENDER = fileURLToPath(new URL("../../../../examples/bartender/app.ts", import.meta.url));
/** How long, in real time, a chain of deliveries may take before the test gives up on it. */
const PATIENCE_MS = 30_000;
const TIMEOUT = { timeout: PATIENCE_MS + 5_000 };
/** Loading the app (and the AWS SDK in its worker) takes long on a busy machine. */
const START_TIMEOUT_MS = 90_000;

const clock = new VirtualClock(Date.parse("2024-03-01T12:00:00Z"));
const invoked: RecordingEntry[] = [];
const warnings: string[] = [];
let server: DevServer;
let clients: ReturnType<typeof sdkClients>;

function sdkClients(endpoint: string) {
  const config = {
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  };
  return {
    sqs: new SQSClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
    dynamodb: new DynamoDBClient(config),
    events: new EventBridgeClient(config),
    logs: new CloudWatchLogsClient(config),
  };
}

beforeAll(async () => {
  server = await startDevServer({
    entry: BARTENDER,
    port: 0,
    clock,
    schedules: false,
    watch: false,
    record: false,
    reporter: {
      log: () => undefined,
      reloaded: () => undefined,
      reloadFailed: () => undefined,
      scheduleFailed: () => undefined,
      deadLettered: () => undefined,
      warning: (message) => warnings.push(message),
      inspector: () => undefined,
    },
  });
  server.lambda.on("invoked", ({ entry }) => invoked.push(entry));
  clients = sdkClients(server.url);
}, START_TIMEOUT_MS);

afterAll(async () => {
  for (const client of Object.values(clients ?? {})) client.destroy();
  await server?.close();
});

/** The invocations that reached a registration, in the order they finished. */
const reaching = (registration: string) =>
  invoked.filter((entry) => entry.registrations.includes(registration));

/**
 * Moves the virtual clock on in small steps (deliveries wait for it, batching windows run on it)
 * until `registration` has been reached `count` times in all; the handlers run in real time.
 */
async function untilReached(registration: string, count = 1): Promise<RecordingEntry[]> {
  const deadline = Date.now() + PATIENCE_MS;
  while (reaching(registration).length < count) {
    if (Date.now() > deadline) {
      throw new Error(
        `${registration} was reached ${reaching(registration).length} times, not ${count}; warnings: ${warnings.join(" | ") || "none"}`,
      );
    }
    await clock.advance(250);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return reaching(registration);
}

const logsOf = (entries: readonly RecordingEntry[]) => entries.flatMap((entry) => entry.logs ?? []);

describe("the bartender example in domovoi dev, driven by the AWS SDK", TIMEOUT, () => {
  it("creates the manifest's resources with their physical names", async () => {
    const { QueueUrl } = await clients.sqs.send(new GetQueueUrlCommand({ QueueName: "my_queue" }));
    expect(QueueUrl).toMatch(/\/000000000000\/my_queue$/);
    const names = server.aws.sns.topics("us-east-1").map((topic) => topic.name);
    expect(names).toEqual(expect.arrayContaining(["bartender", "bartender-dev-monitor_s3"]));
    expect(server.aws.dynamoDb.enabledStream("us-east-1", "MyDynamoTable")?.viewType).toBe(
      "NEW_AND_OLD_IMAGES",
    );
    expect(server.aws.logs.findLogGroup("us-east-1", "watchtower")).toBeDefined();
    const bus = server.aws.eventBridge.eventBus("us-east-1");
    expect([...bus.rules.keys()]).toContain("bartender-dev-monitor_ecs_events");
    expect(warnings.filter((warning) => !warning.includes("Node.js"))).toEqual([]);
  });

  it("bar publishes to the topic bartender, and tend runs", async () => {
    server.schedules.trigger("bar");
    const [tend] = await untilReached("tend");
    expect(tend).toMatchObject({ trigger: "sns:bartender", outcome: { status: "success" } });
    const line = logsOf([tend!]).find((text) => text.includes("Quadrupel"));
    expect(JSON.parse(line!)).toMatchObject({ message: { beer: "Quadrupel", quantity: 1 } });
    expect(reaching("bar")[0]).toMatchObject({ outcome: { status: "success" } });
  });

  it("a message sent to my_queue reaches process_queue_messages", async () => {
    const { QueueUrl } = await clients.sqs.send(new GetQueueUrlCommand({ QueueName: "my_queue" }));
    await clients.sqs.send(
      new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ order: 7 }) }),
    );
    const [delivered] = await untilReached("process_queue_messages");
    expect(delivered).toMatchObject({
      trigger: "sqs:my_queue",
      outcome: { status: "success", result: { batchItemFailures: [] } },
    });
    expect(logsOf([delivered!]).join("\n")).toContain('"order":7');
  });

  it("foo/x.bar put in my-s3-bucket reaches monitor_s3, foo/x.baz does not", async () => {
    for (const Key of ["foo/x.baz", "foo/x.bar"]) {
      await clients.s3.send(new PutObjectCommand({ Bucket: "my-s3-bucket", Key, Body: "beer" }));
    }
    const reached = await untilReached("monitor_s3");
    const lines = logsOf(reached).filter((text) => text.includes("Got an event from S3"));
    expect(lines).toEqual([expect.stringContaining("ObjectCreated:Put foo/x.bar")]);
    expect(reached[0]).toMatchObject({
      trigger: "sns:bartender-dev-monitor_s3",
      outcome: { status: "success" },
    });
  });

  it("an item put in MyDynamoTable reaches handle_dynamodb_stream", async () => {
    await clients.dynamodb.send(
      new PutItemCommand({
        TableName: "MyDynamoTable",
        Item: { id: { S: "beer-1" }, style: { S: "Quadrupel" } },
      }),
    );
    const [delivered] = await untilReached("handle_dynamodb_stream");
    expect(delivered).toMatchObject({
      trigger: "dynamodb:MyDynamoTable",
      outcome: { status: "success" },
    });
    expect(logsOf([delivered!]).join("\n")).toContain("Got 1 events from DynamoDB");
  });

  it("an event from aws.ecs put on the default bus reaches monitor_ecs_events", async () => {
    const { FailedEntryCount } = await clients.events.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: "aws.ecs",
            DetailType: "ECS Task State Change",
            Detail: JSON.stringify({ lastStatus: "STOPPED" }),
          },
        ],
      }),
    );
    expect(FailedEntryCount).toBe(0);
    const [delivered] = await untilReached("monitor_ecs_events");
    expect(delivered).toMatchObject({ outcome: { status: "success" } });
    expect(delivered!.event).toMatchObject({ domovoiRule: "bartender-dev-monitor_ecs_events" });
    expect(logsOf([delivered!]).join("\n")).toContain(
      "Got an event from ECS: ECS Task State Change",
    );
  });

  it('a log line {"x": 8} in watchtower reaches monitor_cloudwatch_logs, {"x": 9} does not', async () => {
    const target = { logGroupName: "watchtower", logStreamName: "tower-1" };
    await clients.logs.send(new CreateLogStreamCommand(target));
    const timestamp = clock.now();
    await clients.logs.send(
      new PutLogEventsCommand({
        ...target,
        logEvents: [
          { timestamp, message: '{"x": 9}' },
          { timestamp, message: '{"x": 8}' },
        ],
      }),
    );
    const [delivered] = await untilReached("monitor_cloudwatch_logs");
    expect(delivered).toMatchObject({ outcome: { status: "success" } });
    const logged = logsOf([delivered!]).find((text) => text.includes("CWL subscription"));
    const { message } = JSON.parse(logged!) as { message: [string, { logEvents: unknown[] }] };
    expect(message[1]).toMatchObject({
      logGroup: "watchtower",
      subscriptionFilters: ["bartender-dev-monitor_cloudwatch_logs"],
      logEvents: [{ message: '{"x": 8}' }],
    });
  });

  it("the function's own output is in its log group, /aws/lambda/bartender-dev", async () => {
    const { events = [] } = await clients.logs.send(
      new FilterLogEventsCommand({
        logGroupName: "/aws/lambda/bartender-dev",
        filterPattern: '{ $.registration = "tend" }',
      }),
    );
    expect(events.map((event) => JSON.parse(event.message ?? "{}"))).toContainEqual(
      expect.objectContaining({ message: { beer: "Quadrupel", quantity: 1 } }),
    );
  });
});
