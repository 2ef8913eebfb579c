import type { FunctionHost } from "../host/index.js";
import { outcomeOf } from "./outcome.js";
import type { ReplayInvoke } from "./replay.js";

/**
 * Replays on a running host, with the recorded qualifier (task aliases route by it). Replays
 * wait for concurrency like asynchronous events rather than being throttled, and are not
 * recorded themselves.
 */
export function replayOnHost(host: FunctionHost): ReplayInvoke {
  return async (entry) =>
    outcomeOf(
      await host.enqueue({ payload: JSON.stringify(entry.event), qualifier: entry.qualifier }),
    );
}
