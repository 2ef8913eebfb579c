import { describe, expect, it } from "vitest";
import {
  Domovoi,
  type DomovoiContext,
  InvalidStateMachineError,
  NoHandlerError,
  RegistrationError,
  stateMachineDefinition,
  taskAlias,
} from "../src/index.js";
import { fixtureLabelled } from "./support/fixtures.js";
import { lambdaContext } from "./support/lambda-context.js";

const task = (name: string) => ({ Type: "Task", Resource: null, End: true, Comment: name });

/** A machine with tasks at the top level, in Parallel branches, and in both Map forms. */
function nestedDefinition(worker: unknown) {
  return {
    StartAt: "Fan",
    States: {
      Fan: {
        Type: "Parallel",
        Branches: [
          { StartAt: "Left", States: { Left: { Type: "Task", Resource: worker, End: true } } },
          { StartAt: "Right", States: { Right: task("right") } },
        ],
        Next: "Each",
      },
      Each: {
        Type: "Map",
        Iterator: { StartAt: "Item", States: { Item: task("item") } },
        Next: "Process",
      },
      Process: {
        Type: "Map",
        ItemProcessor: {
          ProcessorConfig: { Mode: "INLINE" },
          StartAt: "Piece",
          States: { Piece: task("piece") },
        },
        Next: "Done",
      },
      Done: { Type: "Succeed" },
    },
  };
}

describe("state machine registration", () => {
  it("finds tasks everywhere: Resource functions and stepFunctionTask, before or after", () => {
    const app = new Domovoi({ name: "bartender" });
    async function left() {}
    const definition = nestedDefinition(left);
    app.stepFunctionTask(
      { stateName: "Right", stateMachine: definition },
      async function right() {},
    );
    const handle = app.registerStateMachine(definition, { name: "pipeline" });
    app.stepFunctionTask({ stateName: "Item", stateMachine: "pipeline" }, async function item() {});
    app.stepFunctionTask(
      { name: "pieces", stateName: "Piece", stateMachine: handle },
      async () => {},
    );
    const manifest = app.manifest();
    const [machine] = manifest.stateMachines;
    expect(handle.name).toBe("pipeline");
    expect(machine!.tasks).toEqual([
      { stateName: "Right", registration: "right", alias: taskAlias("pipeline", "Right") },
      { stateName: "Left", registration: "left", alias: taskAlias("pipeline", "Left") },
      { stateName: "Item", registration: "item", alias: taskAlias("pipeline", "Item") },
      { stateName: "Piece", registration: "pieces", alias: taskAlias("pipeline", "Piece") },
    ]);
    expect(branchState(machine!.definition, 0, "Left").Resource).toBe(
      `\${DomovoiFunctionArn}:${taskAlias("pipeline", "Left")}`,
    );
    expect(manifest.registrations.map((r) => [r.kind, r.name, r.key])).toContainEqual([
      "step-functions-task",
      "pieces",
      taskAlias("pipeline", "Piece"),
    ]);
  });

  it("names a sole machine by default and requires names when there are several", () => {
    const app = new Domovoi({ name: "bartender" });
    app.registerStateMachine(nestedDefinition(async function worker() {}));
    expect(app.manifest().stateMachines.map((m) => m.name)).toEqual(["state-machine"]);
    expect(app.stateMachine.name).toBe("state-machine");

    const two = new Domovoi({ name: "bartender" });
    two.registerStateMachine({ StartAt: "A", States: { A: { Type: "Pass", End: true } } });
    two.registerStateMachine({ StartAt: "B", States: { B: { Type: "Pass", End: true } } });
    expect(() => two.manifest()).toThrow(/name every state machine/);
    expect(() => two.stateMachine.name).toThrow(RegistrationError);
  });

  it("checks the structure of definitions", () => {
    const app = new Domovoi({ name: "bartender" });
    const bad = [
      { States: { A: { Type: "Pass", End: true } } },
      { StartAt: "B", States: { A: { Type: "Pass", End: true } } },
      { StartAt: "A", States: { A: { Type: "Pass", Next: "Nowhere" } } },
      { StartAt: "A", States: { A: { Type: "Pass" } } },
      { StartAt: "A", States: { A: { Type: "Teleport", End: true } } },
      { StartAt: "A", States: { A: { Type: "Choice", Choices: [{ Next: "Z" }] } } },
      {
        StartAt: "A",
        States: {
          A: {
            Type: "Parallel",
            Branches: [{ StartAt: "A", States: { A: { Type: "Pass", End: true } } }],
            End: true,
          },
        },
      },
      { StartAt: "A", States: { A: { Type: "Map", End: true } } },
      "not an object",
    ];
    for (const definition of bad) {
      expect(() => app.registerStateMachine(definition as object)).toThrow(
        InvalidStateMachineError,
      );
    }
  });

  it("rejects tasks that do not resolve and a definition registered twice", () => {
    const app = new Domovoi({ name: "bartender" });
    const definition = nestedDefinition(null);
    app.registerStateMachine(definition, { name: "pipeline" });
    expect(() => app.registerStateMachine(definition)).toThrow(/already registered as pipeline/);
    expect(() =>
      app.stepFunctionTask({ stateName: "Done", stateMachine: definition }, async () => {}),
    ).toThrow(/no Task state of that name/);
    expect(() =>
      app.stepFunctionTask({ stateName: "Right", stateMachine: "elsewhere" }, async () => {}),
    ).toThrow(/no state machine is registered as "elsewhere"/);
    app.stepFunctionTask({ stateName: "Right", stateMachine: definition }, async () => {});
    expect(() =>
      app.stepFunctionTask({ stateName: "Right", stateMachine: definition }, async () => {}),
    ).toThrow(/already has a handler/);
  });

  it("fills in the function ARN for deployment", () => {
    const app = new Domovoi({ name: "bartender" });
    app.registerStateMachine(nestedDefinition(async function worker() {}));
    const [machine] = app.manifest().stateMachines;
    const arn = "arn:aws:lambda:us-east-1:123456789012:function:bartender-dev";
    const definition = stateMachineDefinition(machine!, arn);
    expect(branchState(definition, 0, "Left").Resource).toBe(
      `${arn}:${taskAlias("state-machine", "Left")}`,
    );
    expect(branchState(definition, 1, "Right").Resource).toBeNull();
  });
});

