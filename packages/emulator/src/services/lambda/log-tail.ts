import type { LogLine } from "../../host/index.js";

/** `LogType: Tail` returns the last 4 KB of the invocation's log. */
export const LOG_TAIL_BYTES = 4096;

/** `X-Amz-Log-Result`: base64 of the last 4 KB of the lines, each ending in a newline. */
export function logTail(lines: readonly LogLine[]): string {
  const log = Buffer.from(lines.map((line) => `${line.text}\n`).join(""));
  return log.subarray(Math.max(0, log.length - LOG_TAIL_BYTES)).toString("base64");
}
