import { createHash } from "node:crypto";
import * as lambda from "@aws-sdk/client-lambda";
import { awsError } from "./aws-error.js";
import { aliasHandlers } from "./fake-aliases.js";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";
import { functionPolicyHandlers } from "./fake-function-policy.js";
import { FakeMappings } from "./fake-mappings.js";
import { allows } from "./policy-check.js";

export interface FakeFunction {
  configuration: lambda.FunctionConfiguration;
  code: Uint8Array;
  tags: Record<string, string>;
  reserved?: number;
  readonly statements: Record<string, unknown>[];
  readonly aliases: Map<string, lambda.AliasConfiguration>;
  /** Reads left before a pending change settles. */
  settling: number;
}

/**
 * Functions (states Pending → Active, updates InProgress → Successful, refused while one is in
 * progress), their resource policies, aliases and event source mappings.
 */
export class FakeLambda implements FakeService {
  readonly name = "Lambda";
  readonly client = lambda.LambdaClient;
  readonly commands = lambda as unknown as Record<string, unknown>;
  readonly functions = new Map<string, FakeFunction>();
  readonly mappings: FakeMappings;

  constructor(private readonly aws: FakeAws) {
    this.mappings = new FakeMappings(aws, this);
  }

  /** Whether the function's resource policy lets `principal` invoke it from `sourceArn`. */
  permits(
    functionArn: string,
    principal: string,
    sourceArn: string,
    sourceAccount?: string,
  ): boolean {
    const fn = this.functions.get(functionNameOf(functionArn));
    return (
      fn !== undefined &&
      allows([{ Statement: fn.statements }], {
        action: "lambda:InvokeFunction",
        resource: functionArn,
        principal,
        sourceArn,
        ...(sourceAccount !== undefined && { sourceAccount }),
      })
    );
  }

  get(name: string | undefined): FakeFunction {
    const fn = this.functions.get(functionNameOf(String(name)));
    if (!fn) {
      throw awsError(
        "ResourceNotFoundException",
        `Function not found: ${this.aws.arn("lambda", `function:${name}`)}`,
        404,
      );
    }
    return fn;
  }

  handlers(): Handlers {
    return {
      ...this.#functionHandlers(),
      ...functionPolicyHandlers(this.aws, this),
      ...aliasHandlers(this),
      ...this.mappings.handlers(),
    };
  }

  #functionHandlers(): Handlers {
    return {
      CreateFunction: (input: lambda.CreateFunctionCommandInput) => {
        const name = String(input.FunctionName);
        if (this.functions.has(name)) {
          throw awsError("ResourceConflictException", `Function already exist: ${name}`, 409);
        }
        if (!this.aws.iam.canAssume(String(input.Role), "lambda.amazonaws.com")) {
          throw awsError(
            "InvalidParameterValueException",
            "The role defined for the function cannot be assumed by Lambda.",
          );
        }
        const code = input.Code?.ZipFile ?? new Uint8Array();
        const fn: FakeFunction = {
          configuration: {
            FunctionName: name,
            FunctionArn: this.aws.arn("lambda", `function:${name}`),
            Architectures: input.Architectures ?? ["x86_64"],
            Version: "$LATEST",
            State: "Pending",
            LastUpdateStatus: "InProgress",
          },
          code,
          tags: { ...input.Tags },
          statements: [],
          aliases: new Map(),
          settling: this.aws.settleReads,
        };
        this.#configure(fn, input);
        fn.configuration.CodeSha256 = sha256(code);
        this.functions.set(name, fn);
        return structuredClone(fn.configuration);
      },
      GetFunction: ({ FunctionName }: lambda.GetFunctionCommandInput) => {
        const fn = this.#read(FunctionName);
        return {
          Configuration: structuredClone(fn.configuration),
          Code: { RepositoryType: "S3", Location: "https://example.invalid/code.zip" },
          Tags: { ...fn.tags },
          ...(fn.reserved !== undefined && {
            Concurrency: { ReservedConcurrentExecutions: fn.reserved },
          }),
        };
      },
      GetFunctionConfiguration: ({ FunctionName }: lambda.GetFunctionConfigurationCommandInput) =>
        structuredClone(this.#read(FunctionName).configuration),
      UpdateFunctionConfiguration: (input: lambda.UpdateFunctionConfigurationCommandInput) => {
        const fn = this.#idle(input.FunctionName);
        this.#configure(fn, input);
        this.#startUpdate(fn);
        return structuredClone(fn.configuration);
      },
      UpdateFunctionCode: (input: lambda.UpdateFunctionCodeCommandInput) => {
        const fn = this.#idle(input.FunctionName);
        fn.code = input.ZipFile ?? fn.code;
        fn.configuration.CodeSha256 = sha256(fn.code);
        if (input.Architectures) fn.configuration.Architectures = input.Architectures;
        this.#startUpdate(fn);
        return structuredClone(fn.configuration);
      },
      TagResource: ({ Resource, Tags }: lambda.TagResourceCommandInput) => {
        Object.assign(this.get(Resource).tags, Tags);
        return {};
      },
      UntagResource: ({ Resource, TagKeys = [] }: lambda.UntagResourceCommandInput) => {
        const fn = this.get(Resource);
        for (const key of TagKeys) delete fn.tags[key];
        return {};
      },
      PutFunctionConcurrency: (input: lambda.PutFunctionConcurrencyCommandInput) => {
        this.get(input.FunctionName).reserved = input.ReservedConcurrentExecutions;
        return { ReservedConcurrentExecutions: input.ReservedConcurrentExecutions };
      },
      DeleteFunctionConcurrency: ({
        FunctionName,
      }: lambda.DeleteFunctionConcurrencyCommandInput) => {
        delete this.get(FunctionName).reserved;
        return {};
      },
      DeleteFunction: ({ FunctionName }: lambda.DeleteFunctionCommandInput) => {
        this.functions.delete(String(this.get(FunctionName).configuration.FunctionName));
        return {};
      },
    };
  }

