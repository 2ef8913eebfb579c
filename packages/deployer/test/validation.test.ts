import type { JsonObject } from "@domovoi/runtime";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DeployValidationError, deployProject, type Project } from "../src/index.js";
import { validateProject } from "../src/project/validate-project.js";
import type { FakeAws } from "./fake/fake-aws.js";
import {
  bartenderAccount,
  bartenderProject,
  fakeDeployOptions,
  type LoadedApp,
  withManifest,
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

const problemsOf = (project: Project): readonly string[] => {
  try {
    validateProject(project);
    return [];
  } catch (error) {
    if (error instanceof DeployValidationError) return error.problems;
    throw error;
  }
};

describe("checking the manifest and the configuration together", () => {
  it("accepts the bartender app as it is", () => {
    expect(problemsOf(app.project)).toEqual([]);
  });

  it("refuses a configuration that names another app", () => {
    expect(
      problemsOf({ ...app.project, config: { ...app.project.config, appName: "barista" } }),
    ).toEqual([".domovoi/config.json names the app barista, but the app's name is bartender."]);
  });

  it("refuses a queue whose visibility timeout is shorter than the function's timeout", () => {
    const manifest = {
      ...app.project.manifest,
      registrations: app.project.manifest.registrations.map((r) =>
        r.kind === "sqs"
          ? { ...r, options: { ...r.options, queueAttributes: { VisibilityTimeout: "30" } } }
          : r,
      ),
    };
    expect(problemsOf(withManifest(app.project, manifest))).toEqual([
      "sqs process_queue_messages: the queue's VisibilityTimeout (30 s) must be at least the function timeout (60 s); AWS recommends 360 s.",
    ]);
  });

  it("needs the target group and rule set that ALB and SES handlers attach to", () => {
    const manifest = {
      ...app.project.manifest,
      registrations: [
        ...app.project.manifest.registrations,
        { kind: "alb" as const, name: "api", key: "/", options: { multiValueHeaders: false } },
        { kind: "ses" as const, name: "inbox", key: "*", options: { recipients: [] } },
      ],
    };
    expect(problemsOf(withManifest(app.project, manifest))).toEqual([
      expect.stringMatching(
        /^alb handlers need alb_target_group_arn .* does not create load balancers\.$/,
      ),
      expect.stringMatching(/^email handlers need ses_rule_set_name/),
    ]);
  });

  it("validates state machines with asl-validator", () => {
    const [machine] = app.project.manifest.stateMachines;
    const broken = {
      ...machine!,
      definition: {
        ...machine!.definition,
        States: { Worker: { Type: "Task", End: true, Next: "Nowhere" } },
      },
    };
    const problems = problemsOf(
      withManifest(app.project, { ...app.project.manifest, stateMachines: [broken] }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^state machine state-machine: /);
  });
});

describe("checking the account before changing it", () => {
  it("refuses an existing queue whose visibility timeout Lambda would refuse", async () => {
    aws.sqs.seedQueue("my_queue");
    const failure = await deployProject(app.project, app.code, fakeDeployOptions(aws)).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(DeployValidationError);
    expect((failure as Error).message).toMatch(
      /Queue my_queue has a VisibilityTimeout of 30 s, less than the function timeout \(60 s\)/,
    );
    expect(aws.mutatingCalls()).toEqual([]);
  });

  it("still deletes a stage whose queue Lambda would now refuse", async () => {
    aws.sqs.seedQueue("my_queue");
    const { plan } = await deployProject(
      app.project,
      app.code,
      fakeDeployOptions(aws, { delete: true }),
    );
    expect(plan.changes).toEqual([]);
  });

  it("refuses a table without a stream", async () => {
    aws.dynamodb.seedTable("MyDynamoTable", { stream: false });
    await expect(deployProject(app.project, app.code, fakeDeployOptions(aws))).rejects.toThrow(
      "dynamodb handle_dynamodb_stream: table MyDynamoTable has no stream; enable one (StreamViewType NEW_AND_OLD_IMAGES, for example).",
    );
    expect(aws.mutatingCalls()).toEqual([]);
  });

  it("warns about integrations whose resource is only known at run time", async () => {
    const [machine] = app.project.manifest.stateMachines;
    const definition = {
      StartAt: "Notify",
      States: {
        Notify: {
          Type: "Task",
          Resource: "arn:aws:states:::sns:publish",
          Parameters: { "TopicArn.$": "$.topic", Message: "hi" },
          Next: "Worker",
        },
        Worker: (machine!.definition.States as JsonObject).Worker!,
      },
    };
    const project = withManifest(app.project, {
      ...app.project.manifest,
      stateMachines: [{ ...machine!, definition }],
    });
    const { plan } = await deployProject(
      project,
      app.code,
      fakeDeployOptions(aws, { dryRun: true }),
    );
    expect(plan.warnings).toEqual([
      "state machine state-machine, state Notify: sns:publish's TopicArn is given at run time (TopicArn.$), so no permission was granted for it.",
    ]);
  });
});
