import {
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  type Target,
} from "@aws-sdk/client-eventbridge";
import { beforeEach, describe, expect, it } from "vitest";
import { FUNCTION_ARN, failureOf, queueArn, topicArn, useEventBridgeEmulator } from "./harness.js";

const emulator = useEventBridgeEmulator();

beforeEach(async () => {
  await emulator().events.send(
    new PutRuleCommand({ Name: "r", EventPattern: '{"source":["shop"]}' }),
  );
});

const putTargets = (Targets: Target[]) =>
  emulator().events.send(new PutTargetsCommand({ Rule: "r", Targets }));

const listTargets = async () =>
  (await emulator().events.send(new ListTargetsByRuleCommand({ Rule: "r" }))).Targets;

describe("PutTargets and ListTargetsByRule", () => {
  it("adds targets of every kind delivered and lists them as they were put", async () => {
    const targets: Target[] = [
      {
        Id: "fn",
        Arn: FUNCTION_ARN,
        InputTransformer: {
          InputPathsMap: { kind: "$.detail.kind" },
          InputTemplate: '{"kind": <kind>}',
        },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 600 },
        DeadLetterConfig: { Arn: queueArn("dlq") },
      },
      { Id: "queue", Arn: queueArn("q"), InputPath: "$.detail" },
      { Id: "topic", Arn: topicArn("t"), Input: '{"fixed":true}' },
    ];
    expect(await putTargets(targets)).toMatchObject({ FailedEntryCount: 0, FailedEntries: [] });
    expect(await listTargets()).toEqual(targets);
  });

  it("replaces a target of the same id", async () => {
    await putTargets([{ Id: "t", Arn: queueArn("a") }]);
    await putTargets([{ Id: "t", Arn: queueArn("b") }]);
    expect(await listTargets()).toEqual([{ Id: "t", Arn: queueArn("b") }]);
  });

  it("pages ListTargetsByRule", async () => {
    await putTargets(["t0", "t1", "t2", "t3", "t4"].map((Id) => ({ Id, Arn: queueArn("q") })));
    const { events } = emulator();
    const first = await events.send(new ListTargetsByRuleCommand({ Rule: "r", Limit: 3 }));
    expect(first.Targets?.map((target) => target.Id)).toEqual(["t0", "t1", "t2"]);
    const second = await events.send(
      new ListTargetsByRuleCommand({ Rule: "r", Limit: 3, NextToken: first.NextToken }),
    );
    expect(second.Targets?.map((target) => target.Id)).toEqual(["t3", "t4"]);
  });

  it("reports a target the emulator does not deliver to as a failed entry", async () => {
    const stateMachine = "arn:aws:states:us-east-1:000000000000:stateMachine:flow";
    const result = await putTargets([
      { Id: "ok", Arn: queueArn("q") },
      { Id: "flow", Arn: stateMachine },
    ]);
    expect(result.FailedEntryCount).toBe(1);
    expect(result.FailedEntries).toEqual([
      {
        TargetId: "flow",
        ErrorCode: "NotEmulated",
        ErrorMessage: `The Domovoi emulator does not deliver EventBridge events to ${stateMachine} (it delivers to lambda, sqs, sns).`,
      },
    ]);
    expect((await listTargets())?.map((target) => target.Id)).toEqual(["ok"]);
  });

  it("refuses a sixth target (recorded)", async () => {
    await putTargets(["t0", "t1", "t2", "t3", "t4"].map((Id) => ({ Id, Arn: queueArn("q") })));
    expect(await failureOf(putTargets([{ Id: "t5", Arn: queueArn("q") }]))).toMatchObject({
      name: "LimitExceededException",
      message: "The requested resource exceeds the maximum number allowed.",
    });
  });

  it("validates target ids with the model's messages (recorded)", async () => {
    expect(await failureOf(putTargets([{ Id: "!@#$@!#$", Arn: queueArn("q") }]))).toMatchObject({
      name: "ValidationException",
      message:
        "1 validation error detected: Value '!@#$@!#$' at 'targets.1.member.id' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    });
    const long = "x".repeat(65);
    expect(await failureOf(putTargets([{ Id: long, Arn: queueArn("q") }]))).toMatchObject({
      message: `1 validation error detected: Value '${long}' at 'targets.1.member.id' failed to satisfy constraint: Member must have length less than or equal to 64`,
    });
  });

  it("refuses more than one kind of input (recorded)", async () => {
    const failure = await failureOf(
      putTargets([
        {
          Id: "t",
          Arn: queueArn("q"),
          InputPath: "$.detail",
          InputTransformer: { InputTemplate: '"x"' },
        },
      ]),
    );
    expect(failure).toMatchObject({
      name: "ValidationException",
      message: "Only one of Input, InputPath, or InputTransformer must be provided for target t.",
    });
  });

  it("refuses a template placeholder that is neither mapped nor predefined (recorded)", async () => {
    const failure = await failureOf(
      putTargets([
        {
          Id: "t",
          Arn: queueArn("q"),
          InputTransformer: {
            InputPathsMap: { kind: "$.detail.kind" },
            InputTemplate: '{"kind": <kind>, "missing": <notdefinedkey>}',
          },
        },
      ]),
    );
    expect(failure).toMatchObject({
      name: "ValidationException",
      message: "InputTemplate for target t contains invalid placeholder notdefinedkey.",
    });
  });

  it("refuses an ARN that is not one", async () => {
    expect(await failureOf(putTargets([{ Id: "t", Arn: "my-queue" }]))).toMatchObject({
      name: "ValidationException",
      message: "Parameter my-queue is not valid. Reason: Provided Arn is not in correct format.",
    });
  });

  it("checks the retry policy's ranges", async () => {
    const failure = await failureOf(
      putTargets([{ Id: "t", Arn: queueArn("q"), RetryPolicy: { MaximumRetryAttempts: 200 } }]),
    );
    expect(failure.message).toBe(
      "1 validation error detected: Value '200' at 'targets.1.member.retryPolicy.maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 185",
    );
  });

  it("refuses targets of a rule that does not exist", async () => {
    const failure = await failureOf(
      emulator().events.send(
        new PutTargetsCommand({ Rule: "nope", Targets: [{ Id: "t", Arn: queueArn("q") }] }),
      ),
    );
    expect(failure).toMatchObject({
      name: "ResourceNotFoundException",
      message: "Rule nope does not exist on EventBus default.",
    });
  });
});

describe("RemoveTargets", () => {
  it("removes targets by id and ignores ids the rule does not have", async () => {
    await putTargets([
      { Id: "a", Arn: queueArn("q") },
      { Id: "b", Arn: queueArn("q") },
    ]);
    const result = await emulator().events.send(
      new RemoveTargetsCommand({ Rule: "r", Ids: ["a", "zzz"] }),
    );
    expect(result).toMatchObject({ FailedEntryCount: 0, FailedEntries: [] });
    expect((await listTargets())?.map((target) => target.Id)).toEqual(["b"]);
  });
});
