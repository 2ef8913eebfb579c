import type { Handler } from "../context.js";
import {
  DuplicateRegistrationError,
  InvalidStateMachineError,
  RegistrationError,
} from "../errors.js";
import type {
  StateMachineManifest,
  StateMachineTask,
  StepFunctionsTaskRegistration,
} from "../manifest.js";
import { taskAlias } from "../naming.js";
import type { MethodSpec } from "./arguments.js";
import { type StateDefinition, statesOf, withTaskResources } from "./asl.js";
import { checkOneOf, describe, isPlainObject } from "./checks.js";
import { checkName, registrationName } from "./names.js";
import type { RegisteredHandler, RegistrationOf } from "./registration.js";

export interface StateMachineOptions {
  /** Required when the app has several state machines. */
  readonly name?: string;
  /** Default `STANDARD`. */
  readonly type?: "STANDARD" | "EXPRESS";
}

export interface StepFunctionTaskOptions {
  readonly name?: string;
  readonly stateName: string;
  /** The definition object the state is in, or the name it was registered under. */
  readonly stateMachine: object | string;
}

export const REGISTER_STATE_MACHINE: MethodSpec<StateMachineOptions> = {
  method: "registerStateMachine",
  options: ["name", "type"],
};

export const STEP_FUNCTION_TASK: MethodSpec<StepFunctionTaskOptions> = {
  method: "stepFunctionTask",
  options: ["name", "stateName", "stateMachine"],
};

/** A task handler receives the state's input unchanged and returns its output. */
export type TaskHandler = Handler<unknown>;

/** Resolved in the definition `Resource` of a task by `stateMachineDefinition`. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: the syntax of Step Functions definition substitutions, not a template.
export const FUNCTION_ARN_PLACEHOLDER = "${DomovoiFunctionArn}";

const DEFAULT_NAME = "state-machine";
const TYPES = ["STANDARD", "EXPRESS"] as const;

interface Draft {
  readonly definition: StateDefinition;
  readonly states: Map<string, StateDefinition>;
  name?: string;
  type: "STANDARD" | "EXPRESS";
  registered: boolean;
  readonly tasks: Map<string, { readonly explicitName?: string; readonly handler: TaskHandler }>;
}

export interface StateMachinesResult {
  readonly manifests: StateMachineManifest[];
  readonly tasks: RegistrationOf<"step-functions-task">[];
}

/**
 * The app's state machines and their tasks. A task may be registered before or after its
 * machine (as in the original, whose `step_function_task` named a definition object), so machine
 * names, and with them task names and aliases, are settled once, when the app is complete.
 */
export class StateMachines {
  readonly #drafts = new Map<object, Draft>();

  register(definition: unknown, options: Partial<StateMachineOptions>): void {
    const name =
      options.name === undefined ? undefined : checkName("registerStateMachine", options.name);
    const draft = this.#draft(definition, name);
    if (draft.registered) {
      throw new DuplicateRegistrationError(
        `registerStateMachine: this definition is already registered${draft.name ? ` as ${draft.name}` : ""}.`,
      );
    }
    if (name !== undefined) {
      if (this.#named(name)) {
        throw new DuplicateRegistrationError(
          `registerStateMachine: a state machine is already named ${name}.`,
        );
      }
      draft.name = name;
    }
    draft.type = checkOneOf(options.type ?? "STANDARD", "registerStateMachine type", TYPES);
    draft.registered = true;
    for (const [stateName, state] of draft.states) {
      if (state.Type === "Task" && typeof state.Resource === "function") {
        this.#addTask(draft, stateName, undefined, state.Resource as TaskHandler);
      }
    }
  }

  addTask(options: StepFunctionTaskOptions, handler: TaskHandler): void {
    const where = `stepFunctionTask(${describe(options.stateName)})`;
    const draft =
      typeof options.stateMachine === "string"
        ? this.#named(options.stateMachine)
        : this.#draft(options.stateMachine, undefined);
    if (!draft) {
      throw new RegistrationError(
        `${where}: no state machine is registered as ${describe(options.stateMachine)}.`,
      );
    }
    const state = draft.states.get(options.stateName);
    if (state?.Type !== "Task") {
      throw new InvalidStateMachineError(
        `${where}: the state machine has no Task state of that name.`,
      );
    }
    const name = options.name === undefined ? undefined : checkName(where, options.name);
    this.#addTask(draft, options.stateName, name, handler);
  }

