import { ExecutionAbortedError } from "../errors.js";
import { JsonataIo } from "../io/jsonata-io.js";
import { JsonPathIo } from "../io/jsonpath-io.js";
import { Branch } from "../runtime/branch.js";
import { CatchPolicy } from "../runtime/catch-policy.js";
import { type ErrorHandling, withRetryAndCatch } from "../runtime/recovery.js";
import { RetryPolicy } from "../runtime/retry-policy.js";
import { runConcurrently } from "../runtime/run-concurrently.js";
import type { CompiledState, StateProgram } from "../runtime/state-program.js";
import type { StateRun } from "../runtime/state-run.js";
import { nextState, type StateSource } from "./state-source.js";

/**
 * Parallel runs every branch on the same input, each in its own variable scope, and results in
 * the array of their outputs. The first branch to fail stops the others and fails the state
 * with its error.
 */
export function compileParallelState(source: StateSource): CompiledState {
  const { name, reader, where, language } = source;
  const branches = reader
    .array("Branches")
    .map((branch, i) => source.compileProgram(branch, `${where}/Branches[${i}]`));
  const handling: ErrorHandling = {
    retry: new RetryPolicy(reader.array("Retry"), where),
    catch: new CatchPolicy(reader.array("Catch"), language, where),
  };
  const next = nextState(source);
  if (language === "JSONata") {
    const io = new JsonataIo(reader.definition);
    return {
      name,
      type: "Parallel",
      execute: (input, run) =>
        withRetryAndCatch(handling, input, run, async () => {
          const result = await runBranches(branches, await io.arguments(input, run), run);
          return { ...(await io.finish({ input, result }, run)), next };
        }),
    };
  }
  const io = new JsonPathIo(reader.definition);
  return {
    name,
    type: "Parallel",
    execute: (input, run) =>
      withRetryAndCatch(handling, input, run, async () => {
        const branchInput = io.parameters(io.effectiveInput(input, run), run);
        const result = io.selectResult(await runBranches(branches, branchInput, run), run);
        const assigned = io.assignments(result, run);
        return { output: io.output(input, result, run), next, ...(assigned && { assigned }) };
      }),
  };
}

async function runBranches(
  programs: readonly StateProgram[],
  input: unknown,
  run: StateRun,
): Promise<unknown[]> {
  const { branch } = run;
  const started = branch.record("ParallelStateStarted");
  const lanes = programs.map(() => ({ last: started }));
  const { outcomes, firstFailure } = await runConcurrently(
    { count: programs.length, maxConcurrency: 0, signal: branch.signal, failFast: true },
    (index, signal) =>
      programs[index]!.run(
        input,
        new Branch(branch.core, branch.variables.child(), lanes[index]!, signal),
      ),
  );
  branch.throwIfAborted();
  // As in AWS's histories, the state's next events chain to the branches' last event.
  const lastBranchEvent = Math.max(started, ...lanes.map((lane) => lane.last));
  branch.lane.last = lastBranchEvent;
  branch.record(firstFailure === undefined ? "ParallelStateSucceeded" : "ParallelStateFailed");
  branch.lane.last = lastBranchEvent;
  if (firstFailure !== undefined) throw firstFailure;
  return outcomes.map((outcome) => {
    if (outcome.status === "rejected") throw new ExecutionAbortedError();
    return outcome.value;
  });
}
