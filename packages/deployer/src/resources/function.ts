import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  PutFunctionConcurrencyCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import type { JsonObject } from "@domovoi/runtime";
import { isAwsError, unlessNotFound } from "../aws/errors.js";
import { retrying, waitUntil } from "../aws/wait.js";
import { DeployError } from "../errors.js";
import type { FieldChange } from "../model/diff.js";
import type {
  ApplyContext,
  DesiredResource,
  ReadContext,
  ResourceType,
} from "../model/resource.js";

export interface FunctionProperties extends JsonObject {
  runtime: string;
  handler: string;
  memorySize: number;
  timeout: number;
  architecture: string;
  role: string;
  description: string;
  environment: Record<string, string>;
  deadLetterTargetArn: string | null;
  reservedConcurrency: number | null;
  tags: Record<string, string>;
  /** Base64 SHA-256 of the deployment package, as Lambda reports it. */
  codeSha256: string;
}

export function functionId(name: string): string {
  return `function:${name}`;
}

/** Fields that UpdateFunctionConfiguration sets; the others have calls of their own. */
const CONFIGURATION_FIELDS = new Set([
  "runtime",
  "handler",
  "memorySize",
  "timeout",
  "role",
  "description",
  "environment",
  "deadLetterTargetArn",
]);

/** The function `<app>-<stage>`: configuration, code, tags and reserved concurrency. */
export const functionType: ResourceType<FunctionProperties> = {
  kind: "function",

  async discover(ctx) {
    const live = await unlessNotFound(
      () => ctx.clients.lambda.send(new GetFunctionCommand({ FunctionName: ctx.functionName })),
      "ResourceNotFoundException",
    );
    const configuration = live?.Configuration;
    if (!configuration) return [];
    return [
      {
        kind: "function",
        id: functionId(ctx.functionName),
        name: ctx.functionName,
        properties: {
          runtime: configuration.Runtime ?? "",
          handler: configuration.Handler ?? "",
          memorySize: configuration.MemorySize ?? 128,
          timeout: configuration.Timeout ?? 3,
          architecture: configuration.Architectures?.[0] ?? "x86_64",
          role: configuration.Role ?? "",
          description: configuration.Description ?? "",
          environment: configuration.Environment?.Variables ?? {},
          deadLetterTargetArn: configuration.DeadLetterConfig?.TargetArn || null,
          reservedConcurrency: live.Concurrency?.ReservedConcurrentExecutions ?? null,
          tags: live.Tags ?? {},
          codeSha256: configuration.CodeSha256 ?? "",
        },
        locator: { arn: ctx.functionArn },
      },
    ];
  },

  async create(ctx, desired) {
    const p = desired.properties;
    // A role created a moment ago may not be assumable by Lambda yet (IAM is eventually consistent).
    await retrying(
      () =>
        ctx.clients.lambda.send(
          new CreateFunctionCommand({
            FunctionName: desired.name,
            Code: { ZipFile: ctx.code.zip },
            Architectures: [p.architecture as "x86_64"],
            Tags: p.tags,
            PackageType: "Zip",
            Publish: false,
            ...configuration(p),
          }),
        ),
      isRoleNotReady,
      { sleep: ctx.sleep },
    );
    await waitForFunction(ctx);
    if (p.reservedConcurrency !== null) await setConcurrency(ctx, p.reservedConcurrency);
    return { arn: ctx.functionArn };
  },

  async update(ctx, desired, live, changes) {
    const p = desired.properties;
    const changed = new Set(changes.map((change) => change.path.split(".")[0]));
    await waitForFunction(ctx);
    if ([...changed].some((field) => field !== undefined && CONFIGURATION_FIELDS.has(field))) {
      await retrying(
        () =>
          ctx.clients.lambda.send(
            new UpdateFunctionConfigurationCommand({
              FunctionName: desired.name,
              ...configuration(p),
            }),
          ),
        isRoleNotReady,
        { sleep: ctx.sleep },
      );
      await waitForFunction(ctx);
    }
    if (changed.has("codeSha256") || changed.has("architecture")) {
      await ctx.clients.lambda.send(
        new UpdateFunctionCodeCommand({
          FunctionName: desired.name,
          ZipFile: ctx.code.zip,
          Architectures: [p.architecture as "x86_64"],
        }),
      );
      await waitForFunction(ctx);
    }
    if (changed.has("tags")) await updateTags(ctx, changes);
    if (changed.has("reservedConcurrency")) {
      if (p.reservedConcurrency === null) {
        await ctx.clients.lambda.send(
          new DeleteFunctionConcurrencyCommand({ FunctionName: desired.name }),
        );
      } else {
        await setConcurrency(ctx, p.reservedConcurrency);
      }
    }
    return live.locator;
  },

  async delete(ctx, live) {
    await ctx.clients.lambda.send(new DeleteFunctionCommand({ FunctionName: live.name }));
  },
};

