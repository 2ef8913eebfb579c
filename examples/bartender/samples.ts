import { gzipSync } from "node:zlib";
import { type DomovoiManifest, physicalNames } from "@domovoi/runtime";
import type { Context } from "aws-lambda";

/**
 * Sample events for the bartender app, built here in the shapes AWS delivers them (and the
 * deployer's schedule and rule envelopes), so that the app can be run in-process before the
 * emulator exists. `outcome` says what the sample should do.
 */
export interface Sample {
  readonly title: string;
  readonly event: unknown;
  readonly context: Context;
  readonly outcome: "handled" | "rejected";
}

const REGION = "us-east-1";
const ACCOUNT = "000000000000";
const TIME = "2024-03-01T18:00:00Z";

export function bartenderSamples(manifest: DomovoiManifest, stage: string): Sample[] {
  const names = physicalNames(manifest, stage);
  const resourceOf = (registration: string) => names.registrations[registration] ?? {};
  const sample = (
    title: string,
    event: unknown,
    outcome: Sample["outcome"] = "handled",
    qualifier?: string,
  ) => ({ title, event, context: lambdaContext(names.functionName, qualifier), outcome });
  const workerAlias = Object.values(names.stateMachines)[0]?.taskAliases.Worker;
  return [
    sample("schedule foo fires", scheduledEvent(names.scheduleGroup, resourceOf("foo").schedule!)),
    // Nothing answers AWS calls yet: bar's publish has to fail, on loopback.
    sample(
      "schedule bar fires",
      scheduledEvent(names.scheduleGroup, resourceOf("bar").schedule!),
      "rejected",
    ),
    sample("a message on topic bartender", snsEvent("bartender", JSON.stringify({ beer: 1 }))),
    sample(
      "two messages on queue my_queue",
      sqsEvent("my_queue", [JSON.stringify({ order: 1 }), JSON.stringify({ order: 2 })]),
    ),
    sample("an ECS task stops", {
      domovoiRule: resourceOf("monitor_ecs_events").rule,
      event: eventBridgeEvent("aws.ecs", "ECS Task State Change", { lastStatus: "STOPPED" }),
    }),
    sample(
      "foo/x.bar is put in my-s3-bucket",
      snsEvent(
        resourceOf("monitor_s3").bridgeTopic!,
        JSON.stringify(s3Notification("my-s3-bucket", "foo/x.bar")),
        "Amazon S3 Notification",
      ),
    ),
    sample(
      "foo/x.baz is put in my-s3-bucket (no handler's filter matches)",
      snsEvent(
        resourceOf("monitor_s3").bridgeTopic!,
        JSON.stringify(s3Notification("my-s3-bucket", "foo/x.baz")),
        "Amazon S3 Notification",
      ),
      "rejected",
    ),
    sample("an item is put in MyDynamoTable", dynamoDbEvent("MyDynamoTable")),
    sample(
      'a log line {"x": 8} in watchtower',
      logsEvent(
        "watchtower",
        '{"x": 8}',
        names.registrations.monitor_cloudwatch_logs?.subscriptionFilter ?? "",
      ),
    ),
    sample("the Worker task runs", { input: 41 }, "handled", workerAlias),
  ];
}

function lambdaContext(functionName: string, qualifier?: string): Context {
  const arn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: qualifier ? `${arn}:${qualifier}` : arn,
    memoryLimitInMB: "128",
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "samples",
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function eventBridgeEvent(
  source: string,
  detailType: string,
  detail: object,
  resources: string[] = [],
) {
  return {
    version: "0",
    id: crypto.randomUUID(),
    "detail-type": detailType,
    source,
    account: ACCOUNT,
    time: TIME,
    region: REGION,
    resources,
    detail,
  };
}

/** What the deployer's EventBridge Scheduler targets send. */
function scheduledEvent(group: string, schedule: string) {
  const arn = `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/${group}/${schedule}`;
  return eventBridgeEvent("aws.scheduler", "Scheduled Event", {}, [arn]);
}

function snsEvent(topic: string, message: string, subject?: string) {
  const topicArn = `arn:aws:sns:${REGION}:${ACCOUNT}:${topic}`;
  const subscriptionArn = `${topicArn}:${crypto.randomUUID()}`;
  return {
    Records: [
      {
        EventVersion: "1.0",
        EventSubscriptionArn: subscriptionArn,
        EventSource: "aws:sns",
        Sns: {
          Type: "Notification",
          MessageId: crypto.randomUUID(),
          TopicArn: topicArn,
          ...(subject && { Subject: subject }),
          Message: message,
          Timestamp: TIME,
          SignatureVersion: "1",
          Signature: "EXAMPLE",
          SigningCertUrl: `https://sns.${REGION}.amazonaws.com/SimpleNotificationService.pem`,
          UnsubscribeUrl: `https://sns.${REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
          MessageAttributes: {},
        },
      },
    ],
  };
}

function sqsEvent(queue: string, bodies: string[]) {
  return {
    Records: bodies.map((body, index) => ({
      messageId: crypto.randomUUID(),
      receiptHandle: `receipt-${index}`,
      body,
      attributes: {
        ApproximateReceiveCount: "1",
        SentTimestamp: String(Date.parse(TIME)),
        SenderId: ACCOUNT,
        ApproximateFirstReceiveTimestamp: String(Date.parse(TIME)),
      },
      messageAttributes: {},
      md5OfBody: "",
      eventSource: "aws:sqs",
      eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:${queue}`,
      awsRegion: REGION,
    })),
  };
}

function s3Notification(bucket: string, key: string) {
  return {
    Records: [
      {
        eventVersion: "2.1",
        eventSource: "aws:s3",
        awsRegion: REGION,
        eventTime: TIME,
        eventName: "ObjectCreated:Put",
        userIdentity: { principalId: "EXAMPLE" },
        requestParameters: { sourceIPAddress: "127.0.0.1" },
        responseElements: { "x-amz-request-id": "EXAMPLE", "x-amz-id-2": "EXAMPLE" },
        s3: {
          s3SchemaVersion: "1.0",
          configurationId: "monitor_s3",
          bucket: {
            name: bucket,
            ownerIdentity: { principalId: "EXAMPLE" },
            arn: `arn:aws:s3:::${bucket}`,
          },
          object: {
            key,
            size: 3,
            eTag: "d41d8cd98f00b204e9800998ecf8427e",
            sequencer: "0A1B2C3D4E5F678901",
          },
        },
      },
    ],
  };
}

function dynamoDbEvent(table: string) {
  return {
    Records: [
      {
        eventID: "1",
        eventName: "INSERT",
        eventVersion: "1.1",
        eventSource: "aws:dynamodb",
        awsRegion: REGION,
        dynamodb: {
          Keys: { id: { S: "beer-1" } },
          NewImage: { id: { S: "beer-1" }, style: { S: "Quadrupel" } },
          SequenceNumber: "111",
          SizeBytes: 26,
          StreamViewType: "NEW_AND_OLD_IMAGES",
        },
        eventSourceARN: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${table}/stream/2024-03-01T00:00:00.000`,
      },
    ],
  };
}

function logsEvent(logGroup: string, message: string, subscriptionFilter: string) {
  const data = {
    messageType: "DATA_MESSAGE",
    owner: ACCOUNT,
    logGroup,
    logStream: "samples",
    subscriptionFilters: [subscriptionFilter],
    logEvents: [{ id: "1", timestamp: Date.parse(TIME), message }],
  };
  return { awslogs: { data: gzipSync(JSON.stringify(data)).toString("base64") } };
}
