import { describe, expect, it } from "vitest";
import {
  Domovoi,
  RegistrationError,
  type RegistrationManifest,
  type SqsOptions,
} from "../../src/index.js";
import {
  InvalidEventPatternError,
  InvalidS3NotificationError,
  InvalidScheduleExpressionError,
} from "../../src/matching/errors.js";

const noop = async () => {};
const app = () => new Domovoi({ name: "shop" });
const only = (domovoi: Domovoi): RegistrationManifest => domovoi.manifest().registrations[0]!;

describe("scheduledFunction", () => {
  it("validates the expression as EventBridge Scheduler does", () => {
    expect(() => app().scheduledFunction("rate(0 minutes)", noop)).toThrow(
      InvalidScheduleExpressionError,
    );
    expect(() => app().scheduledFunction("cron(0 18 * * MON-FRI *)", noop)).toThrow(
      InvalidScheduleExpressionError,
    );
    expect(() =>
      app().scheduledFunction("cron(0 8 * * ? *)", { timezone: "Mars/Base" }, noop),
    ).toThrow(InvalidScheduleExpressionError);
  });

  it("records the effective options", () => {
    const domovoi = app();
    domovoi.scheduledFunction("cron(0 18 ? * MON-FRI *)", { description: "evening" }, noop);
    expect(only(domovoi).options).toEqual({
      expression: "cron(0 18 ? * MON-FRI *)",
      timezone: "UTC",
      description: "evening",
      enabled: true,
    });
  });

  it("rejects unknown options and a handler that is not a function", () => {
    expect(() => app().scheduledFunction("rate(1 hour)", { batch_size: 1 } as never, noop)).toThrow(
      /unknown option batch_size/,
    );
    expect(() => app().scheduledFunction("rate(1 hour)", {} as never)).toThrow(
      /the handler must be a function/,
    );
    expect(() =>
      app().scheduledFunction("rate(1 hour)", { enabled: "yes" } as never, noop),
    ).toThrow(RegistrationError);
  });
});

describe("sqsQueueSubscriber", () => {
  const sqs = (queue: string, options: SqsOptions) => {
    const domovoi = app();
    domovoi.sqsQueueSubscriber(queue, options, noop);
    return only(domovoi).options;
  };

  it("defaults the batching window to 1 s for a standard queue with batches over 10", () => {
    expect(sqs("my_queue", { batchSize: 64 })).toMatchObject({
      batchSize: 64,
      maximumBatchingWindowInSeconds: 1,
      reportBatchItemFailures: true,
    });
    expect(sqs("my_queue", {})).toMatchObject({ batchSize: 10, maximumBatchingWindowInSeconds: 0 });
    expect(sqs("my_queue", { batchSize: 64, maximumBatchingWindowInSeconds: 20 })).toMatchObject({
      maximumBatchingWindowInSeconds: 20,
    });
  });

  it("applies AWS's limits on batch size and window", () => {
    expect(() => sqs("q", { batchSize: 10_001 })).toThrow(
      /batchSize must be an integer from 1 to 10000/,
    );
    expect(() => sqs("q", { batchSize: 0 })).toThrow(RegistrationError);
    expect(() => sqs("q", { batchSize: 1.5 })).toThrow(RegistrationError);
    expect(() => sqs("q", { maximumBatchingWindowInSeconds: 301 })).toThrow(RegistrationError);
    expect(() => sqs("q", { batchSize: 64, maximumBatchingWindowInSeconds: 0 })).toThrow(
      /must be greater than 0 if maximum batch size is greater than 10/,
    );
    expect(() => sqs("q", { maximumConcurrency: 1 })).toThrow(RegistrationError);
  });

  it("allows FIFO queues at most 10 messages and no window", () => {
    expect(sqs("orders.fifo", { batchSize: 10 })).toMatchObject({
      fifo: true,
      maximumBatchingWindowInSeconds: 0,
    });
    expect(() => sqs("orders.fifo", { batchSize: 11 })).toThrow(/from 1 to 10,/);
    expect(() => sqs("orders.fifo", { maximumBatchingWindowInSeconds: 5 })).toThrow(
      /Batching window is not supported for FIFO queues/,
    );
  });

  it("takes a queue by name or ARN and checks the name", () => {
    expect(sqs("arn:aws:sqs:eu-west-1:123456789012:orders", {})).toMatchObject({
      queueArn: "arn:aws:sqs:eu-west-1:123456789012:orders",
    });
    expect(() => sqs("my queue", {})).toThrow(RegistrationError);
    expect(() => sqs("q".repeat(81), {})).toThrow(RegistrationError);
    expect(() => sqs("arn:aws:sns:eu-west-1:123456789012:orders", {})).toThrow(RegistrationError);
  });

  it("validates queue attributes and the shape of filter criteria", () => {
    expect(sqs("q", { queueAttributes: { VisibilityTimeout: 120 } })).toMatchObject({
      queueAttributes: { VisibilityTimeout: "120" },
    });
    expect(() => sqs("q", { queueAttributes: { VisibilityTimout: 1 } })).toThrow(
      /unknown queue attribute/,
    );
    expect(() => sqs("q", { filterCriteria: { Filters: "all" } } as never)).toThrow(
      RegistrationError,
    );
    const filterCriteria = { Filters: [{ Pattern: '{"body":{"beer":[1]}}' }] };
    expect(sqs("q", { filterCriteria })).toMatchObject({ filterCriteria });
  });
});

