import type { JsonObject } from "@domovoi/runtime";
import type { DesiredResource, ResourceKind } from "../model/resource.js";
import type { AliasProperties } from "../resources/alias.js";
import type { BridgeQueueProperties } from "../resources/bridge-queue.js";
import type { BridgeTopicProperties } from "../resources/bridge-topic.js";
import type { EventRuleProperties } from "../resources/event-rule.js";
import type { MappingProperties } from "../resources/event-source-mapping.js";
import type { FunctionProperties } from "../resources/function.js";
import type { LogsFilterProperties } from "../resources/logs-filter.js";
import { tagList } from "../resources/ownership.js";
import type { PermissionProperties } from "../resources/permission.js";
import type { RoleProperties } from "../resources/role.js";
import type { ScheduleProperties } from "../resources/schedule.js";
import type { SesRuleProperties } from "../resources/ses-rule.js";
import type { StateMachineProperties } from "../resources/state-machine.js";
import type { SubscriptionProperties } from "../resources/subscription.js";

/** A CloudFormation resource for a desired one, or why CloudFormation cannot express it. */
export type TemplateResource =
  | { readonly type: string; readonly properties: JsonObject }
  | { readonly unsupported: string };

export interface TemplateContext {
  /** The function's `Code`: S3 bucket and key parameters. */
  readonly code: JsonObject;
  readonly functionName: string;
  readonly functionArn: string;
  /** State machine definitions as registered, with `${DomovoiFunctionArn}` left for substitution. */
  readonly definitions: ReadonlyMap<string, JsonObject>;
}

type Converter = (
  resource: DesiredResource,
  ctx: TemplateContext,
) => TemplateResource | TemplateResource[];

/** The resource's properties, as the kind's resource type defines them. */
const p = <P extends JsonObject>(resource: DesiredResource) => resource.properties as P;

