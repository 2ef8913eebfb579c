import { DomovoiError } from "@domovoi/runtime";

/** A line of a recording that is not in the recording format. */
export class InvalidRecordingError extends DomovoiError {
  /** `file:line`, or another description of where the line came from. */
  readonly where: string;

  constructor(where: string, problem: string, options?: ErrorOptions) {
    super(`${where}: ${problem}`, options);
    this.where = where;
  }
}

/** A JSON path to ignore that is not in the supported syntax. */
export class InvalidJsonPathError extends DomovoiError {
  constructor(path: string, problem: string) {
    super(
      `Invalid JSON path ${JSON.stringify(path)}: ${problem}. Supported: $, .name, ['name'], [0], [*], .* and ..name.`,
    );
  }
}

/** Recording lines could not be written; the invocations themselves went on. */
export class RecordingWriteError extends DomovoiError {
  readonly file: string;
  /** How many lines were lost. */
  readonly lines: number;

  constructor(file: string, lines: number, cause: unknown) {
    super(
      `Could not record ${lines} invocation(s) in ${file}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.file = file;
    this.lines = lines;
  }
}

/** Invocations came faster than their lines could be written: the surplus is not recorded. */
export class RecordingQueueFullError extends DomovoiError {
  constructor(capacity: number) {
    super(
      `The recording queue is full (${capacity} lines waiting): invocations are not recorded until it drains.`,
    );
  }
}
