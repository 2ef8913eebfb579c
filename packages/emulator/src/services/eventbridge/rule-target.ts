import { lambdaFunctionOf, parseArn } from "./arns.js";
import { invalidArn, oneInputKind } from "./eventbridge-errors.js";
import {
  compileInputPath,
  compileInputTransformer,
  type InputRenderer,
} from "./input-transformer.js";
import {
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  type TargetDefinition,
} from "./target-definition.js";

/** Where a target's events go: the kinds of target the emulator delivers to. */
export type TargetDestination =
  | {
      readonly kind: "lambda";
      readonly functionName: string;
      readonly qualifier: string | undefined;
    }
  | { readonly kind: "sqs" | "sns"; readonly arn: string };

export const DELIVERED_SERVICES = ["lambda", "sqs", "sns"] as const;

/** A target, checked and compiled once when it is put. */
export interface RuleTarget {
  readonly definition: TargetDefinition;
  readonly destination: TargetDestination;
  readonly render: InputRenderer;
  readonly retryPolicy: Required<RetryPolicy>;
}

/**
 * Checks a target as PutTargets does and compiles its input. Returns undefined for an ARN of a
 * service the emulator does not deliver to, which PutTargets reports as a failed entry.
 */
export function compileTarget(definition: TargetDefinition): RuleTarget | undefined {
  const destination = destinationOf(definition.arn);
  const { deadLetterArn } = definition;
  if (deadLetterArn !== undefined && parseArn(deadLetterArn)?.service !== "sqs") {
    throw invalidArn(deadLetterArn);
  }
  const render = rendererOf(definition);
  const {
    maximumRetryAttempts = DEFAULT_RETRY_POLICY.maximumRetryAttempts,
    maximumEventAgeInSeconds = DEFAULT_RETRY_POLICY.maximumEventAgeInSeconds,
  } = definition.retryPolicy ?? {};
  return (
    destination && {
      definition,
      destination,
      render,
      retryPolicy: { maximumRetryAttempts, maximumEventAgeInSeconds },
    }
  );
}

function destinationOf(arn: string): TargetDestination | undefined {
  const parsed = parseArn(arn);
  if (!parsed) throw invalidArn(arn);
  switch (parsed.service) {
    case "lambda": {
      const target = lambdaFunctionOf(parsed);
      if (!target) throw invalidArn(arn);
      return { kind: "lambda", functionName: target.name, qualifier: target.qualifier };
    }
    case "sqs":
    case "sns":
      return { kind: parsed.service, arn };
    default:
      return undefined;
  }
}

function rendererOf(definition: TargetDefinition): InputRenderer {
  const { id, input, inputPath, inputTransformer } = definition;
  const given = [input, inputPath, inputTransformer].filter((kind) => kind !== undefined);
  if (given.length > 1) throw oneInputKind(id);
  if (input !== undefined) return () => input;
  if (inputPath !== undefined) return compileInputPath(id, inputPath);
  if (inputTransformer !== undefined) {
    return compileInputTransformer(
      id,
      inputTransformer.inputPathsMap,
      inputTransformer.inputTemplate,
    );
  }
  return ({ event }) => JSON.stringify(event);
}
