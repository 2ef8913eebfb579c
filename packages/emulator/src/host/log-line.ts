/** The levels of the Node.js runtime's console: `console.log` writes INFO. */
export const LOG_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One line of a function's CloudWatch log stream. */
export interface LogLine {
  /** The invocation it was written during; undefined while the module initialises. */
  readonly requestId: string | undefined;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  /** `function`: written by the handler's code; `platform`: START, END and REPORT. */
  readonly source: "function" | "platform";
  /** The console level, when written through `console`; undefined for raw writes. */
  readonly level: LogLevel | undefined;
  /** The line as CloudWatch shows it. */
  readonly text: string;
}

/**
 * A console line as the Node.js runtime writes it: timestamp, request id (`undefined` during
 * init), level and message, tab-separated, with newlines turned into carriage returns so that a
 * multi-line message stays one CloudWatch event.
 */
export function consoleLine(
  requestId: string | undefined,
  level: LogLevel,
  message: string,
  timestamp = Date.now(),
): LogLine {
  const text = `${new Date(timestamp).toISOString()}\t${requestId}\t${level}\t${message.replace(/\n/g, "\r")}`;
  return { requestId, timestamp, source: "function", level, text };
}

export function rawLine(
  requestId: string | undefined,
  text: string,
  timestamp = Date.now(),
): LogLine {
  return { requestId, timestamp, source: "function", level: undefined, text };
}

function platformLine(requestId: string, text: string): LogLine {
  return { requestId, timestamp: Date.now(), source: "platform", level: undefined, text };
}

export function startLine(requestId: string, version: string): LogLine {
  return platformLine(requestId, `START RequestId: ${requestId} Version: ${version}`);
}

export function endLine(requestId: string): LogLine {
  return platformLine(requestId, `END RequestId: ${requestId}`);
}

export interface ReportFields {
  readonly requestId: string;
  readonly durationMs: number;
  readonly memorySizeMb: number;
  readonly maxMemoryUsedMb: number;
  /** Present on the first invocation of an environment (a cold start). */
  readonly initDurationMs: number | undefined;
  /**
   * Set when Lambda itself ended the invocation: it timed out, or the runtime crashed (then with
   * the crash's `errorType`). An error the handler returned or threw leaves it unset.
   */
  readonly failure:
    | { readonly status: "timeout" }
    | { readonly status: "error"; readonly errorType: string }
    | undefined;
}

/** The REPORT line, in the format with `Status` that Lambda writes since 2024. */
export function reportLine(report: ReportFields): LogLine {
  const initMs = report.initDurationMs ?? 0;
  const fields = [
    `REPORT RequestId: ${report.requestId}`,
    `Duration: ${report.durationMs.toFixed(2)} ms`,
    // Since August 2025 the init phase of on-demand functions is billed with the invocation.
    `Billed Duration: ${Math.ceil(report.durationMs + initMs)} ms`,
    `Memory Size: ${report.memorySizeMb} MB`,
    `Max Memory Used: ${report.maxMemoryUsedMb} MB`,
  ];
  if (report.initDurationMs !== undefined) {
    fields.push(`Init Duration: ${report.initDurationMs.toFixed(2)} ms`);
  }
  if (report.failure) fields.push(`Status: ${report.failure.status}`);
  if (report.failure?.status === "error") fields.push(`Error Type: ${report.failure.errorType}`);
  return platformLine(report.requestId, fields.join("\t"));
}
