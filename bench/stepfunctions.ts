import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { RealClock } from "../packages/emulator/src/clock/index.js";
import { StateMachine, type TaskInvoker } from "../packages/emulator/src/stepfunctions/index.js";
import { type BenchResult, formatResults, measure } from "./measure.js";

export type { BenchResult } from "./measure.js";

export const STEP_FUNCTIONS_TITLE = "Step Functions interpreter (state transitions per second)";

const PEERS = resolve(dirname(fileURLToPath(import.meta.url)), "peers");
const ITEMS = 20;
const EXECUTIONS_PER_ROUND = 40;
// Init, Fan, then Classify, Big or Small, and Work per item, then Done.
const TRANSITIONS_PER_EXECUTION = 3 + 3 * ITEMS;

/** A JSONPath machine with Pass, Map, Choice and a Task served by a local function. */
const DEFINITION = {
  StartAt: "Init",
  States: {
    Init: { Type: "Pass", Parameters: { "items.$": "$.items", batch: "b-1" }, Next: "Fan" },
    Fan: {
      Type: "Map",
      ItemsPath: "$.items",
      MaxConcurrency: 4,
      ItemProcessor: {
        StartAt: "Classify",
        States: {
          Classify: {
            Type: "Choice",
            Choices: [{ Variable: "$.value", NumericGreaterThan: 50, Next: "Big" }],
            Default: "Small",
          },
          Big: { Type: "Pass", Parameters: { "value.$": "$.value", size: "big" }, Next: "Work" },
          Small: {
            Type: "Pass",
            Parameters: { "value.$": "$.value", size: "small" },
            Next: "Work",
          },
          Work: {
            Type: "Task",
            Resource: "arn:aws:lambda:us-east-1:123456789012:function:work",
            ResultPath: "$.result",
            End: true,
          },
        },
      },
      ResultPath: "$.results",
      Next: "Done",
    },
    Done: { Type: "Succeed" },
  },
};

const INPUT = { items: Array.from({ length: ITEMS }, (_, i) => ({ value: (i * 37) % 100 })) };

/** The local Task: what the Lambda function would compute. */
function work(input: { value: number }) {
  return { doubled: input.value * 2 };
}

interface PeerStateMachine {
  run(
    input: unknown,
    options: {
      overrides: { taskResourceLocalHandlers: Record<string, (input: never) => unknown> };
    },
  ): { result: Promise<unknown> };
}

/**
 * aws-local-stepfunctions 3.0.0, installed on demand outside the workspace. It calls
 * `Promise.withResolvers`, which Node 20 lacks, so a standard polyfill is installed first.
 */
function loadPeer(): new (definition: unknown) => PeerStateMachine {
  if (!existsSync(resolve(PEERS, "node_modules", "aws-local-stepfunctions"))) {
    execFileSync("npm", ["install", "--prefix", PEERS, "--no-audit", "--no-fund"], {
      stdio: "inherit",
    });
  }
  if (!("withResolvers" in Promise)) {
    Object.defineProperty(Promise, "withResolvers", {
      configurable: true,
      writable: true,
      value<T>() {
        let resolve!: (value: T) => void;
        let reject!: (reason: unknown) => void;
        const promise = new Promise<T>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        return { promise, resolve, reject };
      },
    });
  }
  const require = createRequire(resolve(PEERS, "package.json"));
  return (
    require("aws-local-stepfunctions") as {
      StateMachine: new (definition: unknown) => PeerStateMachine;
    }
  ).StateMachine;
}

/** Transitions per second of the interpreter and of aws-local-stepfunctions, in one run. */
export async function benchStepFunctions(): Promise<BenchResult[]> {
  const machine = StateMachine.compile(DEFINITION);
  const clock = new RealClock();
  const invoker: TaskInvoker = {
    invoke: async (request) =>
      request.kind === "lambda"
        ? { ok: true, output: work(request.payload as { value: number }) }
        : { ok: false, error: "Bench.NoService" },
  };
  let run = 0;
  const runOurs = async () => {
    const execution = machine.start({
      executionArn: `arn:aws:states:us-east-1:123456789012:execution:bench:run-${run}`,
      name: `run-${run++}`,
      stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:bench",
      stateMachineName: "bench",
      roleArn: "arn:aws:iam::123456789012:role/bench",
      input: INPUT,
      clock,
      invoker,
    });
    const result = await execution.result;
    if (result.status !== "SUCCEEDED")
      throw new Error(`Bench execution failed: ${JSON.stringify(result)}`);
    return result.output;
  };

  const Peer = loadPeer();
  const peer = new Peer(DEFINITION);
  const runPeer = () =>
    peer.run(INPUT, { overrides: { taskResourceLocalHandlers: { Work: work } } }).result;

  const same = JSON.stringify(await runOurs()) === JSON.stringify(await runPeer());
  const rounds = (execute: () => Promise<unknown>) => async () => {
    for (let i = 0; i < EXECUTIONS_PER_ROUND; i++) await execute();
  };
  const opsPerRound = EXECUTIONS_PER_ROUND * TRANSITIONS_PER_EXECUTION;
  const ours = await measure("interpreter (history recorded)", rounds(runOurs), { opsPerRound });
  const theirs = await measure("aws-local-stepfunctions 3.0.0", rounds(runPeer), {
    opsPerRound,
    rounds: 5,
  });
  ours.note = `${(ours.opsPerSec / theirs.opsPerSec).toFixed(1)}x the peer; ${TRANSITIONS_PER_EXECUTION} transitions per execution`;
  theirs.note = same ? "same output" : "OUTPUT DIFFERS";
  return [ours, theirs];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatResults(STEP_FUNCTIONS_TITLE, await benchStepFunctions()));
}
