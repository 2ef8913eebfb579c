import {
  DeleteSubscriptionFilterCommand,
  DescribeSubscriptionFiltersCommand,
  GetLogEventsCommand,
  PutSubscriptionFilterCommand,
  type PutSubscriptionFilterCommandInput,
} from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { readCorpus } from "../../../../../test/support/corpora.js";
import { decodeLogsData, detectSource } from "../../../../runtime/src/sources/index.js";
import {
  ACCOUNT,
  FUNCTION_ARN,
  FUNCTION_NAME,
  failureOf,
  REGION,
  START,
  useLogsEmulator,
} from "./harness.js";

const emulator = useLogsEmulator();

/** The watchtower of the bartender example (with its stream `web`), subscribed with `pattern`. */
async function watchtower(filterPattern = "{ $.x = 8 }", filterName = "monitor") {
  const { stream, logs, backend } = emulator();
  if (!backend.findLogGroup(REGION, "watchtower")) await stream("watchtower", "web");
  await logs.send(
    new PutSubscriptionFilterCommand({
      logGroupName: "watchtower",
      filterName,
      filterPattern,
      destinationArn: FUNCTION_ARN,
    }),
  );
}

const describeFilters = async () =>
  (
    await emulator().logs.send(
      new DescribeSubscriptionFiltersCommand({ logGroupName: "watchtower" }),
    )
  ).subscriptionFilters;

describe("subscription filters", () => {
  it("are put, described and deleted (recorded shape)", async () => {
    await watchtower();
    expect(await describeFilters()).toEqual([
      {
        filterName: "monitor",
        logGroupName: "watchtower",
        filterPattern: "{ $.x = 8 }",
        destinationArn: FUNCTION_ARN,
        distribution: "ByLogStream",
        applyOnTransformedLogs: false,
        creationTime: START,
      },
    ]);
    await emulator().logs.send(
      new DeleteSubscriptionFilterCommand({ logGroupName: "watchtower", filterName: "monitor" }),
    );
    expect(await describeFilters()).toEqual([]);
  });

  it("replace a filter of the same name", async () => {
    await watchtower("{ $.x = 8 }");
    await watchtower("ERROR");
    expect((await describeFilters())?.map((filter) => filter.filterPattern)).toEqual(["ERROR"]);
  });

  it("are at most two per group (recorded)", async () => {
    await watchtower("", "one");
    await watchtower("", "two");
    expect(await failureOf(watchtower("", "three"))).toMatchObject({
      name: "LimitExceededException",
      message: "Resource limit exceeded.",
    });
  });

  it("refuse what AWS refuses (recorded messages where on record)", async () => {
    const { logs, stream } = emulator();
    await stream("watchtower", "web");
    const put = (input: Partial<PutSubscriptionFilterCommandInput>) =>
      failureOf(
        logs.send(
          new PutSubscriptionFilterCommand({
            logGroupName: "watchtower",
            filterName: "f",
            filterPattern: "",
            destinationArn: FUNCTION_ARN,
            ...input,
          }),
        ),
      );
    expect(await put({ logGroupName: "nope" })).toMatchObject({
      name: "ResourceNotFoundException",
      message: "The specified log group does not exist.",
    });
    expect(
      await put({ destinationArn: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/s` }),
    ).toMatchObject({
      name: "InvalidParameterException",
      message: "destinationArn for vendor kinesis cannot be used without roleArn",
    });
    expect(
      await put({ destinationArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:other` }),
    ).toMatchObject({ name: "InvalidParameterException" });
    expect(await put({ filterPattern: "{ $.x = }" })).toMatchObject({
      name: "InvalidParameterException",
    });
    expect(
      await failureOf(
        logs.send(
          new DeleteSubscriptionFilterCommand({ logGroupName: "watchtower", filterName: "f" }),
        ),
      ),
    ).toMatchObject({
      name: "ResourceNotFoundException",
      message: "The specified subscription filter does not exist.",
    });
  });
});

