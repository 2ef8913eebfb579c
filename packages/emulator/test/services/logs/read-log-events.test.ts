import {
  FilterLogEventsCommand,
  type FilterLogEventsCommandInput,
  GetLogEventsCommand,
  type GetLogEventsCommandInput,
} from "@aws-sdk/client-cloudwatch-logs";
import { beforeEach, describe, expect, it } from "vitest";
import { failureOf, START, useLogsEmulator } from "./harness.js";

const emulator = useLogsEmulator();

const get = (input: Omit<GetLogEventsCommandInput, "logStreamName">) =>
  emulator().logs.send(new GetLogEventsCommand({ logStreamName: "web", ...input }));

const filter = (input: Omit<FilterLogEventsCommandInput, "logGroupName">) =>
  emulator().logs.send(new FilterLogEventsCommand({ logGroupName: "watchtower", ...input }));

const messages = (result: { events?: { message?: string }[] }) =>
  result.events?.map((event) => event.message);

describe("GetLogEvents", () => {
  beforeEach(async () => {
    const { stream, put } = emulator();
    await stream("watchtower", "web");
    await put("watchtower", "web", ["e0", "e1", "e2", "e3", "e4"]);
  });

  it("reads from the head forward, and the forward token stays put at the end", async () => {
    const first = await get({ logGroupName: "watchtower", startFromHead: true, limit: 2 });
    expect(messages(first)).toEqual(["e0", "e1"]);
    expect(first.events?.[0]).toEqual({ timestamp: START, message: "e0", ingestionTime: START });
    const second = await get({
      logGroupName: "watchtower",
      nextToken: first.nextForwardToken,
      limit: 2,
    });
    expect(messages(second)).toEqual(["e2", "e3"]);
    const third = await get({ logGroupName: "watchtower", nextToken: second.nextForwardToken });
    expect(messages(third)).toEqual(["e4"]);
    const end = await get({ logGroupName: "watchtower", nextToken: third.nextForwardToken });
    expect(messages(end)).toEqual([]);
    expect(end.nextForwardToken).toBe(third.nextForwardToken);
    await emulator().put("watchtower", "web", ["e5"], START + 10);
    const more = await get({ logGroupName: "watchtower", nextToken: end.nextForwardToken });
    expect(messages(more)).toEqual(["e5"]);
  });

  it("reads the latest events by default, and backward from there", async () => {
    const latest = await get({ logGroupIdentifier: "watchtower", limit: 2 });
    expect(messages(latest)).toEqual(["e3", "e4"]);
    const earlier = await get({
      logGroupName: "watchtower",
      nextToken: latest.nextBackwardToken,
      limit: 2,
    });
    expect(messages(earlier)).toEqual(["e1", "e2"]);
    const earliest = await get({
      logGroupName: "watchtower",
      nextToken: earlier.nextBackwardToken,
      limit: 2,
    });
    expect(messages(earliest)).toEqual(["e0"]);
  });

  it("reads a time range, start inclusive and end exclusive", async () => {
    const result = await get({
      logGroupName: "watchtower",
      startTime: START + 1,
      endTime: START + 3,
      startFromHead: true,
    });
    expect(messages(result)).toEqual(["e1", "e2"]);
  });

  it("refuses a token it did not issue and a limit over 10,000 (recorded)", async () => {
    expect(
      await failureOf(get({ logGroupName: "watchtower", nextToken: "f/123/s" })),
    ).toMatchObject({
      name: "InvalidParameterException",
      message: "The specified nextToken is invalid.",
    });
    expect(await failureOf(get({ logGroupName: "watchtower", limit: 10_001 }))).toMatchObject({
      name: "InvalidParameterException",
      message:
        "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    });
  });
});

describe("FilterLogEvents", () => {
  beforeEach(async () => {
    const { stream, put } = emulator();
    await stream("watchtower", "web-1");
    await stream("watchtower", "web-2");
    await stream("watchtower", "worker");
    await put("watchtower", "web-1", ['{"x": 8}', "ERROR disk full"], START);
    await put("watchtower", "web-2", ['{"x": 9}', "INFO ok"], START + 1);
    await put("watchtower", "worker", ["ERROR queue stuck"], START + 1);
  });

  it("interleaves the events of every stream in time order", async () => {
    const result = await filter({});
    expect(result.events?.map((event) => [event.logStreamName, event.message])).toEqual([
      ["web-1", '{"x": 8}'],
      ["web-1", "ERROR disk full"],
      ["web-2", '{"x": 9}'],
      ["worker", "ERROR queue stuck"],
      ["web-2", "INFO ok"],
    ]);
    expect(result.events?.[0]).toMatchObject({
      timestamp: START,
      ingestionTime: START,
      eventId: expect.stringMatching(/^\d{56}$/),
    });
  });

  it("applies the filter pattern with the Logs engine", async () => {
    expect(messages(await filter({ filterPattern: "ERROR" }))).toEqual([
      "ERROR disk full",
      "ERROR queue stuck",
    ]);
    expect(messages(await filter({ filterPattern: "{ $.x = 8 }" }))).toEqual(['{"x": 8}']);
  });

  it("limits to streams by name or prefix, not both, and to a time range (inclusive)", async () => {
    expect(messages(await filter({ logStreamNames: ["worker"] }))).toEqual(["ERROR queue stuck"]);
    expect(messages(await filter({ logStreamNamePrefix: "web-2" }))).toEqual([
      '{"x": 9}',
      "INFO ok",
    ]);
    expect(messages(await filter({ startTime: START + 1, endTime: START + 1 }))).toEqual([
      "ERROR disk full",
      '{"x": 9}',
      "ERROR queue stuck",
    ]);
    expect(
      await failureOf(filter({ logStreamNames: ["worker"], logStreamNamePrefix: "web" })),
    ).toMatchObject({ name: "InvalidParameterException" });
  });

  it("pages with nextToken", async () => {
    const first = await filter({ limit: 3 });
    expect(first.events).toHaveLength(3);
    const second = await filter({ limit: 3, nextToken: first.nextToken });
    expect(messages(second)).toEqual(["ERROR queue stuck", "INFO ok"]);
    expect(second.nextToken).toBeUndefined();
  });

  it("refuses an invalid pattern with the engine's message, and a foreign token (recorded)", async () => {
    expect(await failureOf(filter({ filterPattern: "%a(b)%" }))).toMatchObject({
      name: "InvalidParameterException",
    });
    expect(await failureOf(filter({ nextToken: "garbage" }))).toMatchObject({
      name: "InvalidParameterException",
      message: "The specified nextToken is invalid.",
    });
  });
});
