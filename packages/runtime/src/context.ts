import type { Context } from "aws-lambda";

/** The Lambda context, plus what Domovoi adds for handlers. */
export interface DomovoiContext extends Context {
  /**
   * Writes the values as one structured JSON line (time, request id, registration, message), so
   * that CloudWatch Logs Insights and the emulator can filter on them.
   */
  log(...values: unknown[]): void;
  /** The Task state being run when Step Functions invoked a task handler; undefined otherwise. */
  readonly stepFunctionsTaskName: string | undefined;
}

/** What every registered handler looks like. */
export type Handler<TEvent, TResult = unknown> = (
  event: TEvent,
  context: DomovoiContext,
) => Promise<TResult> | TResult;

/**
 * Extends the context Lambda passed without copying it: the prototype chain keeps its getters and
 * methods working, whatever object the runtime (or a test, or the emulator) used.
 */
export function handlerContext(
  lambdaContext: Context | undefined,
  registration: string,
  stepFunctionsTaskName?: string,
): DomovoiContext {
  const base = lambdaContext ?? ({} as Context);
  const extra = {
    log: (...values: unknown[]) =>
      writeLogLine({
        requestId: base.awsRequestId,
        registration,
        level: "INFO",
        message: values.length === 1 ? values[0] : values,
      }),
    stepFunctionsTaskName,
  };
  return Object.assign(Object.create(base) as Context, extra);
}

export interface LogLine {
  readonly requestId: string | undefined;
  readonly registration: string;
  readonly level: "INFO" | "ERROR";
  readonly message: unknown;
}

/** One JSON object per line, the shape `context.log` and the dispatcher's own reports share. */
export function writeLogLine(line: LogLine): void {
  const record = { timestamp: new Date().toISOString(), ...line };
  // stdout, not console.log: the Lambda runtime prefixes console output, which would break the
  // one-JSON-object-per-line shape.
  process.stdout.write(`${JSON.stringify(record, jsonSafe())}\n`);
}

/** A JSON.stringify replacer that never throws on values handlers commonly log. */
function jsonSafe() {
  const ancestors: unknown[] = [];
  return function (this: unknown, _key: string, value: unknown): unknown {
    if (typeof value === "bigint") return value.toString();
    if (value instanceof Error)
      return { name: value.name, message: value.message, stack: value.stack };
    if (typeof value !== "object" || value === null) return value;
    // `this` is the object holding `value`: drop the ancestors we have left behind.
    while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop();
    if (ancestors.includes(value)) return "[Circular]";
    ancestors.push(value);
    return value;
  };
}
