import {
  type CloudWatchLogsClient,
  paginateFilterLogEvents,
} from "@aws-sdk/client-cloudwatch-logs";
import { CAPTURE_KEY } from "@domovoi/runtime/capture";

export interface LogGroupQuery {
  readonly logGroupName: string;
  /** Epoch milliseconds. */
  readonly startTime: number;
  readonly endTime: number | undefined;
}

/** The capture lines of a log group in a time range, every page of them. */
export async function logGroupMessages(
  client: CloudWatchLogsClient,
  query: LogGroupQuery,
): Promise<string[]> {
  const messages: string[] = [];
  const pages = paginateFilterLogEvents(
    { client },
    // A quoted term: only lines holding the capture key come back, from every stream.
    { ...query, filterPattern: `"${CAPTURE_KEY}"` },
  );
  for await (const page of pages) {
    for (const event of page.events ?? []) if (event.message) messages.push(event.message);
  }
  return messages;
}
