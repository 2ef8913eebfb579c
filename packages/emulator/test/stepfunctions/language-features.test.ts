import { describe, expect, it } from "vitest";
import { lambdaFunctionNotFound } from "../../src/stepfunctions/index.js";
import { localInvoker, startLocal } from "./support/local-executions.js";
import { runOnVirtualClock } from "./support/run-case.js";

async function run(definition: unknown, input: unknown = {}, invoker = localInvoker({})) {
  const { execution, clock } = startLocal(definition, {
    input,
    invoker,
    randomness: { random: () => 0.25, uuid: () => "00000000-0000-4000-8000-000000000000" },
  });
  return runOnVirtualClock(execution, clock);
}

function pass(field: Record<string, unknown>, queryLanguage = "JSONPath") {
  return {
    QueryLanguage: queryLanguage,
    StartAt: "P",
    States: { P: { Type: "Pass", ...field, End: true } },
  };
}

describe("JSONata", () => {
  it("offers the functions Step Functions adds", async () => {
    const output = {
      hash: "{% $hash('input data', 'MD5') %}",
      uuid: "{% $uuid() %}",
      random: "{% $random() %}",
      seeded: "{% $random(7) = $random(7) %}",
      parsed: "{% $parse('{\"a\": [1]}') %}",
      range: "{% $range(0, 4, 2) %}",
      partition: "{% $partition([1, 2, 3], 2) %}",
    };
    expect(await run(pass({ Output: output }, "JSONata"))).toEqual({
      status: "SUCCEEDED",
      output: {
        hash: "812f45842bc6d66ee14572ce20db8e86",
        uuid: "00000000-0000-4000-8000-000000000000",
        random: 0.25,
        seeded: true,
        parsed: { a: [1] },
        range: [0, 2, 4],
        partition: [[1, 2], [3]],
      },
    });
  });

  it("does not offer $eval", async () => {
    expect(await run(pass({ Output: "{% $eval('1') %}" }, "JSONata"))).toMatchObject({
      status: "FAILED",
      error: "States.QueryEvaluationError",
    });
  });

  it("fails a Condition that is not a boolean", async () => {
    const definition = {
      QueryLanguage: "JSONata",
      StartAt: "C",
      States: {
        C: { Type: "Choice", Choices: [{ Condition: "{% 'yes' %}", Next: "D" }], Default: "D" },
        D: { Type: "Succeed" },
      },
    };
    expect(await run(definition)).toMatchObject({
      status: "FAILED",
      error: "States.QueryEvaluationError",
    });
  });
});

describe("intrinsic functions", () => {
  it("formats with escaped braces and Java's rendering of objects", async () => {
    const parameters = { "text.$": "States.Format('\\{{}\\} {}', $.a, $.b)" };
    expect(await run(pass({ Parameters: parameters }), { a: [1, "x"], b: { k: null } })).toEqual({
      status: "SUCCEEDED",
      output: { text: "{[1, x]} {k=null}" },
    });
  });

  it("fail with States.IntrinsicFailure on arguments they refuse", async () => {
    const parameters = { "item.$": "States.ArrayGetItem($.list, 5)" };
    expect(await run(pass({ Parameters: parameters }), { list: [1] })).toEqual({
      status: "FAILED",
      error: "States.IntrinsicFailure",
      cause:
        "An error occurred while executing the state 'P' (entered at the event id #2). Invalid arguments in States.ArrayGetItem($.list, 5): the index 5 is out of bounds",
    });
  });
});

describe("states", () => {
  it("fail with States.NoChoiceMatched when no rule holds and there is no Default", async () => {
    const definition = {
      StartAt: "C",
      States: {
        C: { Type: "Choice", Choices: [{ Variable: "$.x", StringMatches: "a*\\*", Next: "D" }] },
        D: { Type: "Succeed" },
      },
    };
    expect(await run(definition, { x: "abc*" })).toMatchObject({ status: "SUCCEEDED" });
    expect(await run(definition, { x: "abc" })).toMatchObject({
      status: "FAILED",
      error: "States.NoChoiceMatched",
    });
  });

  it("stop the other Parallel branches when one fails", async () => {
    const started: string[] = [];
    const invoker = localInvoker({
      slow: (_payload, request) =>
        new Promise((resolve) => {
          started.push("slow");
          request.signal.addEventListener("abort", resolve);
        }),
      broken: () => {
        throw { error: "Broken" };
      },
    });
    const task = (name: string) => ({
      StartAt: name,
      States: {
        [name]: {
          Type: "Task",
          Resource: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
          End: true,
        },
      },
    });
    const definition = {
      StartAt: "Both",
      States: { Both: { Type: "Parallel", Branches: [task("slow"), task("broken")], End: true } },
    };
    expect(await run(definition, {}, invoker)).toEqual({ status: "FAILED", error: "Broken" });
    expect(started).toEqual(["slow"]);
  });
});

describe("tasks", () => {
  it("send lambda:invoke's Payload as Lambda receives it, and name functions by ARN", async () => {
    const invoker = localInvoker({ echo: (payload) => payload });
    const definition = {
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Parameters: { "FunctionName.$": "$.fn", "Payload.$": "$.payload" },
          OutputPath: "$.Payload",
          End: true,
        },
      },
    };
    const input = {
      fn: "arn:aws:lambda:us-east-1:123456789012:function:echo:live",
      payload: "[1.0]",
    };
    expect(await run(definition, input, invoker)).toEqual({ status: "SUCCEEDED", output: [1] });
    expect(invoker.requests[0]).toMatchObject({
      kind: "lambda",
      functionName: "echo",
      qualifier: "live",
      payload: [1],
      payloadText: "[1.0]",
    });
  });

  it("report a missing function as Lambda.ResourceNotFoundException", async () => {
    const invoker = localInvoker({});
    invoker.invoke = async (request) => {
      if (request.kind !== "lambda") throw new Error("unexpected");
      return lambdaFunctionNotFound(request);
    };
    const definition = {
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Parameters: { FunctionName: "nope" },
          End: true,
        },
      },
    };
    const result = await run(definition, {}, invoker);
    expect(result).toMatchObject({ status: "FAILED", error: "Lambda.ResourceNotFoundException" });
    expect(result.status === "FAILED" && result.cause).toMatch(
      /^Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope:\$LATEST \(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]+; Proxy: null\)$/,
    );
  });

  it("hand other integrations to the invoker with their parameters", async () => {
    const resource = "arn:aws:states:::sqs:sendMessage";
    const invoker = localInvoker({ [resource]: () => ({ MessageId: "m-1" }) });
    const definition = {
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: resource,
          Parameters: { QueueUrl: "q", "MessageBody.$": "$" },
          End: true,
        },
      },
    };
    expect(await run(definition, { hello: 1 }, invoker)).toEqual({
      status: "SUCCEEDED",
      output: { MessageId: "m-1" },
    });
    expect(invoker.requests[0]).toMatchObject({
      kind: "service",
      resource,
      parameters: { QueueUrl: "q", MessageBody: { hello: 1 } },
    });
  });
});
