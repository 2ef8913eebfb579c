// The original Domovoi README's example app, handler for handler, in TypeScript.
import { CreateTopicCommand, PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { Domovoi, perRecord } from "@domovoi/runtime";
import type { SQSRecord } from "aws-lambda";

export const app = new Domovoi({ name: "bartender" });

const sns = new SNSClient({});

export const foo = app.scheduledFunction(
  "cron(0 18 ? * MON-FRI *)",
  async function foo(_event, context) {
    context.log("foo invoked at 06:00pm (UTC) every Mon-Fri");
    return { result: true };
  },
);

export const bar = app.scheduledFunction("rate(1 minute)", async function bar(_event, context) {
  context.log("bar invoked once a minute");
  // Like boto3's create_topic, CreateTopic returns the existing topic when there is one.
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "bartender" }));
  await sns.send(new PublishCommand({ TopicArn, Message: JSON.stringify({ beer: 1 }) }));
  return { result: "Work work work" };
});

export const tend = app.snsTopicSubscriber("bartender", async function tend(event, context) {
  for (const record of event.Records) {
    const message = JSON.parse(record.Sns.Message) as { beer: number };
    context.log({ beer: "Quadrupel", quantity: message.beer });
  }
});

// Each message is processed on its own: a failing one is retried alone, the others are deleted.
export const process_queue_messages = app.sqsQueueSubscriber(
  "my_queue",
  { batchSize: 64 },
  perRecord(async function process_queue_messages(record: SQSRecord, context) {
    const message: unknown = JSON.parse(record.body);
    context.log({ message, messageAttributes: record.messageAttributes });
  }),
);

export const monitor_ecs_events = app.cloudwatchEventHandler(
  { source: ["aws.ecs"] },
  async function monitor_ecs_events(event, context) {
    context.log(`Got an event from ECS: ${event["detail-type"]}`, event.detail);
  },
);

export const monitor_s3 = app.s3EventHandler(
  { bucket: "my-s3-bucket", events: ["s3:ObjectCreated:*"], prefix: "foo", suffix: ".bar" },
  async function monitor_s3(event, context) {
    for (const record of event.Records) {
      context.log(`Got an event from S3: ${record.eventName} ${record.s3.object.key}`);
    }
  },
);

export const handle_dynamodb_stream = app.dynamodbStreamHandler(
  "MyDynamoTable",
  { batchSize: 200 },
  async function handle_dynamodb_stream(event, context) {
    context.log(`Got ${event.Records.length} events from DynamoDB`);
    context.log("First event:", event.Records[0]?.dynamodb);
  },
);

export const monitor_cloudwatch_logs = app.cloudwatchLogsSubFilterHandler(
  { logGroupName: "watchtower", filterPattern: "{ $.x = 8 }" },
  async function monitor_cloudwatch_logs(event, context) {
    context.log("Got a CWL subscription filter event:", event);
  },
);

/** The Worker task adds one to its input; Domovoi points its Resource at the function's alias. */
const stateMachine = {
  Comment: "A Domovoi worker",
  StartAt: "Worker",
  States: { Worker: { Type: "Task", End: true } },
};

export const worker = app.stepFunctionTask(
  { stateName: "Worker", stateMachine },
  async function worker(event: unknown, context) {
    const { input } = event as { input: number };
    return { result: input + 1, my_state: context.stepFunctionsTaskName };
  },
);

app.registerStateMachine(stateMachine);

export const handler = app.handler;