/**
 * The settings UpdateFunctionConfiguration takes, all of them every time: an absent environment,
 * description or dead-letter queue is sent empty, which removes it.
 */
function configuration(p: FunctionProperties) {
  return {
    Runtime: p.runtime as "nodejs22.x",
    Handler: p.handler,
    MemorySize: p.memorySize,
    Timeout: p.timeout,
    Role: p.role,
    Description: p.description,
    Environment: { Variables: p.environment },
    DeadLetterConfig: { TargetArn: p.deadLetterTargetArn ?? "" },
  };
}

function isRoleNotReady(error: unknown): boolean {
  return (
    isAwsError(error, "InvalidParameterValueException") &&
    /cannot be assumed|role/i.test((error as Error).message)
  );
}

function setConcurrency(ctx: ReadContext, reserved: number) {
  return ctx.clients.lambda.send(
    new PutFunctionConcurrencyCommand({
      FunctionName: ctx.functionName,
      ReservedConcurrentExecutions: reserved,
    }),
  );
}

async function updateTags(ctx: ApplyContext, changes: readonly FieldChange[]): Promise<void> {
  const tagChanges = changes.filter((change) => change.path.startsWith("tags."));
  const removed = tagChanges.filter((c) => c.to === undefined).map((c) => c.path.slice(5));
  const set = Object.fromEntries(
    tagChanges.filter((c) => c.to !== undefined).map((c) => [c.path.slice(5), String(c.to)]),
  );
  if (removed.length > 0) {
    await ctx.clients.lambda.send(
      new UntagResourceCommand({ Resource: ctx.functionArn, TagKeys: removed }),
    );
  }
  if (Object.keys(set).length > 0) {
    await ctx.clients.lambda.send(new TagResourceCommand({ Resource: ctx.functionArn, Tags: set }));
  }
}

/**
 * Waits until the function is Active and no update is in progress: Lambda refuses a change
 * (ResourceConflictException) while the previous one is still being applied.
 */
export async function waitForFunction(ctx: ReadContext): Promise<void> {
  await waitUntil(
    async () => {
      const state = await ctx.clients.lambda.send(
        new GetFunctionConfigurationCommand({ FunctionName: ctx.functionName }),
      );
      if (state.State === "Failed" || state.LastUpdateStatus === "Failed") {
        throw new DeployError(
          `Function ${ctx.functionName} failed: ${state.StateReason ?? state.LastUpdateStatusReason}`,
        );
      }
      return state.State === "Active" && state.LastUpdateStatus !== "InProgress";
    },
    { sleep: ctx.sleep, what: `function ${ctx.functionName} to finish updating` },
  );
}

export function functionResource(
  name: string,
  arn: string,
  properties: FunctionProperties,
  roleId: string,
): DesiredResource<FunctionProperties> {
  return {
    kind: "function",
    id: functionId(name),
    name,
    properties,
    locator: { arn },
    dependsOn: [roleId],
  };
}
