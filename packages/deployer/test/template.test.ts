// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub strings.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exportTemplate } from "../src/index.js";
import { FakeAws } from "./fake/fake-aws.js";
import { bartenderProject, type LoadedApp } from "./support/bartender.js";
import { extendedProject } from "./support/extended-app.js";

let app: LoadedApp;
let aws: FakeAws;

beforeAll(async () => {
  app = await bartenderProject();
}, 60_000);
beforeEach(() => {
  aws = new FakeAws().install();
});
afterEach(() => aws.restore());

type Resources = Record<
  string,
  { Type: string; Properties: Record<string, unknown>; DependsOn: string[] }
>;

describe("--template", () => {
  it("writes the stage as CloudFormation without a single AWS call", () => {
    const { template, unsupported } = exportTemplate(app.project, app.code.sha256);
    expect(aws.calls).toEqual([]);
    const resources = template.Resources as unknown as Resources;
    expect(
      Object.values(resources)
        .map((r) => r.Type)
        .sort(),
    ).toEqual([
      "AWS::Events::Rule",
      "AWS::IAM::Role",
      "AWS::IAM::Role",
      "AWS::IAM::Role",
      "AWS::Lambda::Alias",
      "AWS::Lambda::EventSourceMapping",
      "AWS::Lambda::EventSourceMapping",
      "AWS::Lambda::Function",
      "AWS::Lambda::Permission",
      "AWS::Lambda::Permission",
      "AWS::Lambda::Permission",
      "AWS::Lambda::Permission",
      "AWS::Logs::SubscriptionFilter",
      "AWS::SNS::Subscription",
      "AWS::SNS::Subscription",
      "AWS::SNS::Topic",
      "AWS::SNS::TopicPolicy",
      "AWS::Scheduler::Schedule",
      "AWS::Scheduler::Schedule",
      "AWS::Scheduler::ScheduleGroup",
      "AWS::StepFunctions::StateMachine",
    ]);
    expect(unsupported).toEqual([
      "SNS topic bartender must exist: the deployer creates it when missing, a template cannot.",
      "SQS queue my_queue must exist: the deployer creates it when missing, a template cannot.",
      "Notification domovoi:bartender-dev:monitor_s3 of bucket my-s3-bucket: CloudFormation only configures notifications of buckets the template creates (the deployer adds it by read-modify-write).",
    ]);
  });

  it("takes the code from S3 parameters and names the account and region with pseudo parameters", () => {
    const { template } = exportTemplate(app.project, app.code.sha256);
    const resources = template.Resources as unknown as Resources;
    expect(Object.keys(template.Parameters as object)).toEqual([
      "CodeS3Bucket",
      "CodeS3Key",
      "HandleDynamodbStreamStreamArn",
    ]);
    expect(resources.FunctionBartenderDev?.Properties).toMatchObject({
      Code: { S3Bucket: { Ref: "CodeS3Bucket" }, S3Key: { Ref: "CodeS3Key" } },
      Role: {
        "Fn::Sub":
          "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/domovoi/bartender/dev/bartender-dev",
      },
    });
    expect(resources.FunctionBartenderDev?.DependsOn).toEqual(["RoleBartenderDev"]);
    expect(resources.EventSourceMappingMyDynamoTable?.Properties.EventSourceArn).toEqual({
      "Fn::Sub": "${HandleDynamodbStreamStreamArn}",
    });
    const machine = resources.StateMachineBartenderDevStateMachine!.Properties;
    expect(JSON.parse(String(machine.DefinitionString)).States.Worker.Resource).toMatch(
      /^\$\{DomovoiFunctionArn\}:dv-/,
    );
    expect(machine.DefinitionSubstitutions).toEqual({
      DomovoiFunctionArn: {
        "Fn::Sub":
          "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:bartender-dev",
      },
    });
  });

  it("escapes IAM policy variables, which Fn::Sub would otherwise resolve", () => {
    const policy = {
      Version: "2012-10-17" as const,
      Statement: [
        {
          Effect: "Allow" as const,
          Action: "s3:GetObject",
          Resource: "arn:${AWS::Partition}:s3:::home/${aws:username}/*",
        },
      ],
    };
    const { template } = exportTemplate({ ...app.project, policy }, app.code.sha256);
    const role = (template.Resources as unknown as Resources).RoleBartenderDev!;
    expect(JSON.stringify(role.Properties.Policies)).toContain(
      '"Fn::Sub":"arn:${AWS::Partition}:s3:::home/${!aws:username}/*"',
    );
  });

  it("lists what only the deployer can do for the other sources", () => {
    const project = extendedProject(
      app.project,
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1",
    );
    const { unsupported } = exportTemplate(project, app.code.sha256);
    expect(unsupported.filter((u) => /target group|EventBridge delivery/.test(u))).toEqual([
      "Turning on EventBridge delivery of bucket uploads-eventbridge: CloudFormation only configures buckets the template creates.",
      "Registering the function in target group api/1: CloudFormation only registers targets in a target group the template creates.",
    ]);
  });
});
