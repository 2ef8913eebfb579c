import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseRecordingLine, type RecordingEntry } from "./format.js";

/** An entry and the line it was read from. */
export interface SourcedEntry {
  readonly entry: RecordingEntry;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
}

/**
 * The entries of a recording file, or of every `.jsonl` file of a folder in name order (which is
 * time order for the emulator's daily files), read line by line so that large recordings stream.
 * @throws InvalidRecordingError at the first line that is not in the recording format.
 */
export async function* readRecordings(path: string): AsyncGenerator<SourcedEntry> {
  for (const file of await recordingFiles(path)) yield* readRecordingFile(file);
}

async function recordingFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const names = await readdir(path);
  return names
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .map((name) => join(path, name));
}

async function* readRecordingFile(file: string): AsyncGenerator<SourcedEntry> {
  const lines = createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === "") continue;
    yield { entry: parseRecordingLine(text, `${file}:${line}`), file, line };
  }
}
