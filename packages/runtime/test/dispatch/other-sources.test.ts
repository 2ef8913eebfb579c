import { gzipSync } from "node:zlib";
import type { ALBEvent, CloudWatchLogsDecodedData, SESEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import {
  Domovoi,
  MalformedEventError,
  NoHandlerError,
  UnrecognizedEventError,
} from "../../src/index.js";
import { fixture, fixtureLabelled } from "../support/fixtures.js";
import { lambdaContext } from "../support/lambda-context.js";

const echo = async (event: unknown) => event;

function logsEvent(payload: object) {
  return { awslogs: { data: gzipSync(JSON.stringify(payload)).toString("base64") } };
}

describe("stream dispatch", () => {
  it("routes DynamoDB and Kinesis batches by table and stream, unchanged", async () => {
    const app = new Domovoi({ name: "shop" });
    app.dynamodbStreamHandler("Example-Table", echo);
    app.kinesisStreamHandler("simple-stream", { name: "clicks" }, echo);
    const dynamodb = fixture("aws-lambda-go/dynamodb-event.json");
    const kinesis = fixture("aws-lambda-go/kinesis-event.json");
    await expect(app.handler(dynamodb, lambdaContext())).resolves.toBe(dynamodb);
    await expect(app.handler(kinesis, lambdaContext())).resolves.toBe(kinesis);
    await expect(
      app.handler(fixture("powertools/kinesis/stream.json"), lambdaContext()),
    ).rejects.toThrow(new NoHandlerError("kinesis", "lambda-stream", ["simple-stream"]));
  });
});

describe("CloudWatch Logs dispatch", () => {
  it("gives the decoded data to the log group's handler and drops control messages", async () => {
    const app = new Domovoi({ name: "shop" });
    const received: CloudWatchLogsDecodedData[] = [];
    app.cloudwatchLogsSubFilterHandler({ logGroupName: "testLogGroup" }, async (data) => {
      received.push(data);
    });
    await app.handler(fixture("aws-lambda-go/cloudwatch-logs-event.json"), lambdaContext());
    expect(received[0]).toMatchObject({ logGroup: "testLogGroup", messageType: "DATA_MESSAGE" });
    const control = logsEvent({
      messageType: "CONTROL_MESSAGE",
      owner: "CloudwatchLogs",
      logGroup: "",
      logStream: "",
      subscriptionFilters: [],
      logEvents: [],
    });
    await expect(app.handler(control, lambdaContext())).resolves.toBeUndefined();
    expect(received).toHaveLength(1);
    await expect(app.handler({ awslogs: { data: "H4sI" } }, lambdaContext())).rejects.toThrow(
      MalformedEventError,
    );
  });
});

describe("ALB dispatch", () => {
  it("routes by the longest matching path prefix", async () => {
    const app = new Domovoi({ name: "shop" });
    const reply = (body: string) => async () => ({ statusCode: 200, body });
    app.albTarget({ name: "root" }, reply("root"));
    app.albTarget({ name: "api", prefix: "/api" }, reply("api"));
    app.albTarget({ name: "orders", prefix: "/api/orders" }, reply("orders"));
    const request = (path: string): ALBEvent => ({ ...fixtureLabelled<ALBEvent>("alb"), path });
    const body = async (path: string) =>
      ((await app.handler(request(path), lambdaContext())) as { body: string }).body;
    expect(await body("/api/orders/7")).toBe("orders");
    expect(await body("/api/users")).toBe("api");
    expect(await body("/health")).toBe("root");
  });

  it("names the path when no prefix fits, and a missing path as malformed", async () => {
    const app = new Domovoi({ name: "shop" });
    app.albTarget({ prefix: "/api" }, async () => ({ statusCode: 200 }));
    const event = fixtureLabelled<ALBEvent>("alb");
    await expect(app.handler({ ...event, path: "/other" }, lambdaContext())).rejects.toThrow(
      new NoHandlerError("alb", "/other", ["/api"]),
    );
    await expect(app.handler({ ...event, path: undefined }, lambdaContext())).rejects.toThrow(
      MalformedEventError,
    );
  });
});

describe("SES dispatch", () => {
  it("routes mail by the recipients of the receipt rule", async () => {
    const app = new Domovoi({ name: "shop" });
    app.emailReceiptHandler({ name: "sales", recipients: ["example.com"] }, async () => "sales");
    app.emailReceiptHandler(
      { name: "amazon", recipients: ["lambda@amazon.com"] },
      async () => "amazon",
    );
    await expect(
      app.handler(fixture("aws-lambda-go/ses-lambda-event.json"), lambdaContext()),
    ).resolves.toBe("amazon");
    await expect(
      app.handler(fixture("aws-lambda-go/ses-s3-event.json"), lambdaContext()),
    ).resolves.toBe("sales");
    const elsewhere = fixture<SESEvent>("aws-lambda-go/ses-s3-event.json");
    elsewhere.Records[0]!.ses.receipt.recipients = ["someone@example.org"];
    await expect(app.handler(elsewhere, lambdaContext())).rejects.toThrow(NoHandlerError);
  });
});

describe("unrecognised events", () => {
  it("name the fields that were looked at", async () => {
    const app = new Domovoi({ name: "shop" });
    for (const event of [
      {},
      null,
      42,
      "text",
      [],
      { Records: [] },
      fixture("aws-lambda-go/cognito-event.json"),
    ]) {
      await expect(app.handler(event, lambdaContext())).rejects.toThrow(UnrecognizedEventError);
    }
  });
});