/** How each kind of resource is written in a template. */
export const TEMPLATE_RESOURCES: Readonly<Record<ResourceKind, Converter>> = {
  role: (r) => ({
    type: "AWS::IAM::Role",
    properties: {
      RoleName: r.name,
      Path: p<RoleProperties>(r).path,
      AssumeRolePolicyDocument: p<RoleProperties>(r).assumeRolePolicy,
      Policies: Object.entries(p<RoleProperties>(r).policies).map(
        ([PolicyName, PolicyDocument]) => ({ PolicyName, PolicyDocument }),
      ),
    },
  }),
  topic: (r) => ({
    unsupported: `SNS topic ${r.name} must exist: the deployer creates it when missing, a template cannot.`,
  }),
  queue: (r) => ({
    unsupported: `SQS queue ${r.name} must exist: the deployer creates it when missing, a template cannot.`,
  }),
  "bridge-topic": (r): TemplateResource[] => [
    { type: "AWS::SNS::Topic", properties: { TopicName: r.name } },
    {
      type: "AWS::SNS::TopicPolicy",
      properties: {
        Topics: [String(r.locator.arn)],
        PolicyDocument: p<BridgeTopicProperties>(r).policy,
      },
    },
  ],
  "bridge-queue": (r): TemplateResource[] => [
    {
      type: "AWS::SQS::Queue",
      properties: {
        QueueName: r.name,
        VisibilityTimeout: Number(p<BridgeQueueProperties>(r).visibilityTimeout),
      },
    },
    {
      type: "AWS::SQS::QueuePolicy",
      properties: {
        Queues: [`https://sqs.\${AWS::Region}.\${AWS::URLSuffix}/\${AWS::AccountId}/${r.name}`],
        PolicyDocument: p<BridgeQueueProperties>(r).policy,
      },
    },
  ],
  function: (r, { code }) => {
    const f = p<FunctionProperties>(r);
    return {
      type: "AWS::Lambda::Function",
      properties: {
        FunctionName: r.name,
        Code: code,
        Runtime: f.runtime,
        Handler: f.handler,
        MemorySize: f.memorySize,
        Timeout: f.timeout,
        Architectures: [f.architecture],
        Role: f.role,
        Description: f.description,
        Environment: { Variables: f.environment },
        Tags: tagList(f.tags),
        ...(f.deadLetterTargetArn !== null && {
          DeadLetterConfig: { TargetArn: f.deadLetterTargetArn },
        }),
        ...(f.reservedConcurrency !== null && {
          ReservedConcurrentExecutions: f.reservedConcurrency,
        }),
      },
    };
  },
  alias: (r) => ({
    type: "AWS::Lambda::Alias",
    properties: {
      FunctionName: String(r.locator.arn).replace(/:[^:]+$/, ""),
      Name: r.name,
      FunctionVersion: p<AliasProperties>(r).functionVersion,
      Description: p<AliasProperties>(r).description,
    },
  }),
  permission: (r, { functionName }) => ({
    type: "AWS::Lambda::Permission",
    properties: {
      Action: "lambda:InvokeFunction",
      FunctionName: functionName,
      Principal: p<PermissionProperties>(r).principal,
      SourceArn: p<PermissionProperties>(r).sourceArn,
      ...(p<PermissionProperties>(r).sourceAccount !== null && {
        SourceAccount: p<PermissionProperties>(r).sourceAccount,
      }),
    },
  }),
  "state-machine": (r, { definitions, functionArn }) => ({
    type: "AWS::StepFunctions::StateMachine",
    properties: {
      StateMachineName: r.name,
      StateMachineType: p<StateMachineProperties>(r).type,
      DefinitionString: JSON.stringify(
        definitions.get(r.registration ?? "") ?? p<StateMachineProperties>(r).definition,
      ),
      DefinitionSubstitutions: { DomovoiFunctionArn: functionArn },
      RoleArn: p<StateMachineProperties>(r).role,
    },
  }),
  "schedule-group": (r) => ({
    type: "AWS::Scheduler::ScheduleGroup",
    properties: { Name: r.name },
  }),
  schedule: (r) => ({
    type: "AWS::Scheduler::Schedule",
    properties: {
      Name: r.name,
      GroupName: String(r.locator.group),
      ScheduleExpression: p<ScheduleProperties>(r).expression,
      ScheduleExpressionTimezone: p<ScheduleProperties>(r).timezone,
      ...(p<ScheduleProperties>(r).description !== "" && {
        Description: p<ScheduleProperties>(r).description,
      }),
      State: p<ScheduleProperties>(r).state,
      FlexibleTimeWindow: { Mode: "OFF" },
      Target: {
        Arn: p<ScheduleProperties>(r).targetArn,
        RoleArn: p<ScheduleProperties>(r).roleArn,
        Input: p<ScheduleProperties>(r).input,
      },
    },
  }),
  "event-rule": (r) => ({
    type: "AWS::Events::Rule",
    properties: {
      Name: r.name,
      EventBusName: String(r.locator.bus),
      EventPattern: p<EventRuleProperties>(r).eventPattern,
      State: p<EventRuleProperties>(r).state,
      Targets: [
        {
          Id: "domovoi",
          Arn: p<EventRuleProperties>(r).targetArn,
          InputTransformer: { InputTemplate: p<EventRuleProperties>(r).inputTemplate },
        },
      ],
    },
  }),
  subscription: (r) => ({
    type: "AWS::SNS::Subscription",
    properties: {
      TopicArn: String(r.locator.topicArn),
      Protocol: p<SubscriptionProperties>(r).protocol,
      Endpoint: p<SubscriptionProperties>(r).endpoint,
      ...(p<SubscriptionProperties>(r).filterPolicy !== null && {
        FilterPolicy: p<SubscriptionProperties>(r).filterPolicy,
        FilterPolicyScope: p<SubscriptionProperties>(r).filterPolicyScope,
      }),
    },
  }),
  "event-source-mapping": (r, { functionName }) => {
    const m = p<MappingProperties>(r);
    return {
      type: "AWS::Lambda::EventSourceMapping",
      properties: {
        FunctionName: functionName,
        EventSourceArn: m.eventSourceArn,
        BatchSize: m.batchSize,
        MaximumBatchingWindowInSeconds: m.maximumBatchingWindowInSeconds,
        FunctionResponseTypes: m.functionResponseTypes,
        ...(m.filterCriteria !== null && { FilterCriteria: m.filterCriteria }),
        ...(m.maximumConcurrency !== null && {
          ScalingConfig: { MaximumConcurrency: m.maximumConcurrency },
        }),
        ...(m.startingPosition !== null && {
          StartingPosition: m.startingPosition,
          ParallelizationFactor: m.parallelizationFactor,
          BisectBatchOnFunctionError: m.bisectBatchOnFunctionError,
          MaximumRetryAttempts: m.maximumRetryAttempts,
          MaximumRecordAgeInSeconds: m.maximumRecordAgeInSeconds,
        }),
      },
    };
  },
  "logs-filter": (r) => ({
    type: "AWS::Logs::SubscriptionFilter",
    properties: {
      FilterName: r.name,
      LogGroupName: String(r.locator.logGroup),
      FilterPattern: p<LogsFilterProperties>(r).filterPattern,
      DestinationArn: p<LogsFilterProperties>(r).destinationArn,
    },
  }),
  "alb-target": (r) => ({
    unsupported: `Registering the function in target group ${r.name}: CloudFormation only registers targets in a target group the template creates.`,
  }),
  "ses-rule": (r) => ({
    type: "AWS::SES::ReceiptRule",
    properties: {
      RuleSetName: String(r.locator.ruleSet),
      Rule: {
        Name: r.name,
        Enabled: p<SesRuleProperties>(r).enabled,
        Recipients: p<SesRuleProperties>(r).recipients,
        ScanEnabled: false,
        Actions: [
          {
            LambdaAction: {
              FunctionArn: p<SesRuleProperties>(r).functionArn,
              InvocationType: "Event",
            },
          },
        ],
      },
    },
  }),
  "s3-eventbridge": (r) => ({
    unsupported: `Turning on EventBridge delivery of bucket ${r.name}: CloudFormation only configures buckets the template creates.`,
  }),
  "s3-notification": (r) => ({
    unsupported: `Notification ${r.name} of bucket ${String(r.locator.bucket)}: CloudFormation only configures notifications of buckets the template creates (the deployer adds it by read-modify-write).`,
  }),
};
