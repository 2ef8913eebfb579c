import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogStreamCommand,
  DescribeLogStreamsCommand,
  type DescribeLogStreamsCommandInput,
} from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { ACCOUNT, failureOf, REGION, START, useLogsEmulator } from "./harness.js";

const emulator = useLogsEmulator();
const GROUP_ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:watchtower`;

const describeStreams = (input: DescribeLogStreamsCommandInput) =>
  emulator().logs.send(new DescribeLogStreamsCommand(input));

describe("log streams", () => {
  it("creates a stream and describes it by group name or ARN (recorded shape)", async () => {
    await emulator().stream("watchtower", "web");
    const expected = [
      {
        logStreamName: "web",
        creationTime: START,
        arn: `${GROUP_ARN}:log-stream:web`,
        storedBytes: 0,
      },
    ];
    expect((await describeStreams({ logGroupName: "watchtower" })).logStreams).toEqual(expected);
    expect((await describeStreams({ logGroupIdentifier: GROUP_ARN })).logStreams).toEqual(expected);
    expect((await describeStreams({ logGroupIdentifier: `${GROUP_ARN}:*` })).logStreams).toEqual(
      expected,
    );
  });

  it("refuses both a group name and an identifier (recorded)", async () => {
    await emulator().stream("watchtower", "web");
    expect(
      await failureOf(
        describeStreams({ logGroupName: "watchtower", logGroupIdentifier: GROUP_ARN }),
      ),
    ).toMatchObject({
      name: "ValidationException",
      message: "LogGroup name and LogGroup ARN are mutually exclusive parameters.",
    });
  });

  it("reports a stream's event times once it has events", async () => {
    const { stream, put, clock } = emulator();
    await stream("watchtower", "web");
    await clock.advance(5_000);
    await put("watchtower", "web", ["one", "two"], START + 1_000);
    const [described] = (await describeStreams({ logGroupName: "watchtower" })).logStreams ?? [];
    expect(described).toMatchObject({
      firstEventTimestamp: START + 1_000,
      lastEventTimestamp: START + 1_001,
      lastIngestionTime: START + 5_000,
      uploadSequenceToken: expect.any(String),
    });
  });

  it("lists by name with a prefix, or by last event time, a page at a time", async () => {
    const { stream, put } = emulator();
    for (const name of ["b", "a", "c"]) await stream("watchtower", name);
    await put("watchtower", "a", ["late"], START + 3_000);
    await put("watchtower", "c", ["early"], START + 1_000);
    await put("watchtower", "b", ["middle"], START + 2_000);
    const first = await describeStreams({ logGroupName: "watchtower", limit: 2 });
    expect(first.logStreams?.map((s) => s.logStreamName)).toEqual(["a", "b"]);
    const next = await describeStreams({
      logGroupName: "watchtower",
      limit: 2,
      nextToken: first.nextToken,
    });
    expect(next.logStreams?.map((s) => s.logStreamName)).toEqual(["c"]);
    const newest = await describeStreams({
      logGroupName: "watchtower",
      orderBy: "LastEventTime",
      descending: true,
    });
    expect(newest.logStreams?.map((s) => s.logStreamName)).toEqual(["a", "b", "c"]);
    const prefixed = await describeStreams({
      logGroupName: "watchtower",
      logStreamNamePrefix: "c",
    });
    expect(prefixed.logStreams?.map((s) => s.logStreamName)).toEqual(["c"]);
  });

  it("refuses ordering by last event time with a prefix", async () => {
    await emulator().stream("watchtower", "web");
    expect(
      await failureOf(
        describeStreams({
          logGroupName: "watchtower",
          orderBy: "LastEventTime",
          logStreamNamePrefix: "w",
        }),
      ),
    ).toMatchObject({
      name: "InvalidParameterException",
      message: "Cannot order by LastEventTime with a logStreamNamePrefix.",
    });
  });

  it("refuses a stream that exists (recorded), or in a group that does not", async () => {
    const { logs, stream } = emulator();
    await stream("watchtower", "web");
    const again = new CreateLogStreamCommand({ logGroupName: "watchtower", logStreamName: "web" });
    expect(await failureOf(logs.send(again))).toMatchObject({
      name: "ResourceAlreadyExistsException",
      message: "The specified log stream already exists",
    });
    const orphan = new CreateLogStreamCommand({ logGroupName: "nope", logStreamName: "web" });
    expect(await failureOf(logs.send(orphan))).toMatchObject({
      name: "ResourceNotFoundException",
      message: "The specified log group does not exist.",
    });
  });

  it("refuses a name with a colon", async () => {
    const { logs } = emulator();
    await logs.send(new CreateLogGroupCommand({ logGroupName: "watchtower" }));
    const failure = await failureOf(
      logs.send(new CreateLogStreamCommand({ logGroupName: "watchtower", logStreamName: "a:b" })),
    );
    expect(failure.message).toBe(
      "1 validation error detected: Value 'a:b' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*",
    );
  });

  it("deletes a stream, and refuses one that does not exist (recorded)", async () => {
    const { logs, stream } = emulator();
    await stream("watchtower", "web");
    const remove = new DeleteLogStreamCommand({ logGroupName: "watchtower", logStreamName: "web" });
    await logs.send(remove);
    expect((await describeStreams({ logGroupName: "watchtower" })).logStreams).toEqual([]);
    expect(await failureOf(logs.send(remove))).toMatchObject({
      name: "ResourceNotFoundException",
      message: "The specified log stream does not exist.",
    });
  });
});
