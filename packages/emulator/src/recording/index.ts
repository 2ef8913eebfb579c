export { type Difference, diffJson } from "./diff.js";
export {
  InvalidJsonPathError,
  InvalidRecordingError,
  RecordingQueueFullError,
  RecordingWriteError,
} from "./errors.js";
export {
  INVOCATION_TYPES,
  parseRecordingLine,
  RECORDING_FORMAT_VERSION,
  RECORDINGS_DIR,
  type RecordedError,
  type RecordedInvocationType,
  type RecordedOutcome,
  type RecordingEntry,
  toRecordingLine,
} from "./format.js";
export { formatReplayReport } from "./format-replay-report.js";
export { type InvocationFacts, invocationEntry } from "./invocation-entry.js";
export { compileJsonPath, IGNORED, type JsonPath, withoutPaths } from "./json-path.js";
export { normalizeVolatile, PLACEHOLDERS } from "./normalize.js";
export { failedOutcome, outcomeOf } from "./outcome.js";
export { readRecordings, type SourcedEntry } from "./read-recordings.js";
export {
  DEFAULT_MAX_QUEUED,
  type InvocationRecorder,
  RecordingWriter,
  type RecordingWriterOptions,
  recordingFile,
} from "./recording-writer.js";
export { reachedRegistrations } from "./registrations.js";
export {
  compareOutcomes,
  type ReplayedEntry,
  type ReplayInvoke,
  type ReplayOptions,
  type ReplayReport,
  type ReplayVerdict,
  replay,
} from "./replay.js";
export { replayOnHost } from "./replay-on-host.js";
