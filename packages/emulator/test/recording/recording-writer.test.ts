import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  parseRecordingLine,
  type RecordingEntry,
  RecordingQueueFullError,
  RecordingWriteError,
  RecordingWriter,
} from "../../src/recording/index.js";

const entry = (time: string, n: number): RecordingEntry => ({
  v: 1,
  time,
  trigger: "test",
  invocationType: "RequestResponse",
  registrations: [],
  event: { n },
  outcome: { status: "success", result: n },
});

describe("RecordingWriter", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "domovoi-recordings-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function readLines(name: string): Promise<RecordingEntry[]> {
    const text = await readFile(join(dir, ".domovoi/recordings", name), "utf8");
    return text
      .split("\n")
      .filter(Boolean)
      .map((line, index) => parseRecordingLine(line, `${name}:${index + 1}`));
  }

  it("appends one line per entry to the file of its UTC day, in order", async () => {
    const writer = new RecordingWriter({ projectDir: dir });
    writer.record(entry("2024-03-01T23:59:59.999Z", 1));
    writer.record(entry("2024-03-02T00:00:00.000Z", 2));
    writer.record(entry("2024-03-01T12:00:00.000Z", 3));
    await writer.flush();
    writer.record(entry("2024-03-01T13:00:00.000Z", 4));
    await writer.flush();
    expect(await readdir(join(dir, ".domovoi/recordings"))).toEqual([
      "2024-03-01.jsonl",
      "2024-03-02.jsonl",
    ]);
    expect((await readLines("2024-03-01.jsonl")).map((line) => line.event)).toEqual([
      { n: 1 },
      { n: 3 },
      { n: 4 },
    ]);
    expect((await readLines("2024-03-02.jsonl")).map((line) => line.event)).toEqual([{ n: 2 }]);
  });

  it("drops what overflows its queue and reports it once", async () => {
    const errors: Error[] = [];
    const writer = new RecordingWriter({
      projectDir: dir,
      maxQueued: 2,
      onError: (error) => errors.push(error),
    });
    for (let n = 1; n <= 5; n++) writer.record(entry("2024-03-01T00:00:00.000Z", n));
    await writer.flush();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(RecordingQueueFullError);
    // The first line is being written, out of the queue, when the next two fill it.
    expect((await readLines("2024-03-01.jsonl")).map((line) => line.event)).toEqual([
      { n: 1 },
      { n: 2 },
      { n: 3 },
    ]);
  });

  it("reports a failed write and goes on", async () => {
    const blocked = join(dir, "blocked");
    await writeFile(blocked, "a file where the project folder should be");
    const errors: Error[] = [];
    const writer = new RecordingWriter({
      projectDir: blocked,
      onError: (error) => errors.push(error),
    });
    expect(() => writer.record(entry("2024-03-01T00:00:00.000Z", 1))).not.toThrow();
    await writer.flush();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(RecordingWriteError);
    expect(errors[0]).toMatchObject({
      lines: 1,
      file: join(blocked, ".domovoi/recordings/2024-03-01.jsonl"),
    });
  });
});
