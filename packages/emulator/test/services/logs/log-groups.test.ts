import {
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  type DescribeLogGroupsCommandInput,
  PutRetentionPolicyCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { ACCOUNT, failureOf, REGION, START, useLogsEmulator } from "./harness.js";

const emulator = useLogsEmulator();

const create = (logGroupName: string) =>
  emulator().logs.send(new CreateLogGroupCommand({ logGroupName }));
const describeGroups = (input: DescribeLogGroupsCommandInput = {}) =>
  emulator().logs.send(new DescribeLogGroupsCommand(input));

describe("log groups", () => {
  it("creates a group and describes it as AWS does", async () => {
    await create("watchtower");
    const { logGroups } = await describeGroups();
    expect(logGroups).toEqual([
      {
        logGroupName: "watchtower",
        creationTime: START,
        metricFilterCount: 0,
        arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:watchtower:*`,
        storedBytes: 0,
        logGroupClass: "STANDARD",
        logGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:watchtower`,
        deletionProtectionEnabled: false,
      },
    ]);
  });

  it("filters by name prefix or by a case-insensitive pattern, not both (recorded)", async () => {
    for (const name of ["/aws/lambda/a", "/aws/lambda/B", "/app/Lambda-logs"]) await create(name);
    const byPrefix = await describeGroups({ logGroupNamePrefix: "/aws/" });
    expect(byPrefix.logGroups?.map((group) => group.logGroupName)).toEqual([
      "/aws/lambda/B",
      "/aws/lambda/a",
    ]);
    const byPattern = await describeGroups({ logGroupNamePattern: "lambda-" });
    expect(byPattern.logGroups?.map((group) => group.logGroupName)).toEqual(["/app/Lambda-logs"]);
    expect(
      await failureOf(describeGroups({ logGroupNamePrefix: "/aws", logGroupNamePattern: "x" })),
    ).toMatchObject({
      name: "InvalidParameterException",
      message: "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.",
    });
  });

  it("pages DescribeLogGroups", async () => {
    for (const name of ["g1", "g2", "g3"]) await create(name);
    const first = await describeGroups({ limit: 2 });
    expect(first.logGroups?.map((group) => group.logGroupName)).toEqual(["g1", "g2"]);
    const second = await describeGroups({ limit: 2, nextToken: first.nextToken });
    expect(second.logGroups?.map((group) => group.logGroupName)).toEqual(["g3"]);
    expect(second.nextToken).toBeUndefined();
  });

  it("refuses a group that exists (recorded)", async () => {
    await create("watchtower");
    expect(await failureOf(create("watchtower"))).toEqual({
      name: "ResourceAlreadyExistsException",
      message: "The specified log group already exists",
      status: 400,
    });
  });

  it("refuses a name over 512 characters (recorded) and one with forbidden characters", async () => {
    expect(await failureOf(create("g".repeat(513)))).toMatchObject({
      name: "InvalidParameterException",
      message: "Invalid LogGroup or LogStream, both must have length less than or equal to 512.",
    });
    expect(await failureOf(create("no spaces"))).toMatchObject({
      name: "InvalidParameterException",
      message:
        "1 validation error detected: Value 'no spaces' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+",
    });
  });

  it("deletes a group, and refuses one that does not exist (recorded)", async () => {
    const { logs } = emulator();
    await create("watchtower");
    await logs.send(new DeleteLogGroupCommand({ logGroupName: "watchtower" }));
    expect((await describeGroups()).logGroups).toEqual([]);
    expect(
      await failureOf(logs.send(new DeleteLogGroupCommand({ logGroupName: "watchtower" }))),
    ).toMatchObject({
      name: "ResourceNotFoundException",
      message: "The specified log group does not exist.",
    });
  });

  it("sets and removes a retention policy of the periods AWS offers", async () => {
    const { logs } = emulator();
    await create("watchtower");
    await logs.send(
      new PutRetentionPolicyCommand({ logGroupName: "watchtower", retentionInDays: 7 }),
    );
    expect((await describeGroups()).logGroups?.[0]?.retentionInDays).toBe(7);
    await logs.send(new DeleteRetentionPolicyCommand({ logGroupName: "watchtower" }));
    expect((await describeGroups()).logGroups?.[0]?.retentionInDays).toBeUndefined();
    const failure = await failureOf(
      logs.send(new PutRetentionPolicyCommand({ logGroupName: "watchtower", retentionInDays: 2 })),
    );
    expect(failure.message).toMatch(
      /^1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: \[1, 3, 5, 7, /,
    );
  });
});
