import type { JsonObject, JsonValue } from "@domovoi/runtime";
import { arnOf, arns, queueArnFromUrl, type Target } from "../aws/target.js";
import { isPlainObject } from "../model/diff.js";
import type { DesiredContext } from "./desired-context.js";

interface Grant {
  readonly action: string;
  readonly resource: string;
}

export interface StateMachinePolicy {
  readonly statements: JsonObject[];
  /** Integrations whose resource is only known at run time: nothing is granted for them. */
  readonly warnings: string[];
}

type Parameters = Readonly<Record<string, JsonValue>>;

/**
 * For each optimized integration, the action it needs and the parameter naming its resource
 * (as the Step Functions developer guide's IAM policies for integrated services list them).
 */
const INTEGRATIONS: Readonly<
  Record<
    string,
    { action: string; parameter: string; arn: (t: Target, v: string, p: Parameters) => string }
  >
> = {
  "lambda:invoke": { action: "lambda:InvokeFunction", parameter: "FunctionName", arn: functionArn },
  "sns:publish": { action: "sns:Publish", parameter: "TopicArn", arn: (_t, v) => v },
  "sqs:sendMessage": { action: "sqs:SendMessage", parameter: "QueueUrl", arn: queueArnFromUrl },
  "dynamodb:getItem": { action: "dynamodb:GetItem", parameter: "TableName", arn: tableArn },
  "dynamodb:putItem": { action: "dynamodb:PutItem", parameter: "TableName", arn: tableArn },
  "dynamodb:updateItem": { action: "dynamodb:UpdateItem", parameter: "TableName", arn: tableArn },
  "dynamodb:deleteItem": { action: "dynamodb:DeleteItem", parameter: "TableName", arn: tableArn },
  "states:startExecution": {
    action: "states:StartExecution",
    parameter: "StateMachineArn",
    arn: (_t, v) => v,
  },
  "s3:getObject": {
    action: "s3:GetObject",
    parameter: "Bucket",
    // The object when its key is fixed, else any object of the bucket.
    arn: (t, v, p) => `${arns.bucket(t, v)}/${typeof p.Key === "string" ? p.Key : "*"}`,
  },
  "s3:listObjectsV2": {
    action: "s3:ListBucket",
    parameter: "Bucket",
    arn: (t, v) => arns.bucket(t, v),
  },
};

/**
 * The permissions a state machine's role needs, derived from its definition: invoking the
 * function and the aliases of its tasks, and the resources its optimized integrations and
 * `ItemReader`s name, each scoped to those ARNs.
 */
export function stateMachinePolicy(
  ctx: DesiredContext,
  machine: string,
  definition: JsonObject,
): StateMachinePolicy {
  const grants: Grant[] = [{ action: "lambda:InvokeFunction", resource: ctx.functionArn }];
  const warnings: string[] = [];
  for (const [stateName, state] of statesOf(definition)) {
    for (const invocation of invocationsOf(state)) {
      const grant = grantFor(ctx.target, invocation.resource, invocation.parameters);
      if (typeof grant === "string")
        warnings.push(`state machine ${machine}, state ${stateName}: ${grant}`);
      else if (grant) grants.push(grant);
    }
  }
  return { statements: statementsOf(grants), warnings };
}

function* statesOf(node: JsonValue): Generator<[string, JsonObject]> {
  if (Array.isArray(node)) {
    for (const item of node) yield* statesOf(item);
    return;
  }
  if (!isPlainObject(node)) return;
  if (isPlainObject(node.States)) {
    for (const [name, state] of Object.entries(node.States)) {
      if (isPlainObject(state)) yield [name, state];
    }
  }
  for (const value of Object.values(node)) yield* statesOf(value);
}

function invocationsOf(state: JsonObject): { resource: string; parameters: Parameters }[] {
  const invocations = [];
  if (state.Type === "Task" && typeof state.Resource === "string") {
    invocations.push({ resource: state.Resource, parameters: parametersOf(state) });
  }
  const reader = state.ItemReader;
  if (state.Type === "Map" && isPlainObject(reader) && typeof reader.Resource === "string") {
    invocations.push({ resource: reader.Resource, parameters: parametersOf(reader) });
  }
  return invocations;
}

/** JSONPath states name them `Parameters`, JSONata states `Arguments`. */
function parametersOf(node: JsonObject): Parameters {
  const parameters = node.Parameters ?? node.Arguments;
  return isPlainObject(parameters) ? parameters : {};
}

/** A grant, a warning when the resource is dynamic, or nothing for what needs no permission. */
function grantFor(
  target: Target,
  resource: string,
  parameters: Parameters,
): Grant | string | undefined {
  if (/^arn:[^:]+:lambda:/.test(resource)) return { action: "lambda:InvokeFunction", resource };
  const integration = /^arn:[^:]+:states:::([a-z0-9-]+:[A-Za-z0-9]+)/.exec(resource)?.[1];
  if (integration === undefined) return undefined;
  const known = INTEGRATIONS[integration];
  if (!known)
    return `${integration} is not an integration Domovoi knows; grant it in the role yourself.`;
  const value = parameters[known.parameter];
  if (typeof value !== "string") {
    return `${integration}'s ${known.parameter} is given at run time (${known.parameter}.$), so no permission was granted for it.`;
  }
  return { action: known.action, resource: known.arn(target, value, parameters) };
}

function functionArn(target: Target, value: string): string {
  return value.startsWith("arn:") ? value : arns.function(target, value);
}

function tableArn(target: Target, value: string): string {
  return value.startsWith("arn:") ? value : arnOf(target, "dynamodb", `table/${value}`);
}

/** One statement per action, listing its resources. */
function statementsOf(grants: readonly Grant[]): JsonObject[] {
  const byAction = new Map<string, Set<string>>();
  for (const { action, resource } of grants) {
    byAction.set(action, (byAction.get(action) ?? new Set()).add(resource));
  }
  return [...byAction].map(([action, resources]) => ({
    Effect: "Allow",
    Action: action,
    Resource: [...resources],
  }));
}
