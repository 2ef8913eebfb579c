import { readFile } from "node:fs/promises";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acquireLock } from "../src/apply/lock.js";
import {
  DeployLockedError,
  type DeployRunOptions,
  deployProject,
  journalPath,
  StepFailedError,
} from "../src/index.js";
import { awsError } from "./fake/aws-error.js";
import type { FakeAws } from "./fake/fake-aws.js";
import {
  bartenderAccount,
  bartenderProject,
  fakeDeployOptions,
  type LoadedApp,
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

const deploy = (options: DeployRunOptions = {}) =>
  deployProject(app.project, app.code, fakeDeployOptions(aws, options));

describe("a failure midway", () => {
  // The operation, and how many of its calls succeed before the one that fails.
  it.each([
    ["CreateRole", 1],
    ["CreateFunction", 0],
    ["AddPermission", 2],
    ["CreateStateMachine", 0],
    ["PutTargets", 0],
    ["Subscribe", 1],
    ["CreateEventSourceMapping", 1],
    ["PutSubscriptionFilter", 0],
    ["PutBucketNotificationConfiguration", 0],
  ])(
    "in %s (after %i) is resumed by the next deploy, which converges",
    async (operation, after) => {
      aws.failOn(operation, { after });
      const failed = await deploy().catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(StepFailedError);
      // Every step before the failure is in the journal.
      const journal = JSON.parse(await readFile(journalPath(app.project.dir, "dev"), "utf8"));
      expect(Object.keys(journal.resources).length).toBeGreaterThan(0);
      const resumed = await deploy();
      expect(resumed.plan.changes.every((c) => c.action !== "delete")).toBe(true);
      aws.resetCalls();
      const again = await deploy();
      expect(again.plan.changes).toEqual([]);
      expect(aws.mutatingCalls()).toEqual([]);
      expect(ownedBy(aws, "bartender-dev")).toHaveLength(16);
    },
  );

  it("resumes a rule whose target was never put", async () => {
    aws.failOn("PutTargets");
    await expect(deploy()).rejects.toThrow(/PutTargets|Injected failure/);
    const { plan } = await deploy({ dryRun: true });
    expect(plan.changes.find((c) => c.kind === "event-rule")).toMatchObject({
      action: "update",
      fields: [
        { path: "inputTemplate", from: "", to: expect.stringContaining("domovoiRule") },
        { path: "targetArn", from: "", to: expect.stringContaining(":function:bartender-dev") },
      ],
    });
  });
});

describe("waiting for AWS", () => {
  it("waits for each function update to finish before the next", async () => {
    aws.settleReads = 3;
    await deploy();
    const project = { ...app.project, config: { ...app.project.config, lambdaTimeout: 30 } };
    const code = { zip: Buffer.from("other"), sha256: "other" };
    await deployProject(project, code, fakeDeployOptions(aws));
    const fn = aws.lambda.functions.get("bartender-dev")!;
    expect(fn.configuration.Timeout).toBe(30);
    expect(fn.configuration.CodeSha256).not.toBe(app.code.sha256);
  });

  it("retries while a new role cannot be assumed yet", async () => {
    aws.failOn("CreateFunction", {
      error: awsError(
        "InvalidParameterValueException",
        "The role defined for the function cannot be assumed by Lambda.",
      ),
    });
    await deploy();
    expect(aws.calls.filter((c) => c.operation === "CreateFunction")).toHaveLength(2);
  });
});

describe("the stage lock", () => {
  it("refuses a second deploy of the stage while one runs, unless overridden", async () => {
    const lock = await acquireLock(app.project.dir, "dev");
    try {
      await expect(deploy()).rejects.toThrow(DeployLockedError);
      expect(aws.mutatingCalls()).toEqual([]);
      await deploy({ forceUnlock: true });
      expect(aws.lambda.functions.has("bartender-dev")).toBe(true);
    } finally {
      await lock.release();
    }
  });

  it("says when the lock looks stale", async () => {
    const { writeFile } = await import("node:fs/promises");
    const { hostname } = await import("node:os");
    const { lockPath } = await import("../src/index.js");
    await acquireLock(app.project.dir, "dev");
    await writeFile(
      lockPath(app.project.dir, "dev"),
      JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), startedAt: "2026-01-01T00:00:00Z" }),
    );
    await expect(deploy()).rejects.toThrow(/stale; override it with --force-unlock/);
    await deploy({ forceUnlock: true });
  });
});