describe("subscription delivery", () => {
  it('delivers {"x": 8} in watchtower to the function, and not {"x": 9}', async () => {
    const { put, invoker, clock, deliveries } = emulator();
    await watchtower();
    await put("watchtower", "web", ['{"x": 9}', '{"x": 8}']);
    await clock.advance(1_000);
    expect(invoker.invocations).toEqual([
      {
        payload: { awslogs: { data: expect.any(String) } },
        invocationType: "Event",
        trigger: "logs:watchtower",
      },
    ]);
    const [data] = deliveries();
    expect(data).toEqual({
      messageType: "DATA_MESSAGE",
      owner: ACCOUNT,
      logGroup: "watchtower",
      logStream: "web",
      subscriptionFilters: ["monitor"],
      logEvents: [
        { id: expect.stringMatching(/^\d{56}$/), timestamp: START + 1, message: '{"x": 8}' },
      ],
    });
    expect(detectSource(invoker.payloads()[0])).toMatchObject({ kind: "logs", key: "watchtower" });
  });

  it("sends a payload with the keys of the corpus's CloudWatch Logs fixtures", async () => {
    const { put, clock, deliveries } = emulator();
    await watchtower();
    await put("watchtower", "web", ['{"x": 8}']);
    await clock.advance(1_000);
    const [data] = deliveries();
    for (const file of [
      "aws-lambda-go/cloudwatch-logs-event.json",
      "powertools/cloudwatch/base.json",
    ]) {
      const fixture = decodeLogsData(
        readCorpus<{ awslogs: { data: string } }>(`events/${file}`).awslogs.data,
      );
      expect(Object.keys(data ?? {}).sort()).toEqual(Object.keys(fixture).sort());
      expect(Object.keys(data?.logEvents[0] ?? {}).sort()).toEqual(
        Object.keys(fixture.logEvents[0] ?? {}).sort(),
      );
    }
  });

  it("batches a stream's matching events for the window, each stream on its own", async () => {
    const { put, stream, invoker, clock, deliveries } = emulator();
    await watchtower("");
    await stream("watchtower", "worker");
    await put("watchtower", "web", ["a"]);
    await clock.advance(500);
    await put("watchtower", "web", ["b"]);
    await put("watchtower", "worker", ["c"]);
    expect(invoker.invocations).toEqual([]);
    await clock.advance(500);
    expect(
      deliveries().map((data) => [data.logStream, data.logEvents.map((e) => e.message)]),
    ).toEqual([["web", ["a", "b"]]]);
    await clock.advance(500);
    expect(deliveries().map((data) => data.logStream)).toEqual(["web", "worker"]);
  });

  it("sends the fields a space-delimited pattern extracts", async () => {
    const { put, clock, deliveries } = emulator();
    await watchtower("[ip, user, status = 404]");
    await put("watchtower", "web", ["127.0.0.1 frank 404", "127.0.0.1 frank 200"]);
    await clock.advance(1_000);
    expect(deliveries()[0]?.logEvents).toEqual([
      expect.objectContaining({
        message: "127.0.0.1 frank 404",
        extractedFields: { $ip: "127.0.0.1", $user: "frank", $status: "404" },
      }),
    ]);
  });

  it("drops what a filter deleted before its window closed had gathered", async () => {
    const { put, logs, clock, invoker } = emulator();
    await watchtower("");
    await put("watchtower", "web", ["a"]);
    await logs.send(
      new DeleteSubscriptionFilterCommand({ logGroupName: "watchtower", filterName: "monitor" }),
    );
    await clock.advance(1_000);
    expect(invoker.invocations).toEqual([]);
  });

  it("retries a throttled delivery on the clock", async () => {
    const { put, clock, invoker, failures } = emulator();
    invoker.throttle(1);
    await watchtower("");
    await put("watchtower", "web", ["a"]);
    await clock.advance(1_000);
    expect(invoker.invocations).toHaveLength(1);
    await clock.advance(1_000);
    expect(invoker.invocations).toHaveLength(2);
    expect(failures).toEqual([]);
  });
});

describe("subscription delivery failures", () => {
  it("invoke the alias a destination names", async () => {
    const { logs, put, clock, invoker } = emulator();
    await watchtower("");
    await logs.send(
      new PutSubscriptionFilterCommand({
        logGroupName: "watchtower",
        filterName: "monitor",
        filterPattern: "",
        destinationArn: `${FUNCTION_ARN}:live`,
      }),
    );
    await put("watchtower", "web", ["a"]);
    await clock.advance(1_000);
    expect(invoker.invocations[0]?.qualifier).toBe("live");
  });

  it("report a batch the function stayed throttled for over a day", async () => {
    const { put, clock, invoker, failures } = emulator();
    invoker.throttle();
    await watchtower("");
    await put("watchtower", "web", ["a", "b"]);
    await clock.advance(25 * 3_600_000);
    expect(failures).toEqual([
      {
        logGroup: "watchtower",
        logStream: "web",
        filterName: "monitor",
        eventCount: 2,
        reason: "TooManyRequestsException: Rate Exceeded.",
      },
    ]);
  });
});

describe("appendLambdaLogs", () => {
  it("writes the function's output to /aws/lambda/<function>, where subscriptions see it", async () => {
    const { backend, logs, clock, deliveries } = emulator();
    const group = `/aws/lambda/${FUNCTION_NAME}`;
    backend.appendLambdaLogs(FUNCTION_NAME, ["START RequestId: 1"]);
    await logs.send(
      new PutSubscriptionFilterCommand({
        logGroupName: group,
        filterName: "errors",
        filterPattern: "ERROR",
        destinationArn: FUNCTION_ARN,
      }),
    );
    backend.appendLambdaLogs(FUNCTION_NAME, [
      { timestamp: START + 5, message: "2024-05-01T12:00:00.005Z\t1\tERROR\tboom" },
      "END RequestId: 1",
    ]);
    await clock.advance(1_000);
    const [data] = deliveries();
    expect(data).toMatchObject({
      logGroup: group,
      logStream: expect.stringMatching(/^2024\/05\/01\/\[\$LATEST\][0-9a-f]{32}$/),
      logEvents: [expect.objectContaining({ message: "2024-05-01T12:00:00.005Z\t1\tERROR\tboom" })],
    });
    const { events } = await logs.send(
      new GetLogEventsCommand({
        logGroupName: group,
        logStreamName: data?.logStream,
        startFromHead: true,
      }),
    );
    expect(events?.map((event) => event.message)).toEqual([
      "START RequestId: 1",
      "END RequestId: 1",
      "2024-05-01T12:00:00.005Z\t1\tERROR\tboom",
    ]);
  });
});
