import { randomUUID } from "node:crypto";
import type { DomovoiManifest, JsonValue } from "@domovoi/runtime";
import {
  FUNCTION_VERSION,
  type FunctionIdentity,
  functionArn,
  type LambdaError,
  type LogLine,
  logGroupName,
  timeoutError,
} from "../host/index.js";
import { endLine, reportLine, startLine } from "../host/log-line.js";
import { formatError, intoError, toFormatted } from "../host/worker/error-format.js";
import type { RecordedOutcome } from "../recording/format.js";
import { invalidPayloadJson } from "../services/lambda/lambda-errors.js";
import { checkQualifier } from "../services/lambda/qualifiers.js";
import { callHandler, type LambdaHandler } from "./call-handler.js";
import { CapturedLog, logCapture } from "./log-capture.js";

/** One invocation of the app in the test's process. */
export interface TestInvocation {
  readonly requestId: string;
  /** The event as the handler received it (through JSON, as Lambda delivers it). */
  readonly event: JsonValue;
  readonly qualifier: string | undefined;
  readonly status: "success" | "error" | "timeout";
  /** The response, as JSON would carry it; undefined when the invocation failed. */
  readonly result: JsonValue | undefined;
  /** Lambda's error document when it failed. */
  readonly error: LambdaError | undefined;
  /** START, the handler's lines, END and REPORT. */
  readonly logs: readonly LogLine[];
  readonly durationMs: number;
}

export interface TestInvokeOptions {
  /** `$LATEST` or a Step Functions task alias (see `TestApp.names`). */
  readonly qualifier?: string;
  /** The handler's `context.clientContext`. */
  readonly clientContext?: unknown;
}

export interface InProcessFunctionSettings {
  readonly handler: LambdaHandler;
  readonly manifest: DomovoiManifest;
  readonly identity: FunctionIdentity;
  readonly timeoutSeconds: number;
  readonly logStreamName: string;
  /** Receives every line, as it is written. */
  readonly onLog: (line: LogLine) => void;
}

type Settled =
  | { readonly status: "success"; readonly result: JsonValue }
  | { readonly status: "error" | "timeout"; readonly error: LambdaError };

/**
 * Runs the app's handler in this process with what Lambda gives it: the event through JSON, a
 * context (request id, qualified ARN, remaining time), captured logs and the stage's timeout.
 * Unlike the emulator's execution environments, nothing isolates the code: a timed-out handler
 * is reported as Lambda reports it but keeps running in the background.
 */
export class InProcessFunction {
  readonly #settings: InProcessFunctionSettings;

  constructor(settings: InProcessFunctionSettings) {
    this.#settings = settings;
  }

  get identity(): FunctionIdentity {
    return this.#settings.identity;
  }

  /** @throws ResourceNotFoundException for a qualifier the app has no alias for. */
  async invoke(event: unknown, options: TestInvokeOptions = {}): Promise<TestInvocation> {
    const { identity, manifest, timeoutSeconds } = this.#settings;
    const qualifier = checkQualifier(manifest, functionArn(identity), options.qualifier);
    const requestId = randomUUID();
    const delivered = throughJson(event);
    const log = new CapturedLog(requestId, this.#settings.onLog);
    log.add(startLine(requestId, FUNCTION_VERSION));
    const started = performance.now();
    const deadline = Date.now() + timeoutSeconds * 1000;
    const context = this.#context(requestId, qualifier, deadline, options.clientContext);
    const settled = await logCapture.run(log, () =>
      this.#run(delivered, context, requestId, deadline, log),
    );
    const durationMs = performance.now() - started;
    log.flush();
    log.add(endLine(requestId));
    log.add(this.#report(requestId, durationMs, settled));
    return {
      requestId,
      event: delivered,
      qualifier,
      status: settled.status,
      result: settled.status === "success" ? settled.result : undefined,
      error: settled.status === "success" ? undefined : settled.error,
      logs: log.lines,
      durationMs,
    };
  }

  async #run(
    event: JsonValue,
    context: Record<string, unknown>,
    requestId: string,
    deadline: number,
    log: CapturedLog,
  ): Promise<Settled> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<Settled>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            status: "timeout",
            error: timeoutError(requestId, this.#settings.timeoutSeconds),
          }),
        deadline - Date.now(),
      );
    });
    const handled = callHandler(this.#settings.handler, event, context).then(serialize, (error) => {
      log.console("ERROR", `Invoke Error ${toFormatted(intoError(error))}`);
      return { status: "error", error: formatError(error) } as const;
    });
    try {
      return await Promise.race([handled, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  #context(
    requestId: string,
    qualifier: string | undefined,
    deadline: number,
    clientContext: unknown,
  ): Record<string, unknown> {
    const { identity } = this.#settings;
    return {
      callbackWaitsForEmptyEventLoop: true,
      functionName: identity.functionName,
      functionVersion: FUNCTION_VERSION,
      invokedFunctionArn: functionArn(identity, qualifier),
      memoryLimitInMB: String(identity.memorySizeMb),
      awsRequestId: requestId,
      logGroupName: logGroupName(identity.functionName),
      logStreamName: this.#settings.logStreamName,
      clientContext,
      identity: undefined,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
  }

  #report(requestId: string, durationMs: number, settled: Settled): LogLine {
    return reportLine({
      requestId,
      durationMs,
      memorySizeMb: this.#settings.identity.memorySizeMb,
      maxMemoryUsedMb: Math.ceil(process.memoryUsage().heapUsed / 2 ** 20),
      initDurationMs: undefined,
      failure: settled.status === "timeout" ? { status: "timeout" } : undefined,
    });
  }
}

/**
 * The event as Lambda delivers it, through JSON.
 * @throws InvalidRequestContentException for what JSON cannot carry, as Invoke refuses it.
 */
function throughJson(event: unknown): JsonValue {
  let text: string | undefined;
  try {
    text = JSON.stringify(event ?? {});
  } catch (error) {
    throw invalidPayloadJson((error as Error).message);
  }
  if (text === undefined) throw invalidPayloadJson(`a ${typeof event} is not JSON`);
  return JSON.parse(text) as JsonValue;
}

/** The response body the runtime posts: JSON, with `undefined` sent as null. */
function serialize(result: unknown): Settled {
  try {
    return {
      status: "success",
      result: JSON.parse(JSON.stringify(result ?? null) ?? "null") as JsonValue,
    };
  } catch {
    return { status: "error", error: formatError(new Error("Unable to stringify response body")) };
  }
}

/** A test invocation in the recording format, for replays. */
export function testOutcome(invocation: TestInvocation): RecordedOutcome {
  return invocation.status === "success"
    ? { status: "success", result: invocation.result ?? null }
    : { status: invocation.status, error: invocation.error! };
}
