export { VirtualClock } from "../clock/virtual-clock.js";
export type { LogLine } from "../host/log-line.js";
export type { RecordedOutcome, RecordingEntry } from "../recording/format.js";
export { normalizeVolatile } from "../recording/normalize.js";
export type { ReplayedEntry, ReplayOptions, ReplayReport } from "../recording/replay.js";
export type { LambdaHandler } from "./call-handler.js";
export type { TestInvocation, TestInvokeOptions } from "./in-process-function.js";
export { type TestableApp, UNREACHABLE_ENDPOINT } from "./load-test-app.js";
export { UnknownScheduleError } from "./schedule-driver.js";
export {
  createTestApp,
  type ScheduledInvocation,
  TestApp,
  type TestAppOptions,
} from "./test-app.js";
