import { RegistrationError } from "../errors.js";
import { describe } from "./checks.js";

/** An AWS resource given by name or ARN; `arn` is kept when given so tools can reach it. */
export interface ResourceReference {
  readonly name: string;
  readonly arn?: string;
}

interface ResourceRule {
  /** What the user is told the value is, e.g. "SQS queue name". */
  readonly what: string;
  readonly pattern: RegExp;
  readonly maxLength: number;
  /** The ARN's service, and how the name follows the resource part (`table/<name>`). */
  readonly service: string;
  readonly resourcePrefix: string;
}

export const SNS_TOPIC: ResourceRule = {
  what: "SNS topic name",
  pattern: /^[A-Za-z0-9_-]+(\.fifo)?$/,
  maxLength: 256,
  service: "sns",
  resourcePrefix: "",
};

export const SQS_QUEUE: ResourceRule = {
  what: "SQS queue name",
  pattern: /^[A-Za-z0-9_-]+(\.fifo)?$/,
  maxLength: 80,
  service: "sqs",
  resourcePrefix: "",
};

export const DYNAMODB_TABLE: ResourceRule = {
  what: "DynamoDB table name",
  pattern: /^[A-Za-z0-9_.-]{3,}$/,
  maxLength: 255,
  service: "dynamodb",
  resourcePrefix: "table/",
};

export const KINESIS_STREAM: ResourceRule = {
  what: "Kinesis stream name",
  pattern: /^[A-Za-z0-9_.-]+$/,
  maxLength: 128,
  service: "kinesis",
  resourcePrefix: "stream/",
};

const ARN = /^arn:aws[a-z-]*:([a-z0-9-]+):[a-z0-9-]*:(\d{12})?:(.+)$/;

/**
 * Reads a resource given by name or by ARN (`arn:aws:sqs:us-east-1:123456789012:my_queue`,
 * `arn:aws:dynamodb:...:table/Name[/stream/...]`) and checks the name against AWS's rules.
 */
export function resourceReference(value: unknown, rule: ResourceRule): ResourceReference {
  if (typeof value !== "string") {
    throw new RegistrationError(`Expected the ${rule.what} or its ARN, got ${describe(value)}.`);
  }
  const arn = ARN.exec(value);
  const name = arn ? nameInArn(arn[1], arn[3] ?? "", rule) : value;
  if (name === undefined || name.length > rule.maxLength || !rule.pattern.test(name)) {
    throw new RegistrationError(
      `${describe(value)} is not a valid ${rule.what} (${rule.pattern.source}, at most ${rule.maxLength} characters) or ${rule.service} ARN.`,
    );
  }
  return arn ? { name, arn: value } : { name };
}

function nameInArn(service: string | undefined, resource: string, rule: ResourceRule) {
  if (service !== rule.service || !resource.startsWith(rule.resourcePrefix)) return undefined;
  const rest = resource.slice(rule.resourcePrefix.length);
  // A table's stream ARN goes on after the name: `table/<name>/stream/<label>`.
  return rule.resourcePrefix === "" ? rest : rest.split("/")[0];
}
