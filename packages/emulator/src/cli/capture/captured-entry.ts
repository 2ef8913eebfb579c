import type { JsonValue } from "@domovoi/runtime";
import type { CapturedEvent } from "@domovoi/runtime/capture";
import { RECORDING_FORMAT_VERSION, type RecordingEntry } from "../../recording/format.js";

/** The recording line of an event captured in production: the event, with nothing to compare. */
export function capturedEntry(captured: CapturedEvent, trigger: string): RecordingEntry {
  // arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]
  const [, , , , , , functionName, qualifier] = captured.functionArn?.split(":") ?? [];
  return {
    v: RECORDING_FORMAT_VERSION,
    time: captured.time,
    trigger,
    event: captured.event as JsonValue,
    requestId: captured.requestId,
    functionName,
    qualifier,
    invocationType: "RequestResponse",
    registrations: [],
  };
}