describe("other registration methods", () => {
  it("validate event patterns and buses", () => {
    expect(() => app().cloudwatchEventHandler({ source: "aws.ecs" }, noop)).toThrow(
      InvalidEventPatternError,
    );
    expect(() =>
      app().cloudwatchEventHandler({ source: ["x"] }, { eventBusName: "a b" }, noop),
    ).toThrow(RegistrationError);
  });

  it("record SNS filter policies (JSON objects) and their scope", () => {
    expect(() => app().snsTopicSubscriber("news", { filterPolicy: "{" }, noop)).toThrow(
      /filterPolicy must be JSON/,
    );
    expect(() => app().snsTopicSubscriber("news", { filterPolicy: "[1]" }, noop)).toThrow(
      /filterPolicy must be a JSON object/,
    );
    const domovoi = app();
    domovoi.snsTopicSubscriber("news", { filterPolicy: '{"beer":["quadrupel"]}' }, noop);
    expect(only(domovoi)).toMatchObject({
      key: "news",
      options: { filterPolicy: { beer: ["quadrupel"] }, filterPolicyScope: "MessageAttributes" },
    });
  });

  it("validate S3 buckets, event types, delivery, and overlap on one bucket", () => {
    expect(() => app().s3EventHandler({ bucket: "myS3bucket" }, noop)).toThrow(RegistrationError);
    expect(() => app().s3EventHandler({ bucket: "192.168.1.1" }, noop)).toThrow(RegistrationError);
    expect(() =>
      app().s3EventHandler({ bucket: "b-1", events: ["s3:ObjectCreated"] }, noop),
    ).toThrow(InvalidS3NotificationError);
    expect(() =>
      app().s3EventHandler({ bucket: "b-1", useEventBridge: true, useSqs: true }, noop),
    ).toThrow(/cannot be combined/);
    const domovoi = app();
    domovoi.s3EventHandler({ name: "a", bucket: "b-1", prefix: "foo" }, noop);
    domovoi.s3EventHandler({ name: "b", bucket: "b-1", prefix: "bar" }, noop);
    domovoi.s3EventHandler({ name: "c", bucket: "b-1", events: ["s3:ObjectRemoved:*"] }, noop);
    expect(() =>
      domovoi.s3EventHandler({ name: "d", bucket: "b-1", prefix: "foo/x" }, noop),
    ).toThrow(/Configurations overlap.*a and d on bucket b-1/);
  });

  it("record S3 delivery from useSns, useSqs and useEventBridge", () => {
    const delivery = (options: object) => {
      const domovoi = app();
      domovoi.s3EventHandler({ bucket: "b-1", ...options }, noop);
      return only(domovoi).options;
    };
    expect(delivery({})).toEqual({ events: ["s3:ObjectCreated:*"], delivery: "sns" });
    expect(delivery({ useSns: false })).toMatchObject({ delivery: "direct" });
    expect(delivery({ useSqs: true })).toMatchObject({ delivery: "sns-sqs" });
    expect(delivery({ useSns: false, useSqs: true })).toMatchObject({ delivery: "sqs" });
    expect(delivery({ useEventBridge: true })).toMatchObject({ delivery: "eventbridge" });
  });

  it("record stream mapping defaults and check their ranges", () => {
    const domovoi = app();
    domovoi.dynamodbStreamHandler("MyDynamoTable", { batchSize: 200 }, noop);
    domovoi.kinesisStreamHandler("clicks", { name: "clicks" }, noop);
    const [table, stream] = domovoi.manifest().registrations;
    const defaults = {
      maximumBatchingWindowInSeconds: 0,
      startingPosition: "LATEST",
      parallelizationFactor: 1,
      bisectBatchOnFunctionError: false,
      maximumRetryAttempts: -1,
      maximumRecordAgeInSeconds: -1,
      reportBatchItemFailures: false,
    };
    expect(table!.options).toEqual({ batchSize: 200, ...defaults });
    expect(stream!.options).toEqual({ batchSize: 100, ...defaults, shardCount: 1 });
    expect(() =>
      app().dynamodbStreamHandler("T1x", { maximumRecordAgeInSeconds: 59 }, noop),
    ).toThrow(RegistrationError);
    expect(() =>
      app().kinesisStreamHandler("s", { startingPosition: "NOW" } as never, noop),
    ).toThrow(/startingPosition must be one of TRIM_HORIZON, LATEST/);
    expect(() => app().dynamodbStreamHandler("ab", noop)).toThrow(RegistrationError);
  });

  it("record a DynamoDB table's schema when given", () => {
    const domovoi = app();
    domovoi.dynamodbStreamHandler(
      "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000",
      { table: { partitionKey: { name: "pk", type: "S" }, sortKey: { name: "sk", type: "N" } } },
      noop,
    );
    expect(only(domovoi)).toMatchObject({
      key: "Orders",
      options: {
        table: {
          partitionKey: { name: "pk", type: "S" },
          sortKey: { name: "sk", type: "N" },
          streamViewType: "NEW_AND_OLD_IMAGES",
        },
      },
    });
    expect(() =>
      app().dynamodbStreamHandler(
        "Orders",
        { table: { partitionKey: { name: "pk", type: "X" } } } as never,
        noop,
      ),
    ).toThrow(RegistrationError);
  });

  it("validate CloudWatch Logs groups and record filter patterns", () => {
    expect(() => app().cloudwatchLogsSubFilterHandler({ logGroupName: "a b" }, noop)).toThrow(
      RegistrationError,
    );
    expect(() =>
      app().cloudwatchLogsSubFilterHandler(
        { logGroupName: "watchtower", filterPattern: "x".repeat(1025) },
        noop,
      ),
    ).toThrow(RegistrationError);
    const domovoi = app();
    domovoi.cloudwatchLogsSubFilterHandler({ logGroupName: "watchtower" }, noop);
    expect(only(domovoi)).toMatchObject({ key: "watchtower", options: { filterPattern: "" } });
  });

  it("validate ALB prefixes and SES recipients", () => {
    expect(() => app().albTarget({ prefix: "api" }, noop as never)).toThrow(RegistrationError);
    expect(() => app().emailReceiptHandler({ recipients: ["not an address"] }, noop)).toThrow(
      RegistrationError,
    );
    const domovoi = app();
    domovoi.emailReceiptHandler({ recipients: ["orders@example.com", ".example.org"] }, noop);
    expect(only(domovoi)).toMatchObject({
      kind: "ses",
      key: "orders@example.com,.example.org",
      options: { recipients: ["orders@example.com", ".example.org"] },
    });
  });
});
