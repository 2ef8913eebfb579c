import type { JsonObject, RegistrationManifest } from "@domovoi/runtime";
import { arnOf, arns } from "../aws/target.js";
import type { DesiredContext } from "./desired-context.js";
import { dynamoDbStreamArnOf, kinesisStreamArnOf, queueArnOf } from "./source-arns.js";

const QUEUE_ACTIONS = [
  "sqs:ReceiveMessage",
  "sqs:DeleteMessage",
  "sqs:GetQueueAttributes",
  "sqs:ChangeMessageVisibility",
];
const DYNAMODB_STREAM_ACTIONS = [
  "dynamodb:DescribeStream",
  "dynamodb:GetRecords",
  "dynamodb:GetShardIterator",
  "dynamodb:ListStreams",
];
const KINESIS_ACTIONS = [
  "kinesis:DescribeStream",
  "kinesis:DescribeStreamSummary",
  "kinesis:GetRecords",
  "kinesis:GetShardIterator",
  "kinesis:ListShards",
  "kinesis:SubscribeToShard",
];

/**
 * The statements Domovoi adds to the function's role, each scoped to the ARNs it needs: its own
 * log group, the queues and streams that Lambda polls for it (mappings use the function's role),
 * its state machines (`startExecution`) and its dead-letter queue.
 */
export function functionRoleStatements(ctx: DesiredContext): JsonObject[] {
  const { project, target } = ctx;
  const logGroup = arnOf(target, "logs", `log-group:/aws/lambda/${project.names.functionName}`);
  const queues = project.manifest.registrations.flatMap((r) => polledQueues(ctx, r));
  const dynamodb = project.manifest.registrations
    .filter((r) => r.kind === "dynamodb")
    .flatMap((r) => dynamoDbStreamArnOf(ctx, r.name) ?? []);
  const kinesis = project.manifest.registrations.flatMap((r) =>
    r.kind === "kinesis" ? [kinesisStreamArnOf(r, target)] : [],
  );
  const machines = Object.values(project.names.stateMachines).map((m) =>
    arns.stateMachine(target, m.stateMachine),
  );
  const dlq = project.config.deadLetterQueueTargetArn;
  return [
    allow(
      ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
      [logGroup, `${logGroup}:*`],
    ),
    ...(queues.length > 0 ? [allow(QUEUE_ACTIONS, queues)] : []),
    ...(dynamodb.length > 0 ? [allow(DYNAMODB_STREAM_ACTIONS, dynamodb)] : []),
    ...(kinesis.length > 0 ? [allow(KINESIS_ACTIONS, kinesis)] : []),
    ...(machines.length > 0 ? [allow(["states:StartExecution"], machines)] : []),
    ...(dlq === undefined
      ? []
      : [allow([dlq.split(":")[2] === "sns" ? "sns:Publish" : "sqs:SendMessage"], [dlq])]),
  ];
}

function polledQueues(ctx: DesiredContext, registration: RegistrationManifest): string[] {
  if (registration.kind === "sqs") return [queueArnOf(registration, ctx.target)];
  const bridge = ctx.project.names.registrations[registration.name]?.bridgeQueue;
  return bridge === undefined ? [] : [arns.queue(ctx.target, bridge)];
}

function allow(actions: readonly string[], resources: readonly string[]): JsonObject {
  return { Effect: "Allow", Action: [...actions], Resource: [...new Set(resources)] };
}
