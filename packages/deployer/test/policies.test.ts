import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deployProject, type Project } from "../src/index.js";
import type { FakeAws } from "./fake/fake-aws.js";
import { statementsOf } from "./fake/policy-check.js";
import {
  bartenderAccount,
  bartenderProject,
  fakeDeployOptions,
  type LoadedApp,
  withManifest,
} from "./support/bartender.js";
import { bucketFor, extendedProject, S3_DELIVERIES, seedExtended } from "./support/extended-app.js";
import { ownedBy } from "./support/owned.js";

let app: LoadedApp;
let aws: FakeAws;
let project: Project;

beforeAll(async () => {
  app = await bartenderProject();
}, 60_000);
beforeEach(() => {
  aws = bartenderAccount();
  project = extendedProject(app.project, seedExtended(aws));
});
afterEach(() => aws.restore());

const deploy = (options = {}, p: Project = project) =>
  deployProject(p, app.code, fakeDeployOptions(aws, options));

/** Every policy document in the account: trust, inline, resource policies of topics, queues, functions. */
function everyPolicy(): { where: string; document: unknown }[] {
  return [
    ...[...aws.iam.roles.values()].flatMap((role) => [
      { where: `trust of ${role.name}`, document: role.trust },
      ...[...role.policies].map(([name, document]) => ({
        where: `${role.name}/${name}`,
        document,
      })),
    ]),
    ...[...aws.sns.topics.values()].flatMap((t) =>
      t.attributes.Policy ? [{ where: t.arn, document: JSON.parse(t.attributes.Policy) }] : [],
    ),
    ...[...aws.sqs.queues.values()].flatMap((q) =>
      q.attributes.Policy ? [{ where: q.arn, document: JSON.parse(q.attributes.Policy) }] : [],
    ),
    ...[...aws.lambda.functions.values()].map((f) => ({
      where: `policy of ${f.configuration.FunctionName}`,
      document: { Statement: f.statements },
    })),
  ];
}

describe("an app with every kind of source", () => {
  it("deploys, then redeploys with zero mutating calls", async () => {
    const { plan } = await deploy();
    expect(plan.changes.length).toBeGreaterThan(40);
    aws.resetCalls();
    const again = await deploy();
    expect(again.plan.changes).toEqual([]);
    expect(aws.mutatingCalls()).toEqual([]);
  });

  it("gives every AddPermission a SourceArn, and a SourceAccount for S3, SES and Logs", async () => {
    await deploy();
    const added = aws.calls.filter((c) => c.operation === "AddPermission").map((c) => c.input);
    expect(added.map((input) => input.Principal).sort()).toEqual([
      "elasticloadbalancing.amazonaws.com",
      "events.amazonaws.com",
      "events.amazonaws.com",
      "events.amazonaws.com",
      "logs.amazonaws.com",
      "s3.amazonaws.com",
      "ses.amazonaws.com",
      "sns.amazonaws.com",
      "sns.amazonaws.com",
    ]);
    for (const input of added) {
      expect(input.SourceArn, JSON.stringify(input)).toMatch(/^arn:aws:/);
      if (
        ["s3.amazonaws.com", "ses.amazonaws.com", "logs.amazonaws.com"].includes(
          String(input.Principal),
        )
      ) {
        expect(input.SourceAccount).toBe("123456789012");
      }
    }
    expect(new Set(added.map((input) => input.StatementId)).size).toBe(added.length);
  });

  it("writes no policy with a bare '*' principal, and no identity statement on every resource", async () => {
    await deploy();
    for (const { where, document } of everyPolicy()) {
      for (const statement of statementsOf(document)) {
        const principal = statement.Principal as unknown;
        const wildcard =
          principal === "*" ||
          (typeof principal === "object" && JSON.stringify(principal).includes('"*"'));
        expect(wildcard, `${where}: ${JSON.stringify(statement)}`).toBe(false);
        expect([statement.Resource].flat(), `${where}: ${JSON.stringify(statement)}`).not.toContain(
          "*",
        );
      }
    }
  });

  it("lets Scheduler and Step Functions assume their roles only for this account", async () => {
    await deploy();
    for (const name of ["bartender-dev-scheduler", "bartender-dev-state-machine-sfn"]) {
      expect(statementsOf(aws.iam.roles.get(name)!.trust)[0]?.Condition).toEqual({
        StringEquals: { "aws:SourceAccount": "123456789012" },
      });
    }
    expect(aws.iam.roles.get("bartender-dev-scheduler")!.policies.get("invoke")).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "lambda:InvokeFunction",
          Resource: "arn:aws:lambda:us-east-1:123456789012:function:bartender-dev",
        },
      ],
    });
  });

  it("delivers S3 events in every mode, with ReportBatchItemFailures on bridge queues", async () => {
    await deploy();
    const entries = S3_DELIVERIES.map((delivery) => aws.s3.buckets.get(bucketFor(delivery))!);
    expect(entries.map((c) => Object.keys(c).sort().join())).toEqual([
      "LambdaFunctionConfigurations",
      "TopicConfigurations",
      "QueueConfigurations",
      "TopicConfigurations",
      "EventBridgeConfiguration",
    ]);
    const bridgeMappings = [...aws.lambda.mappings.all.values()]
      .map((m) => m.configuration)
      .filter((m) => m.EventSourceArn?.includes("bartender-dev-uploads"));
    expect(bridgeMappings.map((m) => m.FunctionResponseTypes)).toEqual([
      ["ReportBatchItemFailures"],
      ["ReportBatchItemFailures"],
    ]);
    const rule = aws.events.rules.get("default/bartender-dev-uploads_eventbridge")!;
    expect(JSON.parse(rule.pattern)).toEqual({
      source: ["aws.s3"],
      "detail-type": ["Object Created"],
      detail: {
        bucket: { name: ["uploads-eventbridge"] },
        object: { key: [{ wildcard: "in/*.csv" }] },
      },
    });
  });

  it("switches a handler between delivery modes, converging each time", async () => {
    await deploy();
    for (const delivery of ["sqs", "eventbridge", "direct", "sns-sqs"] as const) {
      const manifest = {
        ...project.manifest,
        registrations: project.manifest.registrations.map((r) =>
          r.kind === "s3" && r.name === "uploads_direct"
            ? { ...r, options: { ...r.options, delivery } }
            : r,
        ),
      };
      const switched = withManifest(project, manifest);
      await deploy({}, switched);
      aws.resetCalls();
      expect((await deploy({}, switched)).plan.changes).toEqual([]);
    }
  });

  it("--delete leaves nothing owned, EventBridge delivery off again where Domovoi turned it on", async () => {
    aws.s3.seedBucket("uploads-sns", { EventBridgeConfiguration: {} });
    await deploy();
    await deploy({ delete: true });
    expect(ownedBy(aws, "bartender-dev")).toEqual([]);
    expect(aws.s3.buckets.get("uploads-eventbridge")).toEqual({});
    expect(aws.s3.buckets.get("uploads-sns")).toEqual({ EventBridgeConfiguration: {} });
  });
});
