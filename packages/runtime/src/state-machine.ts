import type { SFNClient } from "@aws-sdk/client-sfn";
import { StartExecutionError } from "./errors.js";
import type { DomovoiManifest, JsonObject, StateMachineManifest } from "./manifest.js";
import { physicalNames } from "./naming.js";
import { withTaskResources } from "./registrations/asl.js";

export interface StartExecutionOptions {
  /** The execution's name (unique per state machine for 90 days); Step Functions picks one if omitted. */
  readonly name?: string;
}

export interface StartedExecution {
  readonly executionArn: string;
  readonly startDate: Date;
}

/** A state machine of the app, as `registerStateMachine` and `app.stateMachine` return it. */
export interface StateMachineHandle {
  /** Its name in the app (the physical name adds app and stage). */
  readonly name: string;
  /** Starts an execution with `input` (JSON-serialised) and returns its ARN. */
  startExecution(input?: unknown, options?: StartExecutionOptions): Promise<StartedExecution>;
}

/** What Domovoi needs of an SFN client; tests inject a stub. */
export type StepFunctionsClient = Pick<SFNClient, "send">;

/** Where a handle finds its machine: its name, then its ARN for the running function. */
export interface StateMachineLocator {
  name(): string;
  arn(name: string): string;
}

/**
 * Starts executions, loading `@aws-sdk/client-sfn` on first use only: most invocations never
 * start one, and the SDK costs cold-start time to import.
 */
export class ExecutionStarter {
  readonly #clients = new Map<string, Promise<StepFunctionsClient>>();

  constructor(private readonly injected: StepFunctionsClient | undefined) {}

  handle(locator: StateMachineLocator): StateMachineHandle {
    return {
      get name() {
        return locator.name();
      },
      startExecution: async (input, options = {}) =>
        this.#start(locator.arn(locator.name()), input, options),
    };
  }

  async #start(
    stateMachineArn: string,
    input: unknown,
    options: StartExecutionOptions,
  ): Promise<StartedExecution> {
    const { StartExecutionCommand } = await import("@aws-sdk/client-sfn");
    const client = this.injected ?? (await this.#client(stateMachineArn.split(":")[3]!));
    const output = await client.send(
      new StartExecutionCommand({
        stateMachineArn,
        input: JSON.stringify(input ?? {}),
        ...(options.name !== undefined && { name: options.name }),
      }),
    );
    if (output.executionArn === undefined || output.startDate === undefined) {
      throw new StartExecutionError(`StartExecution of ${stateMachineArn} returned no execution.`);
    }
    return { executionArn: output.executionArn, startDate: output.startDate };
  }

  #client(region: string): Promise<StepFunctionsClient> {
    let client = this.#clients.get(region);
    if (!client) {
      client = import("@aws-sdk/client-sfn").then(({ SFNClient }) => new SFNClient({ region }));
      this.#clients.set(region, client);
    }
    return client;
  }
}

/**
 * The ARN of the app's state machine `machine` for the function that was invoked: its stage's
 * physical name, in the function's partition, region and account.
 */
export function stateMachineArn(
  manifest: DomovoiManifest,
  machine: string,
  invokedFunctionArn: string | undefined,
): string {
  // arn:<partition>:lambda:<region>:<account>:function:<app>-<stage>[:<qualifier>]
  const [arn, partition, service, region, account, type, functionName] =
    invokedFunctionArn?.split(":") ?? [];
  if (arn !== "arn" || service !== "lambda" || type !== "function" || !functionName) {
    throw new StartExecutionError(
      "startExecution locates the state machine from the invoked function's ARN: call it while the app handles an event.",
    );
  }
  const names = physicalNames(manifest, functionName.slice(manifest.app.length + 1));
  const physical = names.stateMachines[machine]?.stateMachine;
  if (physical === undefined || names.functionName !== functionName) {
    throw new StartExecutionError(
      `App ${manifest.app} has no state machine ${machine} in function ${functionName}.`,
    );
  }
  return `arn:${partition}:states:${region}:${account}:stateMachine:${physical}`;
}

/**
 * The definition to deploy (or emulate) for a machine of the manifest: each of the app's tasks
 * invokes the function through its task alias.
 */
export function stateMachineDefinition(
  machine: StateMachineManifest,
  functionArn: string,
): JsonObject {
  const aliases = new Map(machine.tasks.map((task) => [task.stateName, task.alias]));
  return withTaskResources(machine.definition, (stateName) => {
    const alias = aliases.get(stateName);
    return alias && `${functionArn}:${alias}`;
  });
}
