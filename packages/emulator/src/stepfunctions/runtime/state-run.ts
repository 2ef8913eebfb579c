import { StateEvaluationError } from "../errors.js";
import type { StateType } from "../history/history-event.js";
import { JsonataScope } from "../jsonata/jsonata-expression.js";
import type { PathScope } from "../jsonpath/json-path.js";
import type { Branch } from "./branch.js";

/** The `$states` fields a JSONata evaluation adds to the state's input. */
export interface JsonataStates {
  readonly input: unknown;
  readonly result?: unknown;
  readonly errorOutput?: unknown;
}

export interface MapItem {
  readonly Index: number;
  readonly Value: unknown;
}

/**
 * One visit of a state: the branch it runs in, the event that entered it (AWS cites it in
 * errors) and the parts of the context object that belong to the visit.
 */
export class StateRun {
  readonly name: string;
  readonly branch: Branch;
  readonly enteredEventId: number;
  readonly #enteredAt: number;
  /** `$$.State.RetryCount`, for the states that can retry. */
  retryCount: number | undefined;
  /** `$$.Task.Token`, while a callback task waits. */
  taskToken: string | undefined;

  constructor(name: string, type: StateType, branch: Branch, enteredEventId: number) {
    this.name = name;
    this.branch = branch;
    this.enteredEventId = enteredEventId;
    this.#enteredAt = branch.core.services.clock.now();
    this.retryCount = type === "Task" || type === "Map" || type === "Parallel" ? 0 : undefined;
  }

  /** The context object (`$$`); `mapItem` adds `$$.Map.Item` for a Map's ItemSelector. */
  context(mapItem?: MapItem): Record<string, unknown> {
    const { core } = this.branch;
    const enteredTime = new Date(this.#enteredAt).toISOString();
    const state: Record<string, unknown> = { Name: this.name, EnteredTime: enteredTime };
    if (this.retryCount !== undefined) state.RetryCount = this.retryCount;
    const context: Record<string, unknown> = {
      Execution: core.contextExecution,
      StateMachine: core.contextStateMachine,
      State: state,
    };
    if (this.taskToken !== undefined) context.Task = { Token: this.taskToken };
    if (mapItem !== undefined) context.Map = { Item: mapItem };
    return context;
  }

  /** The roots JSONPath expressions of this visit read: `$` is `data`. */
  pathScope(data: unknown, mapItem?: MapItem): PathScope {
    return new StatePathScope(this, data, mapItem);
  }

  jsonataScope(states: JsonataStates, mapItem?: MapItem): JsonataScope {
    const { core, variables } = this.branch;
    return new JsonataScope(
      { ...states, context: this.context(mapItem) },
      variables.bindings(),
      core.jsonataFunctions,
    );
  }

  /** The error as AWS reports it: evaluation failures name this state and its entered event. */
  locate(error: unknown): unknown {
    return error instanceof StateEvaluationError
      ? error.locatedIn(this.name, this.enteredEventId)
      : error;
  }
}

/** A visit's JSONPath roots; the context object is only built if a path reads `$$`. */
class StatePathScope implements PathScope {
  readonly data: unknown;
  readonly #run: StateRun;
  readonly #mapItem: MapItem | undefined;

  constructor(run: StateRun, data: unknown, mapItem: MapItem | undefined) {
    this.#run = run;
    this.data = data;
    this.#mapItem = mapItem;
  }

  context(): unknown {
    return this.#run.context(this.#mapItem);
  }

  variable(name: string): unknown {
    return this.#run.branch.variables.lookup(name);
  }
}
