import { join } from "node:path";
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "../../src/clock/virtual-clock.js";
import { type DevServer, startDevServer } from "../../src/dev/dev-server.js";
import type { RecordingEntry } from "../../src/recording/format.js";
import { type TempProject, tempProject } from "../cli/cli-support.js";

const endpointVariables = `
app.sqsQueueSubscriber("orders", async function orders(event) {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name.startsWith("AWS_ENDPOINT_URL")),
  );
});`;

const refunds = `
app.sqsQueueSubscriber("refunds", async function refunds(event) {
  return { refunded: event.Records.map((record) => record.body) };
});`;

const appWith = (...handlers: string[]) => `
import { Domovoi } from "@domovoi/runtime";
export const app = new Domovoi({ name: "shop" });
${handlers.join("\n")}
export const handler = app.handler;
`;

const clock = new VirtualClock(Date.parse("2024-05-01T12:00:00Z"));
const invoked: RecordingEntry[] = [];
let project: TempProject;
let server: DevServer;
let sqs: SQSClient;

beforeAll(async () => {
  project = await tempProject({ "app.ts": appWith(endpointVariables) });
  server = await startDevServer({
    entry: join(project.dir, "app.ts"),
    port: 0,
    clock,
    watch: false,
    record: false,
  });
  server.lambda.on("invoked", ({ entry }) => invoked.push(entry));
  sqs = new SQSClient({
    endpoint: server.url,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
}, 60_000);

afterAll(async () => {
  sqs?.destroy();
  await server?.close();
  await project?.remove();
});

async function send(queue: string, body: string): Promise<void> {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: queue }));
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body }));
}

async function untilInvoked(trigger: string): Promise<RecordingEntry> {
  for (let step = 0; step < 200; step++) {
    const entry = invoked.find((candidate) => candidate.trigger === trigger);
    if (entry) return entry;
    await clock.advance(250);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`No invocation from ${trigger}.`);
}

describe("the dev server's emulated AWS", () => {
  it("points the app's calls to each emulated service at itself, and only those", async () => {
    await send("orders", "hi");
    const entry = await untilInvoked("sqs:orders");
    const url = server.url;
    expect(entry.outcome).toEqual({
      status: "success",
      result: {
        AWS_ENDPOINT_URL_LAMBDA: url,
        AWS_ENDPOINT_URL_SQS: url,
        AWS_ENDPOINT_URL_SNS: url,
        AWS_ENDPOINT_URL_S3: url,
        AWS_ENDPOINT_URL_DYNAMODB: url,
        AWS_ENDPOINT_URL_DYNAMODB_STREAMS: url,
        AWS_ENDPOINT_URL_KINESIS: url,
        AWS_ENDPOINT_URL_EVENTBRIDGE: url,
        AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: url,
      },
    });
    expect(server.services).toEqual([
      "dynamodb",
      "events",
      "kinesis",
      "lambda",
      "logs",
      "s3",
      "sns",
      "sqs",
    ]);
  });

  it("brings the app's resources in line with reloaded code", { timeout: 30_000 }, async () => {
    await project.write("app.ts", appWith(refunds));
    const outcome = await server.functionHost.reload();
    expect(outcome.ok).toBe(true);
    await server.aws.provision(server.manifest);
    await send("refunds", "beer");
    const entry = await untilInvoked("sqs:refunds");
    expect(entry.outcome).toEqual({ status: "success", result: { refunded: ["beer"] } });
    // The queue of the removed handler stays, but nothing polls it any more.
    await send("orders", "left");
    await clock.advance(5000);
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: "orders" }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["ApproximateNumberOfMessages"] }),
    );
    expect(Attributes?.ApproximateNumberOfMessages).toBe("1");
  });
});
