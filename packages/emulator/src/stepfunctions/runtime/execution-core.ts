import type { Clock } from "../../clock/clock.js";
import type { HistoryRecorder } from "../history/history-recorder.js";
import { awsJsonataFunctions } from "../jsonata/aws-functions.js";
import type { Randomness } from "../randomness.js";
import type { S3ItemSource } from "../tasks/s3-item-source.js";
import type { TaskInvoker } from "../tasks/task-invoker.js";
import type { TaskTokenRegistry } from "../tasks/task-tokens.js";

export type ExecutionType = "STANDARD" | "EXPRESS";

/** Who an execution is: the names and ARNs the context object and the history report. */
export interface ExecutionIdentity {
  readonly executionArn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly roleArn: string;
  /** Default `STANDARD`; an express execution's context object has no `RedriveCount`. */
  readonly type?: ExecutionType;
}

export interface ExecutionServices {
  readonly clock: Clock;
  readonly invoker: TaskInvoker;
  readonly randomness: Randomness;
  readonly taskTokens: TaskTokenRegistry;
  readonly history: HistoryRecorder;
  /** Where distributed Maps read their `ItemReader` items. */
  readonly s3?: S3ItemSource;
}

/**
 * What every state of one execution shares: its identity, services and the fixed part of the
 * context object (`$$.Execution`, `$$.StateMachine`).
 */
export class ExecutionCore {
  readonly identity: ExecutionIdentity;
  readonly services: ExecutionServices;
  readonly region: string;
  readonly jsonataFunctions: Readonly<Record<string, unknown>>;
  readonly contextExecution: Readonly<Record<string, unknown>>;
  readonly contextStateMachine: Readonly<Record<string, unknown>>;

  constructor(identity: ExecutionIdentity, services: ExecutionServices, input: unknown) {
    this.identity = identity;
    this.services = services;
    this.region = identity.stateMachineArn.split(":")[3] ?? "us-east-1";
    this.jsonataFunctions = awsJsonataFunctions(services.randomness);
    const startTime = new Date(services.clock.now()).toISOString();
    const { executionArn: Id, name: Name, roleArn: RoleArn } = identity;
    // Key order follows AWS: it shows in States.Format and States.JsonToString of `$$`.
    this.contextExecution =
      identity.type === "EXPRESS"
        ? { Id, Input: input, Name, RoleArn, StartTime: startTime }
        : { Id, Input: input, StartTime: startTime, Name, RoleArn, RedriveCount: 0 };
    this.contextStateMachine = { Id: identity.stateMachineArn, Name: identity.stateMachineName };
  }
}
