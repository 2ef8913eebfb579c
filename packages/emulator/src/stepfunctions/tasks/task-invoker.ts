/**
 * How the interpreter runs the work of Task states: the SFN service wires it to the emulated
 * Lambda and the other emulated services; tests use local functions. The interpreter shapes
 * everything Step Functions adds around a call (the `lambda:invoke` response, history events,
 * timeouts, callbacks); an invoker only does the call.
 */
export interface TaskInvoker {
  invoke(request: TaskRequest): Promise<TaskResult>;
}

export type TaskRequest = LambdaTaskRequest | ServiceTaskRequest;

interface TaskRequestBase {
  /** The state's `Resource`, as written. */
  readonly resource: string;
  readonly stateName: string;
  readonly executionArn: string;
  /** Set for `.waitForTaskToken` tasks: the token that `sendTaskSuccess` and friends will carry. */
  readonly taskToken?: string;
  /** Aborted when the task times out or the execution stops; the invoker should give up. */
  readonly signal: AbortSignal;
}

/** A Lambda function call: a function ARN resource, or `arn:aws:states:::lambda:invoke`. */
export interface LambdaTaskRequest extends TaskRequestBase {
  readonly kind: "lambda";
  /** The function's unqualified ARN (a bare name is placed in the state machine's region and account). */
  readonly functionArn: string;
  readonly functionName: string;
  /** A version or alias; none means `$LATEST`. */
  readonly qualifier?: string;
  /** The event the function receives (`{}` when the task sends no payload, as Lambda does). */
  readonly payload: unknown;
  /**
   * The payload as the JSON text Lambda receives: a `lambda:invoke` string `Payload` goes out
   * exactly as written (`0.0` stays `0.0`), anything else as `payload`'s JSON.
   */
  readonly payloadText: string;
  /** `lambda:invoke`'s `LogType`: `Tail` asks for the end of the function's log. */
  readonly logType?: string;
}

/** Any other integration (`arn:aws:states:::sqs:sendMessage`...): its parameters as given. */
export interface ServiceTaskRequest extends TaskRequestBase {
  readonly kind: "service";
  readonly parameters: unknown;
}

export type TaskResult = TaskSuccess | TaskFailure;

export interface TaskSuccess {
  readonly ok: true;
  /** The task's result: for Lambda, the function's response payload decoded from JSON. */
  readonly output: unknown;
  /**
   * For Lambda, the response payload as the function sent it. It sizes the result as AWS does
   * (the 256 KiB limit, `Content-Length`); without it the interpreter measures `output`'s JSON.
   */
  readonly body?: string;
  /** For Lambda: the version that ran (default `$LATEST`). */
  readonly executedVersion?: string;
  /** For Lambda with `LogType: Tail`: the base64 end of the function's log. */
  readonly logResult?: string;
}

/**
 * The task failed with a Step Functions error name (for a Lambda function error: its
 * `errorType`, with Lambda's error payload as the cause).
 */
export interface TaskFailure {
  readonly ok: false;
  readonly error: string;
  readonly cause?: string;
}
