import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  type FilterRuleName,
  GetBucketNotificationConfigurationCommand,
  type NotificationConfiguration,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import type { S3Event } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { detectSource } from "../../../../runtime/src/sources/index.js";
import { failure, type S3Emulator, startS3Emulator } from "./s3-harness.js";

const ACCOUNT = "123456789012";
const QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:uploads`;
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:bartender`;
const FUNCTION = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:bartender-dev`;
const BUCKET = "my-s3-bucket";

let s3: S3Emulator;
let client: S3Client;

beforeEach(async () => {
  s3 = await startS3Emulator();
  client = s3.client();
  s3.targets.existing.add(QUEUE).add(TOPIC);
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterEach(() => s3.close());

const configure = (configuration: NotificationConfiguration, bucket = BUCKET) =>
  client.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: configuration,
    }),
  );
const put = (Key: string, Body = "data") =>
  client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
const lambdaRecords = () =>
  s3.targets.invocations.flatMap((invocation) => (invocation.payload as S3Event).Records);
const keyFilter = (prefix: string, suffix: string) => ({
  Key: {
    FilterRules: [
      { Name: "prefix" as const, Value: prefix },
      { Name: "suffix" as const, Value: suffix },
    ],
  },
});

describe("PutBucketNotificationConfiguration", () => {
  it("stores the configuration, naming unnamed configurations, and returns it", async () => {
    await configure({
      LambdaFunctionConfigurations: [
        {
          LambdaFunctionArn: FUNCTION,
          Events: ["s3:ObjectCreated:*"],
          Filter: keyFilter("foo", ".bar"),
        },
      ],
      QueueConfigurations: [{ Id: "to-queue", QueueArn: QUEUE, Events: ["s3:ObjectRemoved:*"] }],
      EventBridgeConfiguration: {},
    });
    const stored = await client.send(
      new GetBucketNotificationConfigurationCommand({ Bucket: BUCKET }),
    );
    expect(stored.LambdaFunctionConfigurations).toEqual([
      {
        Id: expect.any(String),
        LambdaFunctionArn: FUNCTION,
        Events: ["s3:ObjectCreated:*"],
        Filter: {
          Key: {
            FilterRules: [
              { Name: "Prefix", Value: "foo" },
              { Name: "Suffix", Value: ".bar" },
            ],
          },
        },
      },
    ]);
    expect(stored.QueueConfigurations).toEqual([
      { Id: "to-queue", QueueArn: QUEUE, Events: ["s3:ObjectRemoved:*"] },
    ]);
    expect(stored.EventBridgeConfiguration).toEqual({});
    await configure({});
    const cleared = await client.send(
      new GetBucketNotificationConfigurationCommand({ Bucket: BUCKET }),
    );
    expect(cleared.LambdaFunctionConfigurations).toBeUndefined();
  });

  it("sends s3:TestEvent to each queue and topic, as S3 does, but not to functions", async () => {
    await configure({
      QueueConfigurations: [{ QueueArn: QUEUE, Events: ["s3:ObjectCreated:*"] }],
      TopicConfigurations: [{ TopicArn: TOPIC, Events: ["s3:ObjectRemoved:*"] }],
      LambdaFunctionConfigurations: [
        { LambdaFunctionArn: FUNCTION, Events: ["s3:ObjectRestore:*"] },
      ],
    });
    const testEvent = {
      Service: "Amazon S3",
      Event: "s3:TestEvent",
      Time: "2024-05-01T12:00:00.000Z",
      Bucket: BUCKET,
      RequestId: expect.stringMatching(/^[0-9A-F]{16}$/),
      HostId: expect.any(String),
    };
    expect(s3.targets.queueMessages.map((m) => [m.arn, JSON.parse(m.body)])).toEqual([
      [QUEUE, testEvent],
    ]);
    expect(s3.targets.topicMessages).toEqual([
      { arn: TOPIC, message: expect.any(String), subject: "Amazon S3 Notification" },
    ]);
    expect(detectSource(JSON.parse(s3.targets.topicMessages[0]!.message))).toMatchObject({
      kind: "s3-test-event",
      key: BUCKET,
    });
    expect(s3.targets.invocations).toEqual([]);
  });

  it.each([
    [
      "an unknown event type",
      {
        LambdaFunctionConfigurations: [
          { LambdaFunctionArn: FUNCTION, Events: ["s3:ObjectCreated:Upload"] },
        ],
      },
      "The event is not supported for notifications",
    ],
    [
      "a filter rule that is neither prefix nor suffix",
      {
        LambdaFunctionConfigurations: [
          {
            LambdaFunctionArn: FUNCTION,
            Events: ["s3:ObjectCreated:*"],
            Filter: { Key: { FilterRules: [{ Name: "contains" as FilterRuleName, Value: "x" }] } },
          },
        ],
      },
      "must be either prefix or suffix",
    ],
    [
      "two configurations that overlap",
      {
        LambdaFunctionConfigurations: [
          {
            LambdaFunctionArn: FUNCTION,
            Events: ["s3:ObjectCreated:*"],
            Filter: keyFilter("foo", ""),
          },
        ],
        QueueConfigurations: [{ QueueArn: QUEUE, Events: ["s3:ObjectCreated:Put"] }],
      },
      "Configurations overlap. Configurations on the same bucket cannot share a common event type.",
    ],
    [
      "a queue that does not exist",
      { QueueConfigurations: [{ QueueArn: `${QUEUE}-missing`, Events: ["s3:ObjectCreated:*"] }] },
      "Unable to validate the following destination configurations",
    ],
    [
      "a FIFO queue",
      { QueueConfigurations: [{ QueueArn: `${QUEUE}.fifo`, Events: ["s3:ObjectCreated:*"] }] },
      "Unable to validate the following destination configurations",
    ],
    [
      "an ARN that names no function",
      {
        LambdaFunctionConfigurations: [
          { LambdaFunctionArn: QUEUE, Events: ["s3:ObjectCreated:*"] },
        ],
      },
      "Unable to validate the following destination configurations",
    ],
  ])(
    "refuses %s with InvalidArgument and keeps the old configuration",
    async (_, configuration, message) => {
      await configure({
        TopicConfigurations: [{ Id: "old", TopicArn: TOPIC, Events: ["s3:ObjectCreated:*"] }],
      });
      // Deliberately invalid: the SDK's types only let valid event and rule names through.
      const error = await failure(configure(configuration as NotificationConfiguration));
      expect(error.name).toBe("InvalidArgument");
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toContain(message);
      const stored = await client.send(
        new GetBucketNotificationConfigurationCommand({ Bucket: BUCKET }),
      );
      expect(stored.TopicConfigurations?.map((config) => config.Id)).toEqual(["old"]);
    },
  );

  it("names each destination it cannot validate", async () => {
    const missing = `${TOPIC}-missing`;
    const error = await failure(
      configure({ TopicConfigurations: [{ TopicArn: missing, Events: ["s3:ObjectCreated:*"] }] }),
    );
    expect(error).toMatchObject({
      ArgumentName1: missing,
      ArgumentValue1:
        "Permissions on the destination topic do not allow S3 to publish notifications from this bucket",
    });
  });

  it("skips the validation when asked to", async () => {
    await client.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: BUCKET,
        SkipDestinationValidation: true,
        NotificationConfiguration: {
          QueueConfigurations: [{ QueueArn: `${QUEUE}-later`, Events: ["s3:ObjectCreated:*"] }],
        },
      }),
    );
    expect(s3.targets.queueMessages).toEqual([]);
  });
});

describe("object events", () => {
  it("reaches a configuration whose prefix and suffix match the key, and no other", async () => {
    await configure({
      LambdaFunctionConfigurations: [
        {
          Id: "monitor_s3",
          LambdaFunctionArn: FUNCTION,
          Events: ["s3:ObjectCreated:*"],
          Filter: keyFilter("foo", ".bar"),
        },
      ],
    });
    await put("foo/x.bar", "12345");
    await put("foo/x.baz");
    await put("bar/x.bar");
    expect(s3.targets.invocations).toEqual([]);
    await s3.deliver();
    expect(s3.targets.invocations).toEqual([
      { payload: expect.any(Object), invocationType: "Event", trigger: `s3:${BUCKET}` },
    ]);
    const [record] = lambdaRecords();
    expect(record).toMatchObject({
      eventVersion: "2.1",
      eventSource: "aws:s3",
      awsRegion: "us-east-1",
      eventTime: "2024-05-01T12:00:00.000Z",
      eventName: "ObjectCreated:Put",
      s3: {
        configurationId: "monitor_s3",
        bucket: { name: BUCKET, arn: `arn:aws:s3:::${BUCKET}` },
        object: {
          key: "foo/x.bar",
          size: 5,
          eTag: "827ccb0eea8a706c4c34a16891f84e7b",
          sequencer: expect.stringMatching(/^[0-9A-F]{18}$/),
        },
      },
    });
    expect(detectSource(s3.targets.invocations[0]!.payload)).toMatchObject({
      kind: "s3",
      key: BUCKET,
    });
  });

  it("names each event as S3 does", async () => {
    await configure({
      LambdaFunctionConfigurations: [
        { LambdaFunctionArn: FUNCTION, Events: ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"] },
      ],
    });
    await put("a");
    await client.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: "b", CopySource: `${BUCKET}/a` }),
    );
    const { UploadId } = await client.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: "c" }),
    );
    const part = await client.send(
      new UploadPartCommand({ Bucket: BUCKET, Key: "c", UploadId, PartNumber: 1, Body: "x" }),
    );
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: "c",
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "a" }));
    await client.send(
      new DeleteObjectsCommand({
        Bucket: BUCKET,
        Delete: { Objects: [{ Key: "b" }, { Key: "c" }] },
      }),
    );
    await s3.deliver();
    expect(lambdaRecords().map((record) => [record.eventName, record.s3.object.key])).toEqual([
      ["ObjectCreated:Put", "a"],
      ["ObjectCreated:Copy", "b"],
      ["ObjectCreated:CompleteMultipartUpload", "c"],
      ["ObjectRemoved:Delete", "a"],
      ["ObjectRemoved:Delete", "b"],
      ["ObjectRemoved:Delete", "c"],
    ]);
    const [, , multipart, deleted] = lambdaRecords();
    expect(multipart?.s3.object.eTag).toMatch(/^[0-9a-f]{32}-1$/);
    expect(deleted?.s3.object).not.toHaveProperty("size");
    expect(deleted?.s3.object).not.toHaveProperty("eTag");
  });

  it("URL-encodes keys, filters on the encoded key, and orders one key's events by sequencer", async () => {
    await configure({
      LambdaFunctionConfigurations: [
        {
          LambdaFunctionArn: FUNCTION,
          Events: ["s3:ObjectCreated:Put", "s3:ObjectRemoved:Delete"],
          Filter: keyFilter("photos/a+b", ".jpg"),
        },
      ],
    });
    await put("photos/a b+c (1).jpg", "first");
    await put("photos/a b+c (1).jpg", "second");
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "photos/a b+c (1).jpg" }));
    await s3.deliver();
    const records = lambdaRecords();
    expect(records.map((record) => record.s3.object.key)).toEqual(
      Array(3).fill("photos/a+b%2Bc+%281%29.jpg"),
    );
    const sequencers = records.map((record) => record.s3.object.sequencer);
    expect([...sequencers].sort()).toEqual(sequencers);
    expect(new Set(sequencers).size).toBe(3);
  });

  it("sends the notification JSON to queues and, under S3's subject, to topics", async () => {
    await configure({
      QueueConfigurations: [{ QueueArn: QUEUE, Events: ["s3:ObjectCreated:Put"] }],
      TopicConfigurations: [{ TopicArn: TOPIC, Events: ["s3:ObjectRemoved:Delete"] }],
    });
    s3.targets.clear();
    await put("queued");
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "queued" }));
    await s3.deliver();
    expect(s3.targets.queueMessages.map((m) => m.arn)).toEqual([QUEUE]);
    expect(s3.targets.topicMessages.map((m) => [m.arn, m.subject])).toEqual([
      [TOPIC, "Amazon S3 Notification"],
    ]);
    const [created, removed] = s3.targets.records() as S3Event[];
    expect(created?.Records[0]?.eventName).toBe("ObjectCreated:Put");
    expect(removed?.Records[0]?.eventName).toBe("ObjectRemoved:Delete");
    expect(detectSource(created)).toMatchObject({ kind: "s3", key: BUCKET });
  });

  it("puts every object event on EventBridge when the bucket says so", async () => {
    await configure({ EventBridgeConfiguration: {} });
    await put("raw/2024 report.csv", "1,2,3");
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "raw/2024 report.csv" }));
    await s3.deliver();
    expect(s3.targets.busEvents).toEqual([
      expect.objectContaining({
        source: "aws.s3",
        "detail-type": "Object Created",
        account: ACCOUNT,
        region: "us-east-1",
        resources: [`arn:aws:s3:::${BUCKET}`],
        detail: expect.objectContaining({
          bucket: { name: BUCKET },
          object: expect.objectContaining({ key: "raw/2024 report.csv", size: 5 }),
          reason: "PutObject",
        }),
      }),
      expect.objectContaining({
        "detail-type": "Object Deleted",
        detail: expect.objectContaining({ "deletion-type": "Permanently Deleted" }),
      }),
    ]);
    expect(detectSource(s3.targets.busEvents[0])).toMatchObject({ kind: "s3", key: BUCKET });
  });

  it("passes a function ARN's qualifier to the invoker", async () => {
    await configure({
      LambdaFunctionConfigurations: [
        { LambdaFunctionArn: `${FUNCTION}:live`, Events: ["s3:ObjectCreated:*"] },
      ],
    });
    await put("qualified");
    await s3.deliver();
    expect(s3.targets.invocations[0]?.qualifier).toBe("live");
  });

  it("forgets a deleted bucket's configuration", async () => {
    await configure({
      LambdaFunctionConfigurations: [
        { LambdaFunctionArn: FUNCTION, Events: ["s3:ObjectCreated:*"] },
      ],
    });
    await client.send(new DeleteBucketCommand({ Bucket: BUCKET }));
    await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await put("after");
    await s3.deliver();
    expect(s3.targets.invocations).toEqual([]);
  });
});
