import { setImmediate as nextMacrotask } from "node:timers/promises";
import { VirtualClock } from "../../../src/clock/index.js";
import {
  type Execution,
  type ExecutionIdentity,
  type ExecutionResult,
  StateMachine,
} from "../../../src/stepfunctions/index.js";
import type { StepFunctionsCase } from "./corpus-case.js";
import { PythonLambdaInvoker } from "./python-lambda-invoker.js";

const REGION = "us-east-1";
const ACCOUNT = "111111111111";
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/sfn-role`;
const EXPRESS_EXECUTION_ID = "5e1d4c1b-0000-4000-8000-000000000000";

/**
 * The time the corpus was replayed at: the Wait cases ask to wait until one minute later
 * (2026-12-03T13:08:16Z), and the boundary case until 24,856 days after that.
 */
export const CORPUS_REPLAY_TIME = Date.parse("2026-12-03T13:07:16Z");

export interface CaseRun {
  readonly result: ExecutionResult;
  readonly execution: Execution;
  /** Replacements the recorder made for this case without listing them in it. */
  readonly quirks: readonly (readonly [string, string])[];
}

/** Runs a corpus case on a virtual clock with its Python functions played locally. */
export async function runCase(kase: StepFunctionsCase): Promise<CaseRun> {
  const clock = new VirtualClock(CORPUS_REPLAY_TIME);
  const machine = StateMachine.compile(kase.definitionRaw ?? kase.definition);
  const identity = caseIdentity(kase);
  const execution = machine.start({
    ...identity,
    input: kase.inputRaw === undefined ? kase.input : JSON.parse(kase.inputRaw),
    clock,
    invoker: new PythonLambdaInvoker(kase.lambdas ?? {}, clock),
  });
  const result = await runOnVirtualClock(execution, clock);
  return { result, execution, quirks: corpusQuirks(kase, identity) };
}

/**
 * Moves the clock from timer to timer until the execution ends, letting the execution's promise
 * chains settle in between, so that hours of waits and retries take milliseconds.
 */
export async function runOnVirtualClock(
  execution: Execution,
  clock: VirtualClock,
): Promise<ExecutionResult> {
  let result: ExecutionResult | undefined;
  void execution.result.then((value) => {
    result = value;
  });
  for (let idle = 0; result === undefined && idle < 1000; ) {
    await nextMacrotask();
    const next = clock.nextTimerAt();
    if (next === undefined) idle++;
    else await clock.advanceTo(Math.max(next, clock.now()));
  }
  if (result === undefined) throw new Error("The execution is stuck: it waits for nothing.");
  return result;
}

function caseIdentity(kase: StepFunctionsCase): ExecutionIdentity {
  const stateMachineArn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${kase.stateMachineName}`;
  const base = {
    name: kase.executionName,
    stateMachineArn,
    stateMachineName: kase.stateMachineName,
    roleArn: ROLE_ARN,
  };
  return kase.stateMachineType === "EXPRESS"
    ? {
        ...base,
        type: "EXPRESS",
        executionArn: `arn:aws:states:${REGION}:${ACCOUNT}:express:${kase.stateMachineName}:${kase.executionName}:${EXPRESS_EXECUTION_ID}`,
      }
    : {
        ...base,
        executionArn: `arn:aws:states:${REGION}:${ACCOUNT}:execution:${kase.stateMachineName}:${kase.executionName}`,
      };
}

/**
 * Replacements the recorder applied without listing them in the case: the express tests'
 * `StartSyncExecution` ARN parts and role (LocalStack's express fixtures), and the Wait tests'
 * input timestamp, which they registered as `<timestamp>`.
 */
function corpusQuirks(kase: StepFunctionsCase, identity: ExecutionIdentity): [string, string][] {
  const quirks: [string, string][] = [];
  if (identity.type === "EXPRESS") {
    quirks.push(
      [EXPRESS_EXECUTION_ID, "<SyncExecArn_Part2_0idx>"],
      [`:${kase.executionName}:`, ":<SyncExecArn_Part1_0idx>:"],
      [`"${kase.executionName}"`, '"<SyncExecArn_Part1_0idx>"'],
      [ROLE_ARN, "sfn_role_arn"],
    );
  }
  const expected = JSON.stringify(kase.expect);
  const input = kase.input as Record<string, unknown> | null;
  if (expected.includes("<timestamp>") && typeof input?.start_at === "string") {
    quirks.push([input.start_at, "<timestamp>"]);
  }
  return quirks;
}
