import type { EventKind } from "../events/index.js";

/**
 * How a command-line value becomes a generator parameter: `text` is passed on exactly as typed
 * (names, and payloads whose bytes matter, such as an SQS body and its MD5); `texts` is a list,
 * one flag per item; `json` is parsed when it is JSON (objects, lists, numbers, true and false)
 * and passed as text otherwise.
 */
export type ParamType = "text" | "texts" | "json";

export interface ParamHelp {
  readonly type: ParamType;
  readonly help: string;
}

export interface EventKindHelp {
  readonly summary: string;
  /** By the generator's parameter name (camelCase); the CLI spells them in kebab-case. */
  readonly params: Readonly<Record<string, ParamHelp>>;
}

const text = (help: string): ParamHelp => ({ type: "text", help });
const texts = (help: string): ParamHelp => ({ type: "texts", help });
const json = (help: string): ParamHelp => ({ type: "json", help });

const QUEUE = {
  queue: text("queue name or ARN (a name ending in .fifo is a FIFO queue)"),
  receiveCount: json("ApproximateReceiveCount of every record (default 1)"),
};
const FIFO = {
  messageGroupId: text("message group (FIFO only, required there)"),
  messageDeduplicationId: text("deduplication id (FIFO only; default: SHA-256 of the body)"),
};
const SNS_PUBLISH = {
  topic: text("topic name or ARN"),
  message: text("the message, as published"),
  subject: text("the message's subject"),
  messageAttributes: json('attributes: {"name": "value" or {"Type": ..., "Value": ...}}'),
};
const S3_CHANGE = {
  bucket: text("bucket name"),
  key: text("object key as stored (the generator URL-encodes it)"),
  keys: texts("several object keys, one record each (repeat the flag)"),
  eventName: text("event type such as ObjectCreated:Put (default) or ObjectRemoved:Delete"),
  size: json("object size in bytes"),
  eTag: text("object ETag"),
  versionId: text("object version id"),
  sequencer: text("S3 sequencer"),
  configurationId: text("notification configuration id"),
  sourceIPAddress: text("requester's IP address"),
  storageClass: text("storage class of restore, transition and tiering events"),
};
const BUS_EVENT = {
  source: text("event source, such as aws.ecs"),
  detailType: text("detail-type"),
  detail: text("detail as JSON text (default {})"),
  resources: texts("resource ARNs (repeat the flag)"),
  time: json("event time: ISO 8601 or epoch milliseconds (default: now)"),
};

