import { StatesError, StatesErrorName } from "../errors.js";
import type { StateType } from "../history/history-event.js";
import { NOT_TRUNCATED } from "../history/history-event.js";
import { MAX_PAYLOAD_BYTES, toJsonText } from "../json.js";
import type { Branch } from "./branch.js";
import { StateRun } from "./state-run.js";

/** What one visit of a state produced: its output, where to go next, the variables it set. */
export interface StateStep {
  readonly output: unknown;
  /** The next state; none ends the branch (End, Succeed). */
  readonly next?: string;
  readonly assigned?: Readonly<Record<string, unknown>>;
}

/** A state compiled from its definition, ready to run any number of times. */
export interface CompiledState {
  readonly name: string;
  readonly type: StateType;
  execute(input: unknown, run: StateRun): Promise<StateStep>;
}

/**
 * A `States` block with its `StartAt`: a whole state machine, a Parallel branch or a Map's
 * item processor. Running it walks the states from `StartAt` until one ends the block.
 */
export class StateProgram {
  readonly startAt: string;
  readonly #states: ReadonlyMap<string, CompiledState>;

  constructor(startAt: string, states: ReadonlyMap<string, CompiledState>) {
    this.startAt = startAt;
    this.#states = states;
  }

  async run(input: unknown, branch: Branch): Promise<unknown> {
    let name = this.startAt;
    let value = input;
    for (;;) {
      branch.throwIfAborted();
      const step = await runState(this.#states.get(name)!, value, branch);
      if (step.next === undefined) return step.output;
      name = step.next;
      value = step.output;
    }
  }
}

async function runState(state: CompiledState, input: unknown, branch: Branch): Promise<StateStep> {
  const enteredEventId = branch.record(`${state.type}StateEntered`, "stateEnteredEventDetails", {
    name: state.name,
    input: toJsonText(input),
    inputDetails: NOT_TRUNCATED,
  });
  const run = new StateRun(state.name, state.type, branch, enteredEventId);
  let step: StateStep;
  try {
    step = await state.execute(input, run);
  } catch (error) {
    throw run.locate(error);
  }
  const output = toJsonText(step.output);
  if (output.length * 3 > MAX_PAYLOAD_BYTES && Buffer.byteLength(output) > MAX_PAYLOAD_BYTES) {
    throw new StatesError(
      StatesErrorName.DataLimitExceeded,
      `The state/task '${state.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    );
  }
  if (step.assigned) branch.variables.assign(step.assigned);
  branch.record(`${state.type}StateExited`, "stateExitedEventDetails", {
    name: state.name,
    output,
    outputDetails: NOT_TRUNCATED,
    ...(step.assigned && assignedVariables(step.assigned)),
  });
  return step;
}

function assignedVariables(assigned: Readonly<Record<string, unknown>>) {
  return {
    assignedVariables: Object.fromEntries(
      Object.entries(assigned).map(([name, value]) => [name, toJsonText(value)]),
    ),
    assignedVariablesDetails: NOT_TRUNCATED,
  };
}
