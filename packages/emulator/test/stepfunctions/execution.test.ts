import { describe, expect, it } from "vitest";
import { TaskTokenRegistry } from "../../src/stepfunctions/index.js";
import { localInvoker, startLocal } from "./support/local-executions.js";
import { runOnVirtualClock } from "./support/run-case.js";

const SAMPLE = {
  StartAt: "Prepare",
  States: {
    Prepare: { Type: "Pass", Result: { items: [1, 2] }, Next: "Work" },
    Work: {
      Type: "Task",
      Resource: "arn:aws:lambda:us-east-1:123456789012:function:double",
      Next: "Check",
    },
    Check: {
      Type: "Choice",
      Choices: [{ Variable: "$.total", NumericGreaterThan: 0, Next: "Each" }],
      Default: "Done",
    },
    Each: {
      Type: "Map",
      ItemsPath: "$.items",
      MaxConcurrency: 1,
      ItemProcessor: { StartAt: "Item", States: { Item: { Type: "Pass", End: true } } },
      Next: "Done",
    },
    Done: { Type: "Succeed" },
  },
};

describe("Execution", () => {
  // The ids and previous ids follow AWS's recorded histories (LocalStack's snapshots of
  // test_map_state): a Map's events chain to its iterations' last state events.
  it("records AWS's event sequence, ids and previous ids as it runs", async () => {
    const invoker = localInvoker({
      double: (payload) => ({ ...(payload as object), total: 6 }),
    });
    const { execution, clock } = startLocal(SAMPLE, { invoker });
    const result = await runOnVirtualClock(execution, clock);
    expect(result).toEqual({ status: "SUCCEEDED", output: [1, 2] });
    expect(execution.status).toBe("SUCCEEDED");
    expect(execution.history.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [1, 0, "ExecutionStarted"],
      [2, 0, "PassStateEntered"],
      [3, 2, "PassStateExited"],
      [4, 3, "TaskStateEntered"],
      [5, 4, "LambdaFunctionScheduled"],
      [6, 5, "LambdaFunctionStarted"],
      [7, 6, "LambdaFunctionSucceeded"],
      [8, 7, "TaskStateExited"],
      [9, 8, "ChoiceStateEntered"],
      [10, 9, "ChoiceStateExited"],
      [11, 10, "MapStateEntered"],
      [12, 11, "MapStateStarted"],
      [13, 12, "MapIterationStarted"],
      [14, 13, "PassStateEntered"],
      [15, 14, "PassStateExited"],
      [16, 15, "MapIterationSucceeded"],
      [17, 15, "MapIterationStarted"],
      [18, 17, "PassStateEntered"],
      [19, 18, "PassStateExited"],
      [20, 19, "MapIterationSucceeded"],
      [21, 19, "MapStateSucceeded"],
      [22, 21, "MapStateExited"],
      [23, 22, "SucceedStateEntered"],
      [24, 23, "SucceedStateExited"],
      [25, 24, "ExecutionSucceeded"],
    ]);
    expect(execution.history[4]).toMatchObject({
      lambdaFunctionScheduledEventDetails: {
        resource: "arn:aws:lambda:us-east-1:123456789012:function:double",
        input: '{"items":[1,2]}',
      },
    });
    expect(execution.history.at(-1)).toMatchObject({
      executionSucceededEventDetails: { output: "[1,2]", outputDetails: { truncated: false } },
    });
  });

  it("streams events to onEvent, also when it keeps no history", async () => {
    const types: string[] = [];
    const { execution, clock } = startLocal(
      { StartAt: "P", States: { P: { Type: "Pass", End: true } } },
      { recordHistory: false, onEvent: (event) => types.push(event.type) },
    );
    await runOnVirtualClock(execution, clock);
    expect(execution.history).toEqual([]);
    expect(types).toEqual([
      "ExecutionStarted",
      "PassStateEntered",
      "PassStateExited",
      "ExecutionSucceeded",
    ]);
  });

  it("stops on StopExecution, even while a Wait state waits", async () => {
    const { execution, clock } = startLocal({
      StartAt: "Sleep",
      States: { Sleep: { Type: "Wait", Seconds: 3600, End: true } },
    });
    await clock.advance(1000);
    expect(execution.stop("Operator", "No longer needed")).toBe(true);
    expect(await execution.result).toEqual({
      status: "ABORTED",
      error: "Operator",
      cause: "No longer needed",
    });
    expect(execution.stop()).toBe(false);
    expect(execution.history.at(-1)).toMatchObject({
      type: "ExecutionAborted",
      executionAbortedEventDetails: { error: "Operator", cause: "No longer needed" },
    });
  });

  it("times out after the state machine's TimeoutSeconds", async () => {
    const { execution, clock } = startLocal({
      TimeoutSeconds: 10,
      StartAt: "Sleep",
      States: { Sleep: { Type: "Wait", Seconds: 60, End: true } },
    });
    const result = await runOnVirtualClock(execution, clock);
    expect(result).toEqual({ status: "TIMED_OUT", error: "States.Timeout" });
    expect(clock.now()).toBe(Date.UTC(2025, 0, 1) + 10_000);
    expect(execution.history.at(-1)?.type).toBe("ExecutionTimedOut");
  });

  it("retries on the clock with backoff capped at MaxDelaySeconds, then catches", async () => {
    const attempts: number[] = [];
    const { execution, clock } = startLocal(
      {
        StartAt: "Flaky",
        States: {
          Flaky: {
            Type: "Task",
            Resource: "arn:aws:states:::lambda:invoke",
            Parameters: { FunctionName: "flaky", "Payload.$": "$$.State.RetryCount" },
            Retry: [
              { ErrorEquals: ["Boom"], IntervalSeconds: 2, BackoffRate: 3, MaxDelaySeconds: 10 },
            ],
            Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Fallback" }],
            End: true,
          },
          Fallback: { Type: "Pass", End: true },
        },
      },
      {
        invoker: localInvoker({
          flaky: (retryCount) => {
            attempts.push(clock.now());
            throw { error: "Boom", cause: `attempt ${retryCount}` };
          },
        }),
      },
    );
    const start = clock.now();
    const result = await runOnVirtualClock(execution, clock);
    expect(attempts.map((time) => (time - start) / 1000)).toEqual([0, 2, 8, 18]);
    expect(result).toEqual({
      status: "SUCCEEDED",
      output: { error: { Error: "Boom", Cause: "attempt 3" } },
    });
  });

  it("fails a task that runs past its TimeoutSeconds with States.Timeout", async () => {
    const { execution, clock } = startLocal(
      {
        StartAt: "Slow",
        States: {
          Slow: {
            Type: "Task",
            Resource: "arn:aws:lambda:us-east-1:123456789012:function:slow",
            TimeoutSeconds: 5,
            End: true,
          },
        },
      },
      {
        invoker: localInvoker({
          slow: (_payload, request) =>
            new Promise((resolve) => request.signal.addEventListener("abort", resolve)),
        }),
      },
    );
    expect(await runOnVirtualClock(execution, clock)).toEqual({
      status: "FAILED",
      error: "States.Timeout",
    });
    expect(execution.history.map((event) => event.type)).toContain("LambdaFunctionTimedOut");
  });
});