/** The `domovoi generate-event --help` text of every kind, and how to read its flags. */
export const EVENT_KIND_HELP: Readonly<Record<EventKind, EventKindHelp>> = {
  sqs: {
    summary: "SQS batch, as an event source mapping delivers it",
    params: {
      ...QUEUE,
      body: text("message body, as sent"),
      messageAttributes: json('attributes: {"name": "value" or {"DataType": ..., ...}}'),
      ...FIFO,
      messages: json('several messages: [{"body": ...}, ...]'),
    },
  },
  sns: { summary: "SNS notification to a Lambda subscription", params: SNS_PUBLISH },
  "sns-via-sqs": {
    summary: "SNS notification delivered through a subscribed SQS queue",
    params: {
      ...SNS_PUBLISH,
      ...QUEUE,
      ...FIFO,
      rawMessageDelivery: json("deliver the bare message (true or false)"),
    },
  },
  s3: { summary: "S3 event notification, delivered directly", params: S3_CHANGE },
  "s3-via-sns": {
    summary: "S3 event notification through an SNS topic",
    params: { ...S3_CHANGE, topic: text("topic name or ARN") },
  },
  "s3-via-sqs": {
    summary: "S3 event notification through an SQS queue",
    params: { ...S3_CHANGE, ...QUEUE },
  },
  "s3-via-sns-via-sqs": {
    summary: "S3 event notification through an SNS topic, then an SQS queue",
    params: { ...S3_CHANGE, ...QUEUE, topic: text("topic name or ARN") },
  },
  "s3-via-eventbridge": {
    summary: "S3 event delivered through EventBridge",
    params: S3_CHANGE,
  },
  "s3-test-event": {
    summary: "the s3:TestEvent S3 sends when a notification is configured",
    params: {
      bucket: text("bucket name"),
      via: text("sqs (default), sns or sns-sqs"),
      queue: QUEUE.queue,
      topic: text("topic name or ARN"),
      receiveCount: QUEUE.receiveCount,
    },
  },
  dynamodb: {
    summary: "DynamoDB stream batch",
    params: {
      table: text("table name or stream ARN"),
      partitionKey: text("partition key attribute (default id)"),
      sortKey: text("sort key attribute"),
      streamViewType: text("KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES"),
      eventName: text("INSERT, MODIFY or REMOVE"),
      newItem: json("item after the change, as a plain JSON object"),
      oldItem: json("item before the change, as a plain JSON object"),
      ttl: json("a REMOVE made by Time to Live (true or false)"),
      records: json('several changes: [{"eventName": ..., "newItem": ...}, ...]'),
    },
  },
  kinesis: {
    summary: "Kinesis stream batch",
    params: {
      stream: text("stream name or ARN"),
      data: text("record data, as UTF-8"),
      partitionKey: text("partition key (default: a random UUID)"),
      records: json('several records: [{"data": ..., "partitionKey": ...}, ...]'),
      shardId: text("shard id"),
      role: text("the function's execution role (name or ARN)"),
    },
  },
  logs: {
    summary: "CloudWatch Logs subscription delivery (gzip, base64)",
    params: {
      logGroup: text("log group name"),
      logStream: text("log stream name (default: a Lambda-style name)"),
      subscriptionFilter: text("subscription filter name"),
      messages: texts("log lines (repeat the flag)"),
      logEvents: json('lines with their own times: [{"message": ..., "timestamp": ...}]'),
      control: json("the CONTROL_MESSAGE Logs sends to check a destination (true)"),
    },
  },
  eventbridge: { summary: "EventBridge event, as a rule delivers it", params: BUS_EVENT },
  schedule: {
    summary: "scheduled event of a Domovoi schedule",
    params: {
      name: text("the schedule's registration name or physical name"),
      via: text("scheduler (default) or rule"),
      group: text("Scheduler schedule group (default: default)"),
      time: json("scheduled time: ISO 8601 or epoch milliseconds (default: now)"),
    },
  },
  rule: {
    summary: "event in the envelope of a Domovoi EventBridge rule",
    params: { ...BUS_EVENT, rule: text("the rule's registration name or physical name") },
  },
  alb: {
    summary: "Application Load Balancer request",
    params: {
      method: text("HTTP method (default GET)"),
      path: text("request path, optionally with ?query (default /)"),
      query: json('raw query string, or {"name": "value" or ["values"]}'),
      headers: json('{"name": "value" or ["values"]}'),
      body: text("request body"),
      multiValueHeaders: json("the target group's multi-value headers setting (true or false)"),
      targetGroup: text("target group name or ARN (default domovoi)"),
    },
  },
  ses: {
    summary: "SES receipt rule Lambda action",
    params: {
      from: text("sender mailbox (default sender@example.com)"),
      to: texts("To addresses (repeat the flag)"),
      cc: texts("Cc addresses (repeat the flag)"),
      recipients: texts("envelope recipients the rule matched (default: the To addresses)"),
      subject: text("subject"),
      verdicts: json('check results, such as {"spam": "FAIL"} (default: all PASS)'),
      dmarcPolicy: text("none (default), quarantine or reject"),
      functionName: text("function of the Lambda action (default domovoi)"),
    },
  },
  "step-functions": {
    summary: "Step Functions task input",
    params: { input: text("the state's input as JSON text (default {})") },
  },
};
