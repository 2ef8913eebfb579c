/*
 * ARNs read `arn:<partition>:<service>:<region>:<account>:<resource>`, and the resource may itself
 * contain `:` and `/`. Test events often carry placeholders (`eventsource_arn`, `stream-ARN`,
 * `arn:aws:kinesis:EXAMPLE`); the helpers answer `null` for those rather than guess a name.
 */

/** The text after the last `:`, which is how SQS queue and SNS topic ARNs end: in the name. */
export function lastArnSegment(arn: string): string | null {
  if (!arn.startsWith("arn:")) return null;
  const name = arn.slice(arn.lastIndexOf(":") + 1);
  return name === "" ? null : name;
}

/** The resource part of a full ARN split on `/`, e.g. `["table", "Orders", "stream", "…"]`. */
export function arnResourcePath(arn: string): readonly string[] | null {
  if (!arn.startsWith("arn:")) return null;
  return afterNthColon(arn, 5)?.split("/") ?? null;
}

/**
 * The text after the `n`-th `:`, or null when there are fewer. ARNs are read on every invocation,
 * and their resource parts may hold many more colons (a stream label is a timestamp), so this
 * finds the one wanted instead of splitting the whole ARN.
 */
export function afterNthColon(text: string, n: number): string | null {
  let offset = 0;
  for (let colon = 0; colon < n; colon++) {
    offset = text.indexOf(":", offset) + 1;
    if (offset === 0) return null;
  }
  return text.slice(offset);
}

/** The name in a `<type>/<name>[/…]` resource: a table, stream or target group name. */
export function arnResourceName(arn: string, type: string): string | null {
  const path = arnResourcePath(arn);
  const name = path?.[0] === type ? path[1] : undefined;
  return name ? name : null;
}
