import { createRequire } from "node:module";
import { type JsonObject, stateMachineDefinition } from "@domovoi/runtime";
import { DeployValidationError } from "../errors.js";
import type { Project } from "./project.js";

interface AslResult {
  readonly isValid: boolean;
  errorsText(separator?: string): string;
}

// asl-validator is CommonJS without type declarations.
const validateAsl = createRequire(import.meta.url)("asl-validator") as (
  definition: JsonObject,
) => AslResult;

/** SQS caps a queue's visibility timeout at 12 hours. */
const MAX_VISIBILITY_TIMEOUT = 43_200;

/**
 * Checks the manifest and the stage's configuration together, with the rules AWS applies when
 * the resources are created, so that a deploy fails before its first call rather than midway.
 */
export function validateProject(project: Omit<Project, "names"> & Partial<Project>): void {
  const problems = [
    ...appNameProblems(project),
    ...queueProblems(project),
    ...configuredSourceProblems(project),
    ...stateMachineProblems(project),
  ];
  if (problems.length > 0) throw new DeployValidationError(problems);
}

function appNameProblems({ config, manifest }: Pick<Project, "config" | "manifest">): string[] {
  return config.appName === undefined || config.appName === manifest.app
    ? []
    : [
        `.domovoi/config.json names the app ${config.appName}, but the app's name is ${manifest.app}.`,
      ];
}

/**
 * Lambda refuses an SQS mapping whose queue's visibility timeout is shorter than the function's
 * timeout (AWS recommends six times it); Domovoi creates missing queues with six times it.
 */
function queueProblems({ config, manifest }: Pick<Project, "config" | "manifest">): string[] {
  const problems: string[] = [];
  for (const registration of manifest.registrations) {
    if (registration.kind !== "sqs") continue;
    const visibility = registration.options.queueAttributes?.VisibilityTimeout;
    if (visibility !== undefined && Number(visibility) < config.lambdaTimeout) {
      problems.push(
        `sqs ${registration.name}: the queue's VisibilityTimeout (${visibility} s) must be at least the function timeout (${config.lambdaTimeout} s); AWS recommends ${Math.min(6 * config.lambdaTimeout, MAX_VISIBILITY_TIMEOUT)} s.`,
      );
    }
  }
  return problems;
}

/** ALB and SES handlers attach to resources the stage's configuration must name. */
function configuredSourceProblems({ config, manifest }: Pick<Project, "config" | "manifest">) {
  const kinds = new Set(manifest.registrations.map((registration) => registration.kind));
  return [
    ...(kinds.has("alb") && config.albTargetGroupArn === undefined
      ? [
          "alb handlers need alb_target_group_arn in .domovoi/config.json: Domovoi registers the function in an existing target group and does not create load balancers.",
        ]
      : []),
    ...(kinds.has("ses") && config.sesRuleSetName === undefined
      ? [
          "email handlers need ses_rule_set_name in .domovoi/config.json: the receipt rule set their rules are added to.",
        ]
      : []),
  ];
}

function stateMachineProblems({ manifest }: Pick<Project, "manifest">): string[] {
  const placeholderArn = "arn:aws:lambda:us-east-1:123456789012:function:domovoi";
  return manifest.stateMachines.flatMap((machine) => {
    const result = validateAsl(structuredClone(stateMachineDefinition(machine, placeholderArn)));
    return result.isValid ? [] : [`state machine ${machine.name}: ${result.errorsText("; ")}`];
  });
}

/** The visibility timeout Domovoi gives the queues it creates: six times the function's. */
export function createdQueueVisibilityTimeout(lambdaTimeout: number): number {
  return Math.min(6 * lambdaTimeout, MAX_VISIBILITY_TIMEOUT);
}
