import { format, TextDecoder } from "node:util";
import { consoleLine, type LogLevel, type LogLine, rawLine } from "../log-line.js";
import { intoError, toFormatted } from "./error-format.js";

type Write = typeof process.stdout.write;

/**
 * Captures what the app writes, as the Node.js runtime does in Lambda: `console.*` becomes
 * `<time>\t<request id>\t<LEVEL>\t<message>` lines, and raw `process.stdout` / `stderr` writes
 * become one line per newline, unprefixed. Each line is tagged with the current request id (the
 * last invocation's, like the runtime's, until the next one starts).
 */
export class ConsoleCapture {
  requestId: string | undefined;
  readonly #emit: (line: LogLine) => void;
  readonly #pending = new Map<NodeJS.WriteStream, { text: string; decoder: TextDecoder }>();

  constructor(emit: (line: LogLine) => void) {
    this.#emit = emit;
  }

  install(): void {
    const level =
      (name: LogLevel) =>
      (message?: unknown, ...params: unknown[]) =>
        this.#emit(consoleLine(this.requestId, name, format(message, ...params)));
    console.trace = level("TRACE");
    console.debug = level("DEBUG");
    console.info = level("INFO");
    console.log = console.info;
    console.warn = level("WARN");
    console.error = level("ERROR");
    (console as Console & { fatal?: unknown }).fatal = level("FATAL");
    this.#capture(process.stdout);
    this.#capture(process.stderr);
  }

  /** Logs an error as the runtime does before reporting it (`Invoke Error`, ...). */
  logError(message: string, error: unknown): void {
    console.error(message, toFormatted(intoError(error)));
  }

  /** Emits the unterminated rest of raw writes, at the end of an invocation. */
  flush(): void {
    for (const pending of this.#pending.values()) {
      if (pending.text) this.#emit(rawLine(this.requestId, pending.text));
      pending.text = "";
    }
  }

  #capture(stream: NodeJS.WriteStream): void {
    const pending = { text: "", decoder: new TextDecoder() };
    this.#pending.set(stream, pending);
    const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
      const done = typeof encoding === "function" ? encoding : callback;
      pending.text +=
        typeof chunk === "string"
          ? chunk
          : pending.decoder.decode(chunk as Uint8Array, { stream: true });
      const lines = pending.text.split("\n");
      pending.text = lines.pop() ?? "";
      for (const line of lines) this.#emit(rawLine(this.requestId, line));
      if (typeof done === "function") queueMicrotask(() => done());
      return true;
    };
    stream.write = write as Write;
  }
}
