import { AsyncLocalStorage } from "node:async_hooks";
import { format } from "node:util";
import { consoleLine, type LogLevel, type LogLine, rawLine } from "../host/log-line.js";

type StreamName = "stdout" | "stderr";
type Write = typeof process.stdout.write;

/**
 * The lines of one invocation (or of the module's initialisation), written as the Node.js
 * runtime writes them: `console.*` as `<time>\t<request id>\t<LEVEL>\t<message>`, raw stream
 * writes one line per newline.
 */
export class CapturedLog {
  readonly lines: LogLine[] = [];
  readonly #pending: Record<StreamName, string> = { stdout: "", stderr: "" };

  constructor(
    readonly requestId: string | undefined,
    readonly onLine: (line: LogLine) => void,
  ) {}

  console(level: LogLevel, message: string): void {
    this.add(consoleLine(this.requestId, level, message));
  }

  write(stream: StreamName, text: string): void {
    const lines = (this.#pending[stream] + text).split("\n");
    this.#pending[stream] = lines.pop() ?? "";
    for (const line of lines) this.add(rawLine(this.requestId, line));
  }

  /** Emits what was written without a final newline. */
  flush(): void {
    for (const stream of ["stdout", "stderr"] as const) {
      if (this.#pending[stream]) this.add(rawLine(this.requestId, this.#pending[stream]));
      this.#pending[stream] = "";
    }
  }

  add(line: LogLine): void {
    this.lines.push(line);
    this.onLine(line);
  }
}

const LEVELS: readonly [keyof Console, LogLevel][] = [
  ["trace", "TRACE"],
  ["debug", "DEBUG"],
  ["info", "INFO"],
  ["log", "INFO"],
  ["warn", "WARN"],
  ["error", "ERROR"],
];

/**
 * Captures the app's output in this process. Console and streams are one per process, so the
 * patch is installed once for all users; `AsyncLocalStorage` tells which invocation wrote a
 * line, even among concurrent ones. Output written outside any invocation (by the test itself)
 * passes through untouched.
 */
class LogCapture {
  readonly #current = new AsyncLocalStorage<CapturedLog>();
  #users = 0;
  #uninstall: (() => void) | undefined;

  /** Starts capturing; call the returned function to stop. */
  acquire(): () => void {
    if (this.#users++ === 0) this.#uninstall = this.#install();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.#users === 0) this.#uninstall?.();
    };
  }

  /** Runs `work` with everything it writes going to `log`. */
  run<T>(log: CapturedLog, work: () => T): T {
    return this.#current.run(log, work);
  }

  #install(): () => void {
    const originals = LEVELS.map(([method]) => [method, console[method]] as const);
    for (const [method, level] of LEVELS) {
      const original = console[method] as (...values: unknown[]) => void;
      (console[method] as unknown) = (...values: unknown[]) => {
        const log = this.#current.getStore();
        if (log) log.console(level, format(...values));
        else original.apply(console, values);
      };
    }
    const restoreStdout = this.#captureStream("stdout");
    const restoreStderr = this.#captureStream("stderr");
    return () => {
      for (const [method, original] of originals) (console[method] as unknown) = original;
      restoreStdout();
      restoreStderr();
    };
  }

  #captureStream(name: StreamName): () => void {
    const stream = process[name];
    const original = stream.write;
    const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
      const log = this.#current.getStore();
      if (!log)
        return (original as (...args: unknown[]) => boolean).call(
          stream,
          chunk,
          encoding,
          callback,
        );
      log.write(
        name,
        typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString(),
      );
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") queueMicrotask(() => done());
      return true;
    };
    stream.write = write as Write;
    return () => {
      stream.write = original;
    };
  }
}

export const logCapture = new LogCapture();
