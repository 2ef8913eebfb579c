import { appendFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { RecordingQueueFullError, RecordingWriteError } from "./errors.js";
import { RECORDINGS_DIR, type RecordingEntry, toRecordingLine } from "./format.js";

/** Where invocations are recorded; recording must never delay or fail an invocation. */
export interface InvocationRecorder {
  record(entry: RecordingEntry): void;
}

/** Lines waiting to be written before new ones are dropped. */
export const DEFAULT_MAX_QUEUED = 1000;

export interface RecordingWriterOptions {
  /** The project folder; lines go to `.domovoi/recordings/<YYYY-MM-DD>.jsonl` in it. */
  readonly projectDir: string;
  readonly maxQueued?: number;
  /** Told of lost lines (a failed write, a full queue). Default: a process warning. */
  readonly onError?: (error: RecordingWriteError | RecordingQueueFullError) => void;
}

/** The recording file of an entry: one per UTC day. */
export function recordingFile(projectDir: string, time: string): string {
  return join(projectDir, RECORDINGS_DIR, `${time.slice(0, 10)}.jsonl`);
}

/**
 * Appends recording lines in the background: `record` only queues the entry, and one write at a
 * time appends everything queued since the last. The queue is bounded, so a stuck disk costs
 * recordings, not memory; every loss is reported once per occurrence.
 */
export class RecordingWriter implements InvocationRecorder {
  readonly #projectDir: string;
  readonly #maxQueued: number;
  readonly #onError: NonNullable<RecordingWriterOptions["onError"]>;
  #queue: RecordingEntry[] = [];
  #writing: Promise<void> | undefined;
  #overflowing = false;
  readonly #folders = new Set<string>();

  constructor({ projectDir, maxQueued = DEFAULT_MAX_QUEUED, onError }: RecordingWriterOptions) {
    this.#projectDir = projectDir;
    this.#maxQueued = maxQueued;
    this.#onError = onError ?? ((error) => process.emitWarning(error));
  }

  record(entry: RecordingEntry): void {
    if (this.#queue.length >= this.#maxQueued) {
      if (!this.#overflowing) this.#onError(new RecordingQueueFullError(this.#maxQueued));
      this.#overflowing = true;
      return;
    }
    this.#queue.push(entry);
    this.#writing ??= this.#drain();
  }

  /** Resolves once every line recorded so far has been written (or reported lost). */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue;
      this.#queue = [];
      this.#overflowing = false;
      await this.#write(batch);
    }
    this.#writing = undefined;
  }

  async #write(batch: readonly RecordingEntry[]): Promise<void> {
    const byFile = new Map<string, string[]>();
    for (const entry of batch) {
      const file = recordingFile(this.#projectDir, entry.time);
      const lines = byFile.get(file) ?? [];
      lines.push(`${toRecordingLine(entry)}\n`);
      byFile.set(file, lines);
    }
    for (const [file, lines] of byFile) {
      try {
        await this.#ensureFolder(dirname(file));
        await appendFile(file, lines.join(""));
      } catch (error) {
        this.#onError(new RecordingWriteError(file, lines.length, error));
      }
    }
  }

  async #ensureFolder(folder: string): Promise<void> {
    if (this.#folders.has(folder)) return;
    await mkdir(folder, { recursive: true });
    this.#folders.add(folder);
  }
}
