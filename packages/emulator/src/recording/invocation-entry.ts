import type { DomovoiManifest, JsonValue } from "@domovoi/runtime";
import type { InvocationResult } from "../host/index.js";
import {
  RECORDING_FORMAT_VERSION,
  type RecordedInvocationType,
  type RecordingEntry,
} from "./format.js";
import { outcomeOf } from "./outcome.js";
import { reachedRegistrations } from "./registrations.js";

/** What the emulator knows of one finished invocation (one attempt of an asynchronous one). */
export interface InvocationFacts {
  /** When it started, by the emulator's clock (epoch milliseconds). */
  readonly time: number;
  readonly functionName: string;
  readonly qualifier: string | undefined;
  readonly invocationType: RecordedInvocationType;
  /** Set for asynchronous invocations. */
  readonly attempt?: number;
  readonly trigger: string;
  /** The registration the caller invoked it for, when it knew. */
  readonly registration: string | undefined;
  readonly event: JsonValue;
  readonly result: InvocationResult;
  /** The manifest of the code that ran it. */
  readonly manifest: DomovoiManifest;
}

/** The recording line of an invocation. */
export function invocationEntry(facts: InvocationFacts): RecordingEntry {
  const { result } = facts;
  const logs = result.logs.map((line) => line.text);
  return {
    v: RECORDING_FORMAT_VERSION,
    time: new Date(facts.time).toISOString(),
    trigger: facts.trigger,
    requestId: result.requestId,
    functionName: facts.functionName,
    ...(facts.qualifier !== undefined && { qualifier: facts.qualifier }),
    invocationType: facts.invocationType,
    ...(facts.attempt !== undefined && { attempt: facts.attempt }),
    registrations: reachedRegistrations(facts.manifest, facts.registration, logs),
    event: facts.event,
    outcome: outcomeOf(result),
    durationMs: Math.round(result.durationMs * 100) / 100,
    logs,
  };
}