describe(".waitForTaskToken", () => {
  const CALLBACK = {
    StartAt: "Ask",
    States: {
      Ask: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke.waitForTaskToken",
        Parameters: { FunctionName: "ask", Payload: { "token.$": "$$.Task.Token" } },
        HeartbeatSeconds: 30,
        End: true,
      },
    },
  };

  function startCallback() {
    const tokens: string[] = [];
    const taskTokens = new TaskTokenRegistry();
    const invoker = localInvoker({
      ask: (payload) => {
        tokens.push((payload as { token: string }).token);
        return null;
      },
    });
    return { tokens, taskTokens, ...startLocal(CALLBACK, { invoker, taskTokens }) };
  }

  it("delivers the token to the function and completes with SendTaskSuccess", async () => {
    const { execution, clock, tokens, taskTokens } = startCallback();
    await clock.advance(1000);
    expect(tokens).toHaveLength(1);
    expect(taskTokens.sendTaskHeartbeat(tokens[0]!)).toBe(true);
    await clock.advance(20_000);
    expect(execution.sendTaskSuccess(tokens[0]!, { approved: true })).toBe(true);
    expect(await execution.result).toEqual({ status: "SUCCEEDED", output: { approved: true } });
    expect(taskTokens.sendTaskSuccess(tokens[0]!, {})).toBe(false);
    expect(execution.history.map((event) => event.type)).toEqual([
      "ExecutionStarted",
      "TaskStateEntered",
      "TaskScheduled",
      "TaskStarted",
      "TaskSubmitted",
      "TaskSucceeded",
      "TaskStateExited",
      "ExecutionSucceeded",
    ]);
  });

  it("fails with the error given to SendTaskFailure", async () => {
    const { execution, clock, tokens } = startCallback();
    await clock.advance(1000);
    execution.sendTaskFailure(tokens[0]!, "Rejected", "Not approved");
    expect(await execution.result).toEqual({
      status: "FAILED",
      error: "Rejected",
      cause: "Not approved",
    });
  });

  it("fails with States.HeartbeatTimeout when no heartbeat arrives in time", async () => {
    const { execution, clock } = startCallback();
    expect(await runOnVirtualClock(execution, clock)).toEqual({
      status: "FAILED",
      error: "States.HeartbeatTimeout",
    });
    expect(clock.now()).toBe(Date.UTC(2025, 0, 1) + 30_000);
  });
});
