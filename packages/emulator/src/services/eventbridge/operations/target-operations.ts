import type { JsonMembers } from "../json-protocol/json-members.js";
import type { TargetDefinition } from "../target-definition.js";
import { type EventBridgeOperation, NAME, page, targetRule } from "./operation.js";

const ARN = { min: 1, max: 1600 };

const putTargets: EventBridgeOperation = (input, context) => {
  const rule = targetRule(input, context, "Rule");
  const targets = input.structures("Targets", { min: 1, max: 10 }) ?? [];
  const failed = context.backend.putTargets(rule, targets.map(readTarget));
  return {
    FailedEntryCount: failed.length,
    FailedEntries: failed.map(({ targetId, errorCode, errorMessage }) => ({
      TargetId: targetId,
      ErrorCode: errorCode,
      ErrorMessage: errorMessage,
    })),
  };
};

const removeTargets: EventBridgeOperation = (input, context) => {
  const rule = targetRule(input, context, "Rule");
  context.backend.removeTargets(rule, input.stringList("Ids", { min: 1, max: 100 }, NAME) ?? []);
  return { FailedEntryCount: 0, FailedEntries: [] };
};

const listTargetsByRule: EventBridgeOperation = (input, context) => {
  const rule = targetRule(input, context, "Rule");
  const targets = [...rule.targets.values()]
    .map((target) => target.definition)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const { items, nextToken } = page(input, targets, (target) => target.id);
  return { Targets: items.map(targetView), ...(nextToken && { NextToken: nextToken }) };
};

function readTarget(target: JsonMembers): TargetDefinition {
  const transformer = target.optionalStructure("InputTransformer");
  const retry = target.optionalStructure("RetryPolicy");
  return {
    id: target.string("Id", NAME),
    arn: target.string("Arn", ARN),
    roleArn: target.optionalString("RoleArn", ARN),
    input: target.optionalString("Input", { max: 8192 }),
    inputPath: target.optionalString("InputPath", { max: 256 }),
    inputTransformer: transformer && {
      inputPathsMap: transformer.stringMap("InputPathsMap") ?? {},
      inputTemplate: transformer.string("InputTemplate", { min: 1, max: 8192 }),
    },
    retryPolicy: retry && {
      maximumRetryAttempts: retry.optionalInteger("MaximumRetryAttempts", { min: 0, max: 185 }),
      maximumEventAgeInSeconds: retry.optionalInteger("MaximumEventAgeInSeconds", {
        min: 60,
        max: 86_400,
      }),
    },
    deadLetterArn: target.optionalStructure("DeadLetterConfig")?.optionalString("Arn", ARN),
    messageGroupId: target.optionalStructure("SqsParameters")?.optionalString("MessageGroupId"),
  };
}

function targetView(target: TargetDefinition): object {
  const { retryPolicy, inputTransformer } = target;
  return {
    Id: target.id,
    Arn: target.arn,
    ...(target.roleArn !== undefined && { RoleArn: target.roleArn }),
    ...(target.input !== undefined && { Input: target.input }),
    ...(target.inputPath !== undefined && { InputPath: target.inputPath }),
    ...(inputTransformer && {
      InputTransformer: {
        InputPathsMap: inputTransformer.inputPathsMap,
        InputTemplate: inputTransformer.inputTemplate,
      },
    }),
    ...(retryPolicy && {
      RetryPolicy: {
        MaximumRetryAttempts: retryPolicy.maximumRetryAttempts,
        MaximumEventAgeInSeconds: retryPolicy.maximumEventAgeInSeconds,
      },
    }),
    ...(target.deadLetterArn !== undefined && {
      DeadLetterConfig: { Arn: target.deadLetterArn },
    }),
    ...(target.messageGroupId !== undefined && {
      SqsParameters: { MessageGroupId: target.messageGroupId },
    }),
  };
}

export const TARGET_OPERATIONS = {
  PutTargets: putTargets,
  RemoveTargets: removeTargets,
  ListTargetsByRule: listTargetsByRule,
};
