export function logGroupArn(region: string, account: string, name: string): string {
  return `arn:aws:logs:${region}:${account}:log-group:${name}`;
}

export function logStreamArn(
  region: string,
  account: string,
  group: string,
  stream: string,
): string {
  return `${logGroupArn(region, account, group)}:log-stream:${stream}`;
}

const GROUP_ARN = /^arn:aws[\w-]*:logs:[\w-]+:\d{12}:log-group:([^:]+)(?::\*)?$/;

/** `logGroupIdentifier` takes a log group's name or ARN (with or without the trailing `:*`). */
export function logGroupNameOf(identifier: string): string {
  return GROUP_ARN.exec(identifier)?.[1] ?? identifier;
}
