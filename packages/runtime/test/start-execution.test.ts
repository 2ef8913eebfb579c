import { SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import {
  Domovoi,
  type DomovoiContext,
  RegistrationError,
  StartExecutionError,
  type StepFunctionsClient,
} from "../src/index.js";
import { fixtureLabelled } from "./support/fixtures.js";
import { ACCOUNT, lambdaContext, REGION } from "./support/lambda-context.js";

const definition = () => ({
  StartAt: "Worker",
  States: { Worker: { Type: "Task", Resource: null, End: true } },
});

const started = {
  executionArn: "arn:aws:states:us-east-1:123456789012:execution:x:y",
  startDate: new Date(0),
};

describe("startExecution", () => {
  const sfn = mockClient(SFNClient);
  afterEach(() => sfn.reset());

  it("starts the app's only machine, next to the invoked function, with a lazily loaded client", async () => {
    sfn.on(StartExecutionCommand).resolves(started);
    const app = new Domovoi({ name: "bartender" });
    app.registerStateMachine(definition());
    app.sqsQueueSubscriber("my-queue", async (_event, context: DomovoiContext) => {
      expect(context.stepFunctionsTaskName).toBeUndefined();
      return app.stateMachine.startExecution({ beer: 1 }, { name: "first" });
    });
    const result = await app.handler(
      fixtureLabelled("sqs"),
      lambdaContext("bartender-prod", "live"),
    );
    expect(result).toEqual(started);
    expect(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input).toEqual({
      stateMachineArn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:bartender-prod-state-machine`,
      input: '{"beer":1}',
      name: "first",
    });
  });

  it("uses an injected client, and each handle's own machine", async () => {
    const sent: unknown[] = [];
    const client: StepFunctionsClient = {
      send: async (command: { input: unknown }) => {
        sent.push(command.input);
        return started;
      },
    } as never;
    const app = new Domovoi({ name: "bartender", stepFunctionsClient: client });
    const billing = app.registerStateMachine(definition(), { name: "billing" });
    app.registerStateMachine(definition(), { name: "shipping" });
    app.sqsQueueSubscriber("my-queue", async () => billing.startExecution());
    await app.handler(fixtureLabelled("sqs"), lambdaContext("bartender-dev"));
    expect(sent).toEqual([
      {
        stateMachineArn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:bartender-dev-billing`,
        input: "{}",
      },
    ]);
    expect(sfn.calls()).toHaveLength(0);
    await expect(app.stateMachine.startExecution()).rejects.toThrow(RegistrationError);
  });

  it("needs an invocation to locate the machine", async () => {
    const app = new Domovoi({ name: "bartender" });
    app.registerStateMachine(definition());
    await expect(app.stateMachine.startExecution()).rejects.toThrow(StartExecutionError);
  });
});
