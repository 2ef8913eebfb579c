import { InvalidNameError } from "./errors.js";
import type { DomovoiManifest, RegistrationManifest, StateMachineManifest } from "./manifest.js";
import { shortHash } from "./short-hash.js";

/** The names of the AWS resources Domovoi creates for one registration, where it creates any. */
export interface RegistrationResourceNames {
  /** EventBridge Scheduler schedule (in the stage's schedule group). */
  readonly schedule?: string;
  /** EventBridge rule: event patterns, and S3 handlers delivered through EventBridge. */
  readonly rule?: string;
  /** SNS topic and SQS queue between a bucket and the function (S3 handlers via SNS or SQS). */
  readonly bridgeTopic?: string;
  readonly bridgeQueue?: string;
  readonly subscriptionFilter?: string;
  readonly receiptRule?: string;
}

export interface StateMachineResourceNames {
  readonly stateMachine: string;
  readonly role: string;
  /** State name to the function alias its task invokes. */
  readonly taskAliases: Readonly<Record<string, string>>;
}

export interface PhysicalNames {
  /** `<app>-<stage>`. */
  readonly functionName: string;
  readonly functionRole: string;
  readonly scheduleGroup: string;
  readonly schedulerRole: string;
  /** By registration name; registrations that own no resource have an empty entry. */
  readonly registrations: Readonly<Record<string, RegistrationResourceNames>>;
  readonly stateMachines: Readonly<Record<string, StateMachineResourceNames>>;
}

interface NameRule {
  readonly maxLength: number;
  /** Matches (globally) every character AWS does not allow. */
  readonly invalid: RegExp;
  /** SES rule names must start and end with a letter or digit. */
  readonly alphanumericEdges?: boolean;
}

// From each service's API reference (the Name parameter's length and pattern).
export const NAME_RULES = {
  functionName: { maxLength: 64, invalid: /[^A-Za-z0-9_-]/g },
  schedule: { maxLength: 64, invalid: /[^0-9A-Za-z_.-]/g },
  scheduleGroup: { maxLength: 64, invalid: /[^0-9A-Za-z_.-]/g },
  rule: { maxLength: 64, invalid: /[^0-9A-Za-z_.-]/g },
  topic: { maxLength: 256, invalid: /[^A-Za-z0-9_-]/g },
  queue: { maxLength: 80, invalid: /[^A-Za-z0-9_-]/g },
  subscriptionFilter: { maxLength: 512, invalid: /[:*]/g },
  receiptRule: { maxLength: 64, invalid: /[^A-Za-z0-9_.-]/g, alphanumericEdges: true },
  stateMachine: { maxLength: 80, invalid: /[^A-Za-z0-9_-]/g },
  role: { maxLength: 64, invalid: /[^\w+=,.@-]/g },
} as const satisfies Record<string, NameRule>;

const STAGE = /^[A-Za-z0-9_-]+$/;

/**
 * Every physical name Domovoi gives an AWS resource of the app in a stage: the emulator and the
 * deployer both call this, so they never disagree. Names are `<app>-<stage>-<registration>`;
 * where that breaks a service's length or character rules, the name is cut and ends with a hash
 * of the full name, which keeps it unique and stable.
 */
export function physicalNames(manifest: DomovoiManifest, stage: string): PhysicalNames {
  const functionName = functionNameOf(manifest.app, stage);
  const named = (rule: NameRule, ...parts: string[]) =>
    fitName([functionName, ...parts].join("-"), rule);
  return {
    functionName,
    functionRole: fitName(functionName, NAME_RULES.role),
    scheduleGroup: fitName(functionName, NAME_RULES.scheduleGroup),
    schedulerRole: named(NAME_RULES.role, "scheduler"),
    registrations: Object.fromEntries(
      manifest.registrations.map((registration) => [
        registration.name,
        registrationResources(registration, (rule) => named(rule, registration.name)),
      ]),
    ),
    stateMachines: Object.fromEntries(
      manifest.stateMachines.map((machine) => [
        machine.name,
        stateMachineResources(machine, (rule, ...parts) => named(rule, machine.name, ...parts)),
      ]),
    ),
  };
}

/** `<app>-<stage>`, which must be a valid function name as it is: it is what users see. */
export function functionNameOf(app: string, stage: string): string {
  if (!STAGE.test(stage)) {
    throw new InvalidNameError(
      `Stage ${JSON.stringify(stage)} must be letters, digits, '_' and '-' only.`,
    );
  }
  const name = `${app}-${stage}`;
  if (!isValidName(name, NAME_RULES.functionName)) {
    throw new InvalidNameError(
      `Function name ${JSON.stringify(name)} (<app>-<stage>) must be at most 64 letters, digits, '_' and '-'.`,
    );
  }
  return name;
}

/**
 * The function alias that a state machine's task invokes: letter-led (an all-digit qualifier
 * would be read as a version) and short, a hash of machine and state so that a state's alias
 * never changes while both names stay.
 */
export function taskAlias(stateMachine: string, stateName: string): string {
  return `dv-${shortHash(`${stateMachine}/${stateName}`).slice(0, 6)}`;
}

type Namer = (rule: NameRule, ...parts: string[]) => string;

function registrationResources(
  registration: RegistrationManifest,
  named: Namer,
): RegistrationResourceNames {
  switch (registration.kind) {
    case "schedule":
      return { schedule: named(NAME_RULES.schedule) };
    case "eventbridge":
      return { rule: named(NAME_RULES.rule) };
    case "logs":
      return { subscriptionFilter: named(NAME_RULES.subscriptionFilter) };
    case "ses":
      return { receiptRule: named(NAME_RULES.receiptRule) };
    case "s3":
      return s3Resources(registration.options.delivery, named);
    default:
      return {};
  }
}

function s3Resources(
  delivery: "direct" | "sns" | "sqs" | "sns-sqs" | "eventbridge",
  named: Namer,
): RegistrationResourceNames {
  return {
    ...(delivery === "eventbridge" && { rule: named(NAME_RULES.rule) }),
    ...(delivery.startsWith("sns") && { bridgeTopic: named(NAME_RULES.topic) }),
    ...(delivery.endsWith("sqs") && { bridgeQueue: named(NAME_RULES.queue) }),
  };
}

function stateMachineResources(
  machine: StateMachineManifest,
  named: Namer,
): StateMachineResourceNames {
  return {
    stateMachine: named(NAME_RULES.stateMachine),
    role: named(NAME_RULES.role, "sfn"),
    taskAliases: Object.fromEntries(machine.tasks.map((task) => [task.stateName, task.alias])),
  };
}

function isValidName(name: string, rule: NameRule): boolean {
  return (
    name.length > 0 &&
    name.length <= rule.maxLength &&
    // search() ignores the g flag's lastIndex, so the shared regular expression stays reusable.
    name.search(rule.invalid) === -1 &&
    (!rule.alphanumericEdges || /^[A-Za-z0-9](.*[A-Za-z0-9])?$/.test(name))
  );
}

/** The name itself when AWS accepts it, else a cut, cleaned form ending with its hash. */
export function fitName(name: string, rule: NameRule): string {
  if (isValidName(name, rule)) return name;
  const suffix = `-${shortHash(name)}`;
  return name.replace(rule.invalid, "-").slice(0, rule.maxLength - suffix.length) + suffix;
}
