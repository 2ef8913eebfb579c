import { existsSync } from "node:fs";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  DeletionNotConfirmedError,
  type DeployRunOptions,
  deployProject,
  journalPath,
  type Project,
} from "../src/index.js";
import type { FakeAws } from "./fake/fake-aws.js";
import {
  bartenderAccount,
  bartenderProject,
  fakeDeployOptions,
  type LoadedApp,
  withManifest,
} from "./support/bartender.js";
import { ownedBy } from "./support/owned.js";

let app: LoadedApp;
let aws: FakeAws;

beforeAll(async () => {
  app = await bartenderProject();
}, 60_000);
beforeEach(() => {
  aws = bartenderAccount();
});
afterEach(() => aws.restore());

const deploy = (options: DeployRunOptions = {}, project: Project = app.project) =>
  deployProject(project, app.code, fakeDeployOptions(aws, options));

/** The app without some handlers (and, for the worker, without its state machine). */
function without(...names: string[]): Project {
  const manifest = app.project.manifest;
  return withManifest(app.project, {
    ...manifest,
    registrations: manifest.registrations.filter((r) => !names.includes(r.name)),
    stateMachines: names.includes("worker") ? [] : manifest.stateMachines,
  });
}

describe("removing a handler", () => {
  it.each([
    [
      "tend",
      [
        "delete subscription:arn:aws:sns:us-east-1:123456789012:bartender->arn:aws:lambda:us-east-1:123456789012:function:bartender-dev",
        "delete permission:domovoi-sns-tend",
      ],
    ],
    [
      "monitor_ecs_events",
      [
        "delete event-rule:default/bartender-dev-monitor_ecs_events",
        "delete permission:domovoi-rule-monitor_ecs_events",
      ],
    ],
    ["foo", ["delete schedule:bartender-dev-foo"]],
    [
      "monitor_cloudwatch_logs",
      [
        "delete logs-filter:watchtower/bartender-dev-monitor_cloudwatch_logs",
        "delete permission:domovoi-logs-monitor_cloudwatch_logs",
      ],
    ],
    [
      "monitor_s3",
      [
        "delete s3-notification:my-s3-bucket/domovoi:bartender-dev:monitor_s3",
        "delete subscription:arn:aws:sns:us-east-1:123456789012:bartender-dev-monitor_s3->arn:aws:lambda:us-east-1:123456789012:function:bartender-dev",
        "delete permission:domovoi-sns-monitor_s3",
        "delete bridge-topic:bartender-dev-monitor_s3",
      ],
    ],
    [
      "handle_dynamodb_stream",
      [
        "delete event-source-mapping:arn:aws:dynamodb:us-east-1:123456789012:table/MyDynamoTable/stream/2024-01-01T00:00:00.000",
        "update role:bartender-dev",
      ],
    ],
    [
      "worker",
      [
        "delete state-machine:bartender-dev-state-machine",
        "delete alias:dv-ccddfc",
        "delete role:bartender-dev-state-machine-sfn",
        "update role:bartender-dev",
      ],
    ],
  ])("prunes exactly the resources of %s", async (handler, expected) => {
    await deploy();
    const { plan } = await deploy({}, without(handler));
    expect(plan.changes.map((c) => `${c.action} ${c.id}`)).toEqual(expected);
    aws.resetCalls();
    await deploy({}, without(handler));
    expect(aws.mutatingCalls()).toEqual([]);
  });

  it("keeps the user's topic and queue, and the bucket's other notifications", async () => {
    aws.s3.seedBucket("my-s3-bucket", {
      QueueConfigurations: [
        {
          Id: "someone-else",
          QueueArn: "arn:aws:sqs:us-east-1:123456789012:audit",
          Events: ["s3:ObjectRemoved:*"],
        },
      ],
    });
    aws.sqs.seedQueue("audit", { Policy: JSON.stringify(auditPolicy) });
    await deploy();
    await deploy({}, without("tend", "process_queue_messages", "monitor_s3"));
    expect(aws.sns.topics.has("arn:aws:sns:us-east-1:123456789012:bartender")).toBe(true);
    expect(aws.sqs.queues.has("my_queue")).toBe(true);
    expect(aws.s3.buckets.get("my-s3-bucket")).toEqual({
      QueueConfigurations: [
        {
          Id: "someone-else",
          QueueArn: "arn:aws:sqs:us-east-1:123456789012:audit",
          Events: ["s3:ObjectRemoved:*"],
        },
      ],
    });
  });

  it("needs a confirmation to delete anything", async () => {
    await deploy();
    aws.resetCalls();
    await expect(deploy({ yes: false }, without("tend"))).rejects.toThrow(
      DeletionNotConfirmedError,
    );
    expect(aws.mutatingCalls()).toEqual([]);
    const asked: number[] = [];
    await deploy(
      { yes: false, confirm: async (plan) => asked.push(plan.changes.length) > 0 },
      without("tend"),
    );
    expect(asked).toEqual([2]);
    expect(aws.mutatingCalls().map((c) => c.operation)).toEqual([
      "Unsubscribe",
      "RemovePermission",
    ]);
  });

  it("keeps what the app no longer uses with --no-prune", async () => {
    await deploy();
    aws.resetCalls();
    const { plan } = await deploy({ prune: false }, without("tend"));
    expect(plan.changes).toEqual([]);
    expect(plan.warnings[0]).toMatch(/^--no-prune kept 2 resources/);
    expect(aws.mutatingCalls()).toEqual([]);
  });
});

describe("--delete", () => {
  it("leaves nothing the stage owns behind", async () => {
    await deploy();
    expect(ownedBy(aws, "bartender-dev")).toHaveLength(16);
    const { plan } = await deploy({ delete: true });
    expect(plan.changes.every((c) => c.action === "delete")).toBe(true);
    expect(ownedBy(aws, "bartender-dev")).toEqual([]);
    expect(existsSync(journalPath(app.project.dir, "dev"))).toBe(false);
    // Users' topics and queues stay.
    expect(aws.sns.topics.has("arn:aws:sns:us-east-1:123456789012:bartender")).toBe(true);
    expect(aws.sqs.queues.has("my_queue")).toBe(true);
    aws.resetCalls();
    await deploy({ delete: true });
    expect(aws.mutatingCalls()).toEqual([]);
  });
});

const auditPolicy = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: "s3.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: "arn:aws:sqs:us-east-1:123456789012:audit",
      Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::my-s3-bucket" } },
    },
  ],
};
