import type { Check } from "./params.js";

/** A check that a name matches AWS's naming rule, with the rule spelt out when it does not. */
function nameRule(pattern: RegExp, rule: string, extra?: Check<string>): Check<string> {
  return (value) =>
    pattern.test(value) ? extra?.(value) : `${JSON.stringify(value)} is not ${rule}`;
}

function fifoName(maxLength: number, what: string): Check<string> {
  return nameRule(
    new RegExp(`^(?=.{1,${maxLength}}$)[A-Za-z0-9_-]+(\\.fifo)?$`),
    `a valid ${what} name (1 to ${maxLength} letters, digits, hyphens or underscores, ending in .fifo for FIFO)`,
  );
}

export const checkQueueName = fifoName(80, "SQS queue");
export const checkTopicName = fifoName(256, "SNS topic");

export const checkBucketName = nameRule(
  /^(?=.{3,63}$)[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
  "a valid S3 bucket name (3 to 63 lower-case letters, digits, dots or hyphens, starting and ending with a letter or digit)",
  (value) =>
    value.includes("..") || /^\d+\.\d+\.\d+\.\d+$/.test(value)
      ? `${JSON.stringify(value)} is not a valid S3 bucket name (no consecutive dots, not an IP address)`
      : undefined,
);

export const checkTableName = nameRule(
  /^[A-Za-z0-9_.-]{3,255}$/,
  "a valid DynamoDB table name (3 to 255 letters, digits, underscores, hyphens or dots)",
);

export const checkStreamName = nameRule(
  /^[A-Za-z0-9_.-]{1,128}$/,
  "a valid Kinesis stream name (1 to 128 letters, digits, underscores, hyphens or dots)",
);

export const checkLogGroupName = nameRule(
  /^[A-Za-z0-9_./#-]{1,512}$/,
  "a valid log group name (1 to 512 letters, digits or the characters _ - / . #)",
);

export const checkLogStreamName = nameRule(
  /^[^:*]{1,512}$/,
  "a valid log stream name (1 to 512 characters, without : or *)",
);

export const checkTargetGroupName = nameRule(
  /^(?=.{1,32}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/,
  "a valid target group name (1 to 32 letters, digits or hyphens, not starting or ending with a hyphen)",
);

export const checkFunctionName = nameRule(
  /^[A-Za-z0-9_-]{1,64}$/,
  "a valid Lambda function name (1 to 64 letters, digits, hyphens or underscores)",
);

export const checkRuleName = nameRule(
  /^[A-Za-z0-9_.-]{1,64}$/,
  "a valid EventBridge rule name (1 to 64 letters, digits, underscores, hyphens or dots)",
);

export const checkScheduleName = nameRule(
  /^[A-Za-z0-9_.-]{1,64}$/,
  "a valid EventBridge Scheduler name (1 to 64 letters, digits, underscores, hyphens or dots)",
);

/** Message attribute names of SQS and SNS share one rule. */
export const checkAttributeName = nameRule(
  /^(?=.{1,256}$)(?!\.)(?!.*\.\.)(?!(?:aws|amazon)\.)[A-Za-z0-9_.-]*[A-Za-z0-9_-]$/i,
  "a valid message attribute name (1 to 256 letters, digits, _ - or dots; no leading, trailing or double dot; not starting with AWS. or Amazon.)",
);

/** A mailbox address, possibly with a display name: `Jane Doe <jane@example.com>`. */
export const checkMailbox = nameRule(
  /^(?:[^<>]*<[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+)$/,
  "an e-mail address such as jane@example.com or Jane Doe <jane@example.com>",
);

/** The bare address of a mailbox written with or without a display name. */
export function mailboxAddress(mailbox: string): string {
  return /<([^<>]+)>$/.exec(mailbox)?.[1] ?? mailbox;
}
