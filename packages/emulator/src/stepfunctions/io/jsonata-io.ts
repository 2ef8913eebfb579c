import type { StateDefinition } from "../definition/state-definition.js";
import { compileJsonataTemplate, type JsonataTemplate } from "../jsonata/jsonata-template.js";
import type { JsonataStates, StateRun } from "../runtime/state-run.js";

export interface StateOutcome {
  readonly output: unknown;
  readonly assigned?: Readonly<Record<string, unknown>>;
}

/**
 * The data flow of a JSONata state: `Arguments` shape what the work receives, `Output` the
 * state's output (the result, or the input for states without one) and `Assign` its variables.
 * `Output` and `Assign` see the same `$states` and the variables as they were on entry.
 */
export class JsonataIo {
  readonly #arguments: JsonataTemplate | undefined;
  readonly #output: JsonataTemplate | undefined;
  readonly #assign: JsonataTemplate | undefined;

  constructor(definition: StateDefinition, argumentsField = "Arguments") {
    this.#arguments = optionalTemplate(definition[argumentsField], argumentsField);
    this.#output = optionalTemplate(definition.Output, "Output");
    this.#assign = optionalTemplate(definition.Assign, "Assign");
  }

  async arguments(raw: unknown, run: StateRun): Promise<unknown> {
    const template = this.#arguments;
    return template ? template(run.jsonataScope({ input: raw })) : raw;
  }

  /** With `states.result` set, the default output is the result; otherwise the input. */
  finish(states: JsonataStates, run: StateRun): Promise<StateOutcome> {
    const defaultOutput = "result" in states ? states.result : states.input;
    return evaluateOutcome(states, run, this.#output, this.#assign, defaultOutput);
  }
}

/** `Output` (or `defaultOutput`) and `Assign` of a JSONata state, a Choice rule or a Catcher. */
export async function evaluateOutcome(
  states: JsonataStates,
  run: StateRun,
  output: JsonataTemplate | undefined,
  assign: JsonataTemplate | undefined,
  defaultOutput: unknown,
): Promise<StateOutcome> {
  if (output === undefined && assign === undefined) return { output: defaultOutput };
  const scope = run.jsonataScope(states);
  const assigned = (await assign?.(scope)) as Record<string, unknown> | undefined;
  return {
    output: output ? await output(scope) : defaultOutput,
    ...(assigned && { assigned }),
  };
}

export function optionalTemplate(template: unknown, field: string): JsonataTemplate | undefined {
  return template === undefined ? undefined : compileJsonataTemplate(template, field);
}
