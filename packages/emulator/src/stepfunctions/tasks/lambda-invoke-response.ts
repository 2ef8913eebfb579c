import type { TaskSuccess } from "./task-invoker.js";

export interface InvokeResponseOptions {
  readonly result: TaskSuccess;
  /** The payload's byte length (its `Content-Length`). */
  readonly contentLength: number;
  readonly requestId: string;
  readonly traceId: string;
  readonly date: Date;
  /** `LogType: Tail` was asked for. */
  readonly tail: boolean;
}

/**
 * What `arn:aws:states:::lambda:invoke` returns: Lambda's `Invoke` response as Step Functions'
 * Java SDK serialises it, with the HTTP metadata and the decoded payload.
 */
export function lambdaInvokeResponse(options: InvokeResponseOptions): Record<string, unknown> {
  const { result, contentLength, requestId, traceId, date, tail } = options;
  const version = result.executedVersion ?? "$LATEST";
  const logResult = tail ? (result.logResult ?? "") : undefined;
  const headers: Record<string, string> = {
    Connection: "keep-alive",
    "Content-Length": String(contentLength),
    "Content-Type": "application/json",
    Date: date.toUTCString(),
    "X-Amz-Executed-Version": version,
    ...(logResult !== undefined && { "X-Amz-Log-Result": logResult }),
    "x-amzn-Remapped-Content-Length": "0",
    "x-amzn-RequestId": requestId,
    "X-Amzn-Trace-Id": traceId,
  };
  return {
    ExecutedVersion: version,
    ...(logResult !== undefined && { LogResult: logResult }),
    Payload: result.output,
    SdkHttpMetadata: {
      AllHttpHeaders: Object.fromEntries(
        Object.entries(headers).map(([name, value]) => [name, [value]]),
      ),
      HttpHeaders: headers,
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}
