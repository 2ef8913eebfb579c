import { invalidParameter, invalidParameterReason } from "./sns-errors.js";

/** The parts of an ARN that SNS looks at; the resource keeps any further colons. */
export interface ArnParts {
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const QUEUE_ARN = /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:([A-Za-z0-9_-]{1,80}(?:\.fifo)?)$/;
const FUNCTION_ARN =
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]{1,64})(?::([A-Za-z0-9$_-]{1,128}))?$/;

/** Splits an ARN parameter as SNS does, refusing one of fewer than six elements. */
export function splitArn(value: string, param: string): ArnParts {
  const parts = value.split(":");
  if (parts.length < 6) {
    throw invalidParameterReason(
      param,
      `An ARN must have at least 6 elements, not ${parts.length}`,
    );
  }
  return {
    service: parts[2] ?? "",
    region: parts[3] ?? "",
    account: parts[4] ?? "",
    resource: parts.slice(5).join(":"),
  };
}

export function topicArnOf(region: string, account: string, name: string): string {
  return `arn:aws:sns:${region}:${account}:${name}`;
}

/** Checks that a parameter names an SNS topic of the caller's region (SNS refuses other regions). */
export function checkTopicArn(value: string, region: string, param = "TopicArn"): string {
  const parts = splitArn(value, param);
  if (parts.service !== "sns" || parts.region !== region) throw invalidParameter(param);
  return value;
}

/** The topic ARN of a subscription ARN (`<topic ARN>:<subscription id>`). */
export function topicOfSubscription(value: string, region: string): string {
  const parts = splitArn(value, "SubscriptionArn");
  if (parts.service !== "sns" || parts.region !== region) throw invalidParameter("SubscriptionArn");
  const separator = value.lastIndexOf(":");
  const id = value.slice(separator + 1);
  if (!parts.resource.includes(":") || !UUID.test(id)) throw invalidParameter("SubscriptionId");
  return value.slice(0, separator);
}

/** The name of the queue an SQS endpoint ARN names, or undefined when it is no queue ARN. */
export function queueNameOf(arn: string): string | undefined {
  return QUEUE_ARN.exec(arn)?.[1];
}

/** The function and qualifier a Lambda endpoint ARN names, or undefined when it is none. */
export function functionOf(arn: string): { name: string; qualifier?: string } | undefined {
  const match = FUNCTION_ARN.exec(arn);
  if (!match) return undefined;
  const [, name = "", qualifier] = match;
  return qualifier === undefined ? { name } : { name, qualifier };
}
