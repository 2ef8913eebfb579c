import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { desiredState } from "../src/desired/index.js";
import {
  deployProject,
  type Project,
  planJson,
  RESOURCE_KINDS,
  renderPlanText,
} from "../src/index.js";
import { diffProperties } from "../src/model/diff.js";
import { executionSteps } from "../src/plan/order.js";
import type { Change } from "../src/plan/plan.js";
import type { FakeAws } from "./fake/fake-aws.js";
import {
  bartenderAccount,
  bartenderProject,
  fakeDeployOptions,
  type LoadedApp,
  withManifest,
} from "./support/bartender.js";
import { extendedProject } from "./support/extended-app.js";

let app: LoadedApp;
let aws: FakeAws;

beforeAll(async () => {
  app = await bartenderProject();
}, 60_000);
beforeEach(() => {
  aws = bartenderAccount();
});
afterEach(() => aws.restore());

const deploy = (project: Project = app.project, options = {}) =>
  deployProject(project, app.code, fakeDeployOptions(aws, options));

describe("diffProperties", () => {
  it("compares objects field by field and anything else whole, ignoring key order", () => {
    expect(
      diffProperties(
        { a: 1, env: { X: "1", Y: "2" }, list: [1, 2], policy: { b: 1, a: 2 } },
        { a: 2, env: { X: "1", Z: "3" }, list: [2, 1], policy: { a: 2, b: 1 } },
      ),
    ).toEqual([
      { path: "a", from: 1, to: 2 },
      { path: "env.Y", from: "2" },
      { path: "env.Z", to: "3" },
      { path: "list", from: [1, 2], to: [2, 1] },
    ]);
  });
});

describe("ordering", () => {
  it("only lets a resource depend on kinds applied before its own", () => {
    const project = extendedProject(
      app.project,
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1",
    );
    const target = { account: "123456789012", region: "us-east-1", partition: "aws" };
    const { resources } = desiredState({
      project,
      target,
      functionArn: "arn:aws:lambda:us-east-1:123456789012:function:bartender-dev",
      codeSha256: "sha",
      streamArns: new Map([
        [
          "handle_dynamodb_stream",
          "arn:aws:dynamodb:us-east-1:123456789012:table/MyDynamoTable/stream/1",
        ],
      ]),
    });
    const kinds = new Map(resources.map((r) => [r.id, r.kind]));
    for (const resource of resources) {
      for (const dependency of resource.dependsOn) {
        expect(kinds.has(dependency), `${resource.id} -> ${dependency}`).toBe(true);
        expect(RESOURCE_KINDS.indexOf(kinds.get(dependency)!)).toBeLessThan(
          RESOURCE_KINDS.indexOf(resource.kind),
        );
      }
    }
  });

  it("removes first, latest kind first, then creates and updates, earliest kind first", () => {
    const change = (action: Change["action"], kind: Change["kind"], id: string): Change => ({
      action,
      kind,
      id,
      name: id,
      fields: [],
    });
    const steps = executionSteps([
      change("create", "schedule", "s"),
      change("delete", "role", "r"),
      change("replace", "event-source-mapping", "m"),
      change("update", "function", "f"),
      change("delete", "permission", "p"),
    ]);
    expect(steps.map((s) => `${s.operation} ${s.change.id}`)).toEqual([
      "delete m",
      "delete p",
      "delete r",
      "update f",
      "create s",
      "create m",
    ]);
  });
});

describe("replacing what AWS cannot change in place", () => {
  it("replaces a stream mapping whose starting position changed", async () => {
    await deploy();
    const manifest = {
      ...app.project.manifest,
      registrations: app.project.manifest.registrations.map((r) =>
        r.kind === "dynamodb"
          ? { ...r, options: { ...r.options, startingPosition: "TRIM_HORIZON" as const } }
          : r,
      ),
    };
    const project = withManifest(app.project, manifest);
    aws.resetCalls();
    const { plan } = await deploy(project);
    expect(plan.changes.map((c) => [c.action, c.kind, c.fields])).toEqual([
      [
        "replace",
        "event-source-mapping",
        [{ path: "startingPosition", from: "LATEST", to: "TRIM_HORIZON" }],
      ],
    ]);
    expect(renderPlanText(plan)).toContain(
      "(replaced: startingPosition cannot be changed in place)",
    );
    expect(aws.mutatingCalls().map((c) => c.operation)).toEqual([
      "DeleteEventSourceMapping",
      "CreateEventSourceMapping",
    ]);
    aws.resetCalls();
    expect((await deploy(project)).plan.changes).toEqual([]);
  });
});

describe("the JSON plan", () => {
  it("lists each change with its properties or changed fields", async () => {
    const { plan } = await deploy(app.project, { dryRun: true });
    const json = planJson(plan) as { pending: boolean; changes: Record<string, unknown>[] };
    expect(json.pending).toBe(true);
    expect(json.changes[0]).toEqual({
      action: "create",
      kind: "role",
      id: "role:bartender-dev",
      name: "bartender-dev",
      properties: expect.objectContaining({ path: "/domovoi/bartender/dev/" }),
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
