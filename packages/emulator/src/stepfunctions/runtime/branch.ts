import { ExecutionAbortedError } from "../errors.js";
import type { HistoryEventDetails, HistoryEventTypeName } from "../history/history-event.js";
import type { HistoryLane } from "../history/history-recorder.js";
import type { ExecutionCore } from "./execution-core.js";
import type { VariableScope } from "./variable-scope.js";

/**
 * A thread of control in an execution: its top level, a Parallel branch or a Map iteration.
 * It has its own variable scope, its own lane of history events and its own abort signal,
 * which ends it when the execution stops or a sibling branch fails.
 */
export class Branch {
  readonly core: ExecutionCore;
  readonly variables: VariableScope;
  readonly lane: HistoryLane;
  readonly signal: AbortSignal;

  constructor(
    core: ExecutionCore,
    variables: VariableScope,
    lane: HistoryLane,
    signal: AbortSignal,
  ) {
    this.core = core;
    this.variables = variables;
    this.lane = lane;
    this.signal = signal;
  }

  record<K extends keyof HistoryEventDetails>(
    type: HistoryEventTypeName,
    detailsKey?: K,
    details?: HistoryEventDetails[K],
  ): number {
    return this.core.services.history.record(this.lane, type, detailsKey, details);
  }

  throwIfAborted(): void {
    if (this.signal.aborted) throw new ExecutionAbortedError();
  }

  /** Waits `ms` on the execution's clock; stopping the branch ends the wait with an abort. */
  async sleep(ms: number): Promise<void> {
    this.throwIfAborted();
    if (ms <= 0) return;
    try {
      await this.core.services.clock.sleep(ms, this.signal);
    } catch {
      throw new ExecutionAbortedError();
    }
  }
}