  /** A read: a pending change settles after `settleReads` of them. */
  #read(name: string | undefined): FakeFunction {
    const fn = this.get(name);
    if (fn.settling > 0) fn.settling -= 1;
    else if (
      fn.configuration.State === "Pending" ||
      fn.configuration.LastUpdateStatus === "InProgress"
    ) {
      fn.configuration.State = "Active";
      fn.configuration.LastUpdateStatus = "Successful";
    }
    return fn;
  }

  #idle(name: string | undefined): FakeFunction {
    const fn = this.get(name);
    if (fn.configuration.State !== "Active" || fn.configuration.LastUpdateStatus === "InProgress") {
      throw awsError(
        "ResourceConflictException",
        `The operation cannot be performed at this time. An update is in progress for resource: ${fn.configuration.FunctionArn}`,
        409,
      );
    }
    return fn;
  }

  #startUpdate(fn: FakeFunction): void {
    fn.configuration.LastUpdateStatus = "InProgress";
    fn.settling = this.aws.settleReads;
  }

  #configure(fn: FakeFunction, input: lambda.UpdateFunctionConfigurationCommandInput): void {
    const c = fn.configuration;
    if (input.Role !== undefined) {
      if (!this.aws.iam.canAssume(input.Role, "lambda.amazonaws.com")) {
        throw awsError(
          "InvalidParameterValueException",
          "The role defined for the function cannot be assumed by Lambda.",
        );
      }
      c.Role = input.Role;
    }
    if (input.Runtime !== undefined) c.Runtime = input.Runtime;
    if (input.Handler !== undefined) c.Handler = input.Handler;
    if (input.MemorySize !== undefined) c.MemorySize = input.MemorySize;
    if (input.Timeout !== undefined) c.Timeout = input.Timeout;
    if (input.Description !== undefined) c.Description = input.Description;
    if (input.Environment !== undefined) {
      if (Object.keys(input.Environment.Variables ?? {}).length > 0) {
        c.Environment = { Variables: { ...input.Environment.Variables } };
      } else delete c.Environment;
    }
    if (input.DeadLetterConfig !== undefined) {
      const target = input.DeadLetterConfig.TargetArn;
      if (target) {
        const service = target.split(":")[2] === "sns" ? "sns:Publish" : "sqs:SendMessage";
        if (
          !this.aws.iam.roleAllows(String(c.Role), "lambda.amazonaws.com", {
            action: service,
            resource: target,
          })
        ) {
          throw awsError(
            "InvalidParameterValueException",
            `The provided execution role does not have permissions to call ${service.split(":")[1]} on ${target.split(":")[2]?.toUpperCase()}`,
          );
        }
        c.DeadLetterConfig = { TargetArn: target };
      } else delete c.DeadLetterConfig;
    }
    c.MemorySize ??= 128;
    c.Timeout ??= 3;
  }
}

/** A function's name from its name or (possibly qualified) ARN. */
export function functionNameOf(nameOrArn: string): string {
  return nameOrArn.startsWith("arn:") ? (nameOrArn.split(":")[6] ?? "") : nameOrArn;
}

function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("base64");
}