/** A state of one of the `Fan` Parallel state's branches. */
function branchState(definition: object, branch: number, name: string) {
  const fan = (definition as { States: { Fan: { Branches: { States: object }[] } } }).States.Fan;
  return (fan.Branches[branch]!.States as Record<string, { Resource?: unknown }>)[name]!;
}

describe("task routing", () => {
  it("routes by the qualifier of invokedFunctionArn, passing the input unchanged", async () => {
    const app = new Domovoi({ name: "bartender" });
    const seen: [unknown, string | undefined][] = [];
    const worker = async (event: unknown, context: DomovoiContext) => {
      seen.push([event, context.stepFunctionsTaskName]);
      return { result: (event as { input: number }).input + 1 };
    };
    app.registerStateMachine(
      { StartAt: "Worker", States: { Worker: { Type: "Task", Resource: worker, End: true } } },
      { name: "loop" },
    );
    // Even an input that imitates an SQS event is the task's input: no payload field routes.
    app.sqsQueueSubscriber("my-queue", { name: "queue" }, async () => {
      throw new Error("must not run");
    });
    const input = fixtureLabelled("sqs");
    const context = lambdaContext("bartender-dev", taskAlias("loop", "Worker"));
    await expect(app.handler({ input: 1 }, context)).resolves.toEqual({ result: 2 });
    await app.handler(input, context);
    expect(seen).toEqual([
      [{ input: 1 }, "Worker"],
      [input, "Worker"],
    ]);
  });

  it("ignores other qualifiers and reports unknown task aliases", async () => {
    const app = new Domovoi({ name: "bartender" });
    app.sqsQueueSubscriber("my-queue", async () => "queue");
    const sqs = fixtureLabelled("sqs");
    await expect(app.handler(sqs, lambdaContext("bartender-dev", "live"))).resolves.toBe("queue");
    await expect(app.handler({}, lambdaContext("bartender-dev", "dv-000000"))).rejects.toThrow(
      NoHandlerError,
    );
  });
});
