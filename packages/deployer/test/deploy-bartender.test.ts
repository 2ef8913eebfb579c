import { readFile } from "node:fs/promises";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type CodePackage,
  deployProject,
  journalPath,
  RESOURCE_KINDS,
  renderPlanText,
} from "../src/index.js";
import type { FakeAws } from "./fake/fake-aws.js";
import {
  bartenderAccount,
  bartenderProject,
  fakeDeployOptions,
  type LoadedApp,
} from "./support/bartender.js";

let app: LoadedApp;
let aws: FakeAws;

beforeAll(async () => {
  app = await bartenderProject();
}, 60_000);
beforeEach(() => {
  aws = bartenderAccount();
});
afterEach(() => aws.restore());

const deploy = (options = {}, project = app.project, code: CodePackage = app.code) =>
  deployProject(project, code, fakeDeployOptions(aws, options));

const functionArn = "arn:aws:lambda:us-east-1:123456789012:function:bartender-dev";

/** Operation names with how often each was called. */
function tally(calls: FakeAws["calls"]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls)
    counts[`${call.service}.${call.operation}`] =
      (counts[`${call.service}.${call.operation}`] ?? 0) + 1;
  return counts;
}

describe("a first deploy of examples/bartender", () => {
  it("plans every resource the app needs, in dependency order", async () => {
    const { plan } = await deploy({ dryRun: true });
    const text = renderPlanText(plan);
    expect(text).toContain("23 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged.");
    expect(plan.changes.every((c) => c.action === "create")).toBe(true);
    const ranks = plan.changes.map((c) => RESOURCE_KINDS.indexOf(c.kind));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    console.log(`Plan printed for examples/bartender:\n${text}`);
  });

  it("creates the function from the bundle, with its configuration and role", async () => {
    await deploy();
    const fn = aws.lambda.functions.get("bartender-dev")!;
    expect(fn.configuration).toMatchObject({
      Runtime: "nodejs22.x",
      Handler: "app.handler",
      MemorySize: 128,
      Timeout: 60,
      CodeSha256: app.code.sha256,
      Role: "arn:aws:iam::123456789012:role/domovoi/bartender/dev/bartender-dev",
      Environment: { Variables: { NODE_OPTIONS: "--enable-source-maps" } },
    });
    expect(fn.tags).toEqual({ "domovoi:app": "bartender", "domovoi:stage": "dev" });
    expect([...aws.iam.roles.get("bartender-dev")!.policies.keys()]).toEqual(["domovoi", "app"]);
  });

  it("schedules the two schedules in the stage's group with the runtime's envelope", async () => {
    await deploy();
    const foo = aws.scheduler.schedules.get("bartender-dev/bartender-dev-foo")!;
    expect(foo).toMatchObject({
      ScheduleExpression: "cron(0 18 ? * MON-FRI *)",
      ScheduleExpressionTimezone: "UTC",
      State: "ENABLED",
      Target: { Arn: functionArn, RoleArn: expect.stringContaining("bartender-dev-scheduler") },
    });
    expect(JSON.parse(String(foo.Target?.Input))).toEqual({
      version: "0",
      id: "<aws.scheduler.execution-id>",
      "detail-type": "Scheduled Event",
      source: "aws.scheduler",
      account: "123456789012",
      time: "<aws.scheduler.scheduled-time>",
      region: "us-east-1",
      resources: ["<aws.scheduler.schedule-arn>"],
      detail: {},
    });
    expect(aws.scheduler.schedules.get("bartender-dev/bartender-dev-bar")?.ScheduleExpression).toBe(
      "rate(1 minute)",
    );
  });

  it("wraps rule events in the runtime's input transformer", async () => {
    await deploy();
    const rule = aws.events.rules.get("default/bartender-dev-monitor_ecs_events")!;
    expect(JSON.parse(rule.pattern)).toEqual({ source: ["aws.ecs"] });
    expect([...rule.targets.values()]).toEqual([
      {
        Id: "domovoi",
        Arn: functionArn,
        InputTransformer: {
          InputTemplate:
            '{"domovoiRule": "<aws.events.rule-name>", "event": <aws.events.event.json>}',
        },
      },
    ]);
  });

  it("creates the missing topic and queue and wires every source", async () => {
    await deploy();
    expect(aws.sns.topics.has("arn:aws:sns:us-east-1:123456789012:bartender")).toBe(true);
    expect(aws.sqs.queues.get("my_queue")?.attributes.VisibilityTimeout).toBe("360");
    const mappings = [...aws.lambda.mappings.all.values()].map((m) => m.configuration);
    expect(mappings.find((m) => m.EventSourceArn?.endsWith(":my_queue"))).toMatchObject({
      BatchSize: 64,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    });
    expect(mappings.find((m) => m.EventSourceArn?.includes("MyDynamoTable"))).toMatchObject({
      BatchSize: 200,
      StartingPosition: "LATEST",
      FunctionResponseTypes: [],
    });
    expect(
      aws.logs.groups.get("watchtower")?.get("bartender-dev-monitor_cloudwatch_logs"),
    ).toMatchObject({
      filterPattern: "{ $.x = 8 }",
      destinationArn: functionArn,
    });
  });

  it("delivers the bucket's events through a bridge topic only the bucket may publish to", async () => {
    await deploy();
    const topicArn = "arn:aws:sns:us-east-1:123456789012:bartender-dev-monitor_s3";
    expect(aws.s3.buckets.get("my-s3-bucket")?.TopicConfigurations).toEqual([
      {
        Id: "domovoi:bartender-dev:monitor_s3",
        TopicArn: topicArn,
        Events: ["s3:ObjectCreated:*"],
        Filter: {
          Key: {
            FilterRules: [
              { Name: "Prefix", Value: "foo" },
              { Name: "Suffix", Value: ".bar" },
            ],
          },
        },
      },
    ]);
    expect(JSON.parse(aws.sns.topics.get(topicArn)!.attributes.Policy!).Statement).toEqual([
      {
        Sid: "s3-publish",
        Effect: "Allow",
        Principal: { Service: "s3.amazonaws.com" },
        Action: "sns:Publish",
        Resource: topicArn,
        Condition: {
          ArnLike: { "aws:SourceArn": "arn:aws:s3:::my-s3-bucket" },
          StringEquals: { "aws:SourceAccount": "123456789012" },
        },
      },
    ]);
  });

  it("points the state machine's Worker task at its alias", async () => {
    await deploy();
    const machine = aws.sfn.machines.get(
      "arn:aws:states:us-east-1:123456789012:stateMachine:bartender-dev-state-machine",
    )!;
    const alias = app.project.manifest.stateMachines[0]!.tasks[0]!.alias;
    expect(JSON.parse(machine.definition).States.Worker.Resource).toBe(`${functionArn}:${alias}`);
    expect(aws.lambda.functions.get("bartender-dev")!.aliases.get(alias)?.FunctionVersion).toBe(
      "$LATEST",
    );
  });

  it("records the deployed resources in .domovoi/deployed/<stage>.json", async () => {
    const result = await deploy();
    const journal = JSON.parse(await readFile(journalPath(app.project.dir, "dev"), "utf8"));
    expect(Object.keys(journal.resources).sort()).toEqual(result.resources.map((r) => r.id).sort());
    expect(result.resources.find((r) => r.kind === "function")?.arn).toBe(functionArn);
  });
});

