import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { DeployError } from "../errors.js";
import type { AwsClients } from "./clients.js";

/** Where a stage is deployed: the caller's account, the clients' region and their partition. */
export interface Target {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
}

export async function resolveTarget(clients: AwsClients): Promise<Target> {
  // Missing credentials or region surface here, before anything else is read.
  const [identity, region] = await Promise.all([
    clients.sts.send(new GetCallerIdentityCommand({})),
    clients.lambda.config.region(),
  ]).catch((error: unknown) => {
    throw new DeployError(
      `Could not identify the AWS account and region: ${(error as Error).message}`,
      { cause: error },
    );
  });
  const [, partition] = identity.Arn?.split(":") ?? [];
  if (!identity.Account || !partition) {
    throw new DeployError("STS GetCallerIdentity did not name the account.");
  }
  return { account: identity.Account, region, partition };
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>`, region and account as given. */
export function arnOf(
  target: Target,
  service: string,
  resource: string,
  { region = target.region, account = target.account } = {},
): string {
  return `arn:${target.partition}:${service}:${region}:${account}:${resource}`;
}

/** Global services (IAM) and S3 buckets leave region (and, for S3, account) empty. */
export const arns = {
  function: (t: Target, name: string) => arnOf(t, "lambda", `function:${name}`),
  role: (t: Target, path: string, name: string) =>
    arnOf(t, "iam", `role${path}${name}`, { region: "" }),
  topic: (t: Target, name: string) => arnOf(t, "sns", name),
  queue: (t: Target, name: string) => arnOf(t, "sqs", name),
  bucket: (t: Target, bucket: string) => `arn:${t.partition}:s3:::${bucket}`,
  logGroup: (t: Target, group: string) => arnOf(t, "logs", `log-group:${group}:*`),
  scheduleGroup: (t: Target, group: string) => arnOf(t, "scheduler", `schedule-group/${group}`),
  schedule: (t: Target, group: string, name: string) =>
    arnOf(t, "scheduler", `schedule/${group}/${name}`),
  rule: (t: Target, bus: string, name: string) =>
    arnOf(t, "events", bus === "default" ? `rule/${name}` : `rule/${bus}/${name}`),
  eventBus: (t: Target, bus: string) => arnOf(t, "events", `event-bus/${bus}`),
  stateMachine: (t: Target, name: string) => arnOf(t, "states", `stateMachine:${name}`),
  table: (t: Target, table: string) => arnOf(t, "dynamodb", `table/${table}`),
  kinesisStream: (t: Target, stream: string) => arnOf(t, "kinesis", `stream/${stream}`),
  receiptRule: (t: Target, ruleSet: string, rule: string) =>
    arnOf(t, "ses", `receipt-rule-set/${ruleSet}:receipt-rule/${rule}`),
} as const;

/** The name at the end of an SNS topic or SQS queue ARN. */
export function lastArnPart(arn: string): string {
  return arn.slice(arn.lastIndexOf(":") + 1);
}

/** An SQS queue's ARN from its URL (`https://sqs.<region>.<domain>/<account>/<name>`). */
export function queueArnFromUrl(target: Target, url: string): string {
  const [account, name] = new URL(url).pathname.split("/").filter(Boolean);
  const region = /sqs\.([a-z0-9-]+)\./.exec(new URL(url).host)?.[1] ?? target.region;
  return arnOf(target, "sqs", name ?? "", { region, account: account ?? target.account });
}