  /** The machine's name once the app is complete: its own, or the default of a sole machine. */
  nameOf(definition: object): string {
    return this.#drafts.get(definition)?.name ?? DEFAULT_NAME;
  }

  /** The name of the app's only state machine (the original's `app.state_machine`). */
  onlyName(): string {
    const [only, ...others] = this.#drafts.values();
    if (!only || others.length > 0) {
      throw new RegistrationError(
        `app.stateMachine needs exactly one state machine; the app has ${this.#drafts.size}. Use the handle registerStateMachine returned.`,
      );
    }
    return only.name ?? DEFAULT_NAME;
  }

  /** Names every machine and builds its manifest and task registrations. */
  complete(): StateMachinesResult {
    const drafts = [...this.#drafts.values()];
    const unnamed = drafts.filter((d) => d.name === undefined);
    if (unnamed.length > 0 && drafts.length > 1) {
      throw new RegistrationError(
        "registerStateMachine: name every state machine ({ name }) when the app has several.",
      );
    }
    const aliases = new Map<string, string>();
    const result: StateMachinesResult = { manifests: [], tasks: [] };
    for (const draft of drafts) {
      const machine = draft.name ?? DEFAULT_NAME;
      const tasks: StateMachineTask[] = [];
      for (const [stateName, { explicitName, handler }] of draft.tasks) {
        const alias = taskAlias(machine, stateName);
        const clash = aliases.get(alias);
        if (clash) {
          throw new InvalidStateMachineError(
            `Task aliases of ${clash} and ${machine}/${stateName} collide (${alias}); rename one of the states.`,
          );
        }
        aliases.set(alias, `${machine}/${stateName}`);
        const registration = taskRegistration(machine, stateName, alias, explicitName, handler);
        tasks.push({ stateName, registration: registration.manifest.name, alias });
        result.tasks.push(registration);
      }
      const resources = new Map(
        tasks.map((t) => [t.stateName, `${FUNCTION_ARN_PLACEHOLDER}:${t.alias}`]),
      );
      result.manifests.push({
        name: machine,
        type: draft.type,
        definition: withTaskResources(draft.definition, (state) => resources.get(state)),
        tasks,
      });
    }
    return result;
  }

  #named(name: string): Draft | undefined {
    return [...this.#drafts.values()].find((draft) => draft.name === name);
  }

  #draft(definition: unknown, name: string | undefined): Draft {
    if (!isPlainObject(definition)) {
      throw new InvalidStateMachineError(
        `A state machine definition must be an object, got ${describe(definition)}.`,
      );
    }
    let draft = this.#drafts.get(definition);
    if (!draft) {
      draft = {
        definition,
        states: statesOf(definition, name ?? "(unnamed)"),
        type: "STANDARD",
        registered: false,
        tasks: new Map(),
      };
      this.#drafts.set(definition, draft);
    }
    return draft;
  }

  #addTask(
    draft: Draft,
    stateName: string,
    explicitName: string | undefined,
    handler: TaskHandler,
  ) {
    if (draft.tasks.has(stateName)) {
      throw new DuplicateRegistrationError(
        `stepFunctionTask: state ${JSON.stringify(stateName)} already has a handler.`,
      );
    }
    draft.tasks.set(stateName, { ...(explicitName !== undefined && { explicitName }), handler });
  }
}

function taskRegistration(
  stateMachine: string,
  stateName: string,
  alias: string,
  explicitName: string | undefined,
  handler: TaskHandler,
): RegistrationOf<"step-functions-task"> {
  const manifest: StepFunctionsTaskRegistration = {
    kind: "step-functions-task",
    name: registrationName({
      where: `stepFunctionTask(${JSON.stringify(stateName)})`,
      explicit: explicitName,
      handler,
      kind: "task",
      key: `${stateMachine}-${stateName}`,
    }),
    key: alias,
    options: { stateMachine, stateName },
  };
  return { kind: "step-functions-task", manifest, handler: handler as RegisteredHandler };
}