describe("deploying again", () => {
  it("makes zero mutating calls when nothing changed", async () => {
    await deploy();
    const first = aws.calls.length;
    const firstMutating = aws.mutatingCalls().length;
    aws.resetCalls();
    const result = await deploy();
    expect(result.applied).toBe(false);
    expect(result.plan.changes).toEqual([]);
    expect(aws.mutatingCalls()).toEqual([]);
    console.log(
      `API calls: first deploy ${first} (${firstMutating} mutating), no-op redeploy ${aws.calls.length} (0 mutating)\n` +
        `no-op redeploy reads: ${JSON.stringify(tally(aws.calls))}`,
    );
  });

  it("updates only the code when only the code changed, and only when its SHA-256 differs", async () => {
    await deploy();
    aws.resetCalls();
    const code = { zip: Buffer.concat([app.code.zip, Buffer.from([0])]), sha256: "changed-sha" };
    const { plan } = await deploy({}, app.project, code);
    expect(plan.changes.map((c) => [c.action, c.id, c.fields.map((f) => f.path)])).toEqual([
      ["update", "function:bartender-dev", ["codeSha256"]],
    ]);
    expect(aws.mutatingCalls().map((c) => c.operation)).toEqual(["UpdateFunctionCode"]);
  });

  it("shows configuration changes field by field and applies them in one update", async () => {
    await deploy();
    aws.resetCalls();
    const project = {
      ...app.project,
      config: {
        ...app.project.config,
        lambdaMemorySize: 256,
        environmentVariables: { LOG_LEVEL: "debug" },
      },
    };
    const { plan } = await deploy({}, project);
    expect(plan.changes[0]?.fields).toEqual([
      { path: "environment.LOG_LEVEL", to: "debug" },
      { path: "memorySize", from: 128, to: 256 },
    ]);
    expect(renderPlanText(plan)).toContain("memorySize: 128 → 256");
    expect(aws.mutatingCalls().map((c) => c.operation)).toEqual(["UpdateFunctionConfiguration"]);
  });

  it("removes the dead-letter queue and reserved concurrency when their keys are removed", async () => {
    aws.sqs.seedQueue("dlq");
    const dlq = "arn:aws:sqs:us-east-1:123456789012:dlq";
    const withKeys = {
      ...app.project,
      config: {
        ...app.project.config,
        deadLetterQueueTargetArn: dlq,
        reservedConcurrentExecutions: 5,
      },
    };
    await deploy({}, withKeys);
    expect(aws.lambda.functions.get("bartender-dev")).toMatchObject({
      reserved: 5,
      configuration: { DeadLetterConfig: { TargetArn: dlq } },
    });
    aws.resetCalls();
    await deploy();
    const fn = aws.lambda.functions.get("bartender-dev")!;
    expect(fn.reserved).toBeUndefined();
    expect(fn.configuration.DeadLetterConfig).toBeUndefined();
    expect(
      aws
        .mutatingCalls()
        .map((c) => c.operation)
        .sort(),
    ).toEqual(["DeleteFunctionConcurrency", "PutRolePolicy", "UpdateFunctionConfiguration"]);
  });
});

describe("--dry-run", () => {
  it("makes read calls only, and says whether changes are pending", async () => {
    const before = await deploy({ dryRun: true });
    expect(before.plan.changes.length).toBeGreaterThan(0);
    expect(before.applied).toBe(false);
    expect(aws.calls.length).toBeGreaterThan(0);
    expect(aws.mutatingCalls()).toEqual([]);
    await deploy();
    aws.resetCalls();
    const after = await deploy({ dryRun: true });
    expect(after.plan.changes).toEqual([]);
    expect(aws.mutatingCalls()).toEqual([]);
  });
});
