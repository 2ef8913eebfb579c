import { InvalidStateMachineError } from "../errors.js";
import type { JsonObject } from "../manifest.js";
import { describe, isPlainObject } from "./checks.js";

/** One state of an Amazon States Language definition, as the user wrote it. */
export type StateDefinition = Record<string, unknown>;

const STATE_TYPES = new Set([
  "Pass",
  "Task",
  "Choice",
  "Wait",
  "Succeed",
  "Fail",
  "Parallel",
  "Map",
]);
const TERMINAL_TYPES = new Set(["Choice", "Succeed", "Fail"]);

/**
 * Structural checks of a definition (full validation with `asl-validator` belongs to the
 * emulator and the deployer): every scope has `States` and a `StartAt` among them, every state a
 * known `Type`, every transition a target in its scope, and state names are unique across the
 * machine (Parallel branches and Map processors included), as Step Functions requires. Returns
 * every state by name.
 */
export function statesOf(definition: unknown, machine: string): Map<string, StateDefinition> {
  const states = new Map<string, StateDefinition>();
  checkScope(definition, "definition", states, (message) => {
    throw new InvalidStateMachineError(`State machine ${machine}: ${message}`);
  });
  return states;
}

type Fail = (message: string) => never;

function checkScope(scope: unknown, path: string, all: Map<string, StateDefinition>, fail: Fail) {
  if (!isPlainObject(scope) || !isPlainObject(scope.States)) {
    fail(`${path} must be an object with a States object, got ${describe(scope)}.`);
  }
  const states = scope.States;
  if (typeof scope.StartAt !== "string" || !Object.hasOwn(states, scope.StartAt)) {
    fail(`${path}.StartAt ${describe(scope.StartAt)} is not one of its States.`);
  }
  for (const [name, state] of Object.entries(states)) {
    const where = `${path}.States[${JSON.stringify(name)}]`;
    if (all.has(name)) fail(`state name ${JSON.stringify(name)} is used twice.`);
    if (!isPlainObject(state) || !STATE_TYPES.has(state.Type as string)) {
      fail(`${where} must have a Type among ${[...STATE_TYPES].join(", ")}.`);
    }
    all.set(name, state);
    for (const target of transitions(state)) {
      if (typeof target !== "string" || !Object.hasOwn(states, target)) {
        fail(`${where} goes to ${describe(target)}, which is not a state of its scope.`);
      }
    }
    if (
      !TERMINAL_TYPES.has(state.Type as string) &&
      state.Next === undefined &&
      state.End !== true
    ) {
      fail(`${where} needs Next or "End": true.`);
    }
    nestedScopes(state, where, fail).forEach(([scopePath, nested]) => {
      checkScope(nested, scopePath, all, fail);
    });
  }
}

function transitions(state: StateDefinition): unknown[] {
  const targets: unknown[] = [];
  if (state.Next !== undefined) targets.push(state.Next);
  if (state.Type === "Choice") {
    if (!Array.isArray(state.Choices)) return [undefined];
    for (const choice of state.Choices)
      targets.push(isPlainObject(choice) ? choice.Next : undefined);
    if (state.Default !== undefined) targets.push(state.Default);
  }
  if (Array.isArray(state.Catch)) {
    for (const catcher of state.Catch)
      targets.push(isPlainObject(catcher) ? catcher.Next : undefined);
  }
  return targets;
}

function nestedScopes(state: StateDefinition, where: string, fail: Fail): [string, unknown][] {
  if (state.Type === "Parallel") {
    if (!Array.isArray(state.Branches) || state.Branches.length === 0) {
      fail(`${where} needs a non-empty Branches array.`);
    }
    return state.Branches.map((branch, index) => [`${where}.Branches[${index}]`, branch]);
  }
  if (state.Type === "Map") {
    const key = state.ItemProcessor !== undefined ? "ItemProcessor" : "Iterator";
    return [[`${where}.${key}`, state[key]]];
  }
  return [];
}

/**
 * A JSON copy of the definition in which the Task states that `resourceFor` names get that
 * `Resource`, wherever they are nested.
 */
export function withTaskResources(
  definition: StateDefinition,
  resourceFor: (stateName: string) => string | undefined,
): JsonObject {
  const copyScope = (scope: StateDefinition): StateDefinition => ({
    ...scope,
    States: Object.fromEntries(
      Object.entries(scope.States as Record<string, StateDefinition>).map(([name, state]) => [
        name,
        copyState(name, state),
      ]),
    ),
  });
  const copyState = (name: string, state: StateDefinition): StateDefinition => {
    const resource = state.Type === "Task" ? resourceFor(name) : undefined;
    const copy: StateDefinition =
      resource === undefined ? { ...state } : { ...state, Resource: resource };
    if (Array.isArray(state.Branches)) copy.Branches = state.Branches.map(copyScope);
    for (const key of ["ItemProcessor", "Iterator"]) {
      if (isPlainObject(state[key])) copy[key] = copyScope(state[key]);
    }
    return copy;
  };
  return JSON.parse(JSON.stringify(copyScope(definition)));
}
