import {
  CreateEventBusCommand,
  PutEventsCommand,
  type PutEventsRequestEntry,
  TestEventPatternCommand,
} from "@aws-sdk/client-eventbridge";
import { describe, expect, it } from "vitest";
import { ACCOUNT, failureOf, queueArn, REGION, START, useEventBridgeEmulator } from "./harness.js";

const emulator = useEventBridgeEmulator();

const ENTRY: PutEventsRequestEntry = {
  Source: "core.update-account-command",
  DetailType: "core.update-account-command",
  Detail: JSON.stringify({ command: "update-account", payload: { acc_id: "0a787ecb-4015" } }),
};

const putEvents = (Entries: PutEventsRequestEntry[]) =>
  emulator().events.send(new PutEventsCommand({ Entries }));

/** A rule that sends everything from `source` to the queue `everything`, unchanged. */
async function captureAll(source = ENTRY.Source ?? "", EventBusName?: string) {
  await emulator().ruleWith(
    { Name: "all", EventPattern: JSON.stringify({ source: [source] }), EventBusName },
    [{ Id: "q", Arn: queueArn("everything") }],
  );
  return async () => {
    await emulator().deliver();
    return emulator()
      .sinks.bodiesTo(queueArn("everything"))
      .map((body) => JSON.parse(body));
  };
}

describe("PutEvents", () => {
  it("answers each entry with an event id and builds the envelope as AWS does", async () => {
    const delivered = await captureAll();
    const result = await putEvents([
      { ...ENTRY, Resources: ["arn:aws:s3:::bucket"] },
      { ...ENTRY, Time: new Date("2024-01-02T03:04:05Z") },
    ]);
    expect(result).toMatchObject({
      FailedEntryCount: 0,
      Entries: [
        { EventId: "00000000-0000-4000-8000-000000000001" },
        { EventId: "00000000-0000-4000-8000-000000000002" },
      ],
    });
    expect(await delivered()).toEqual([
      {
        version: "0",
        id: "00000000-0000-4000-8000-000000000001",
        "detail-type": "core.update-account-command",
        source: "core.update-account-command",
        account: ACCOUNT,
        time: new Date(START).toISOString().replace(".000", ""),
        region: REGION,
        resources: ["arn:aws:s3:::bucket"],
        detail: { command: "update-account", payload: { acc_id: "0a787ecb-4015" } },
      },
      expect.objectContaining({ time: "2024-01-02T03:04:05Z", resources: [] }),
    ]);
  });

  it.each([
    ["Source", { DetailType: "t", Detail: "{}" }],
    ["DetailType", { Source: "s", Detail: "{}" }],
    ["Detail", { Source: "s", DetailType: "t" }],
  ])("reports a missing %s in the entry's result (recorded)", async (member, entry) => {
    const result = await putEvents([ENTRY, entry]);
    expect(result.FailedEntryCount).toBe(1);
    expect(result.Entries?.[1]).toEqual({
      ErrorCode: "InvalidArgument",
      ErrorMessage: `Parameter ${member} is not valid. Reason: ${member} is a required argument.`,
    });
    expect(result.Entries?.[0]?.EventId).toBeDefined();
  });

  it.each([
    ["STRING", "plain text"],
    ["ARRAY", "[1, 2]"],
    ["MALFORMED_JSON", '{"a": '],
    ["SERIALIZED_STRING", JSON.stringify(JSON.stringify({ a: 1 }))],
  ])("reports a malformed detail (%s, recorded)", async (_kind, Detail) => {
    const result = await putEvents([{ ...ENTRY, Detail }]);
    expect(result).toMatchObject({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: "MalformedDetail", ErrorMessage: "Detail is malformed." }],
    });
  });

  it("refuses more than ten entries with the model's message (recorded)", async () => {
    const failure = await failureOf(putEvents(Array.from({ length: 11 }, () => ENTRY)));
    expect(failure.name).toBe("ValidationException");
    expect(failure.message).toMatch(
      /^1 validation error detected: Value '\[PutEventsRequestEntry\(time=null, source=core\.update-account-command, resources=null, detailType=core\.update-account-command, detail=\{"command".*\)\]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10$/,
    );
  });

  it("refuses entries over 256 KB in all (recorded)", async () => {
    const Detail = JSON.stringify({ big: "x".repeat(300 * 1024) });
    expect(await failureOf(putEvents([{ ...ENTRY, Detail }]))).toMatchObject({
      name: "ValidationException",
      message: "Total size of the entries in the request is over the limit.",
      status: 400,
    });
  });

  it("accepts an event for a bus that does not exist and delivers it nowhere (recorded)", async () => {
    const delivered = await captureAll();
    const result = await putEvents([{ ...ENTRY, EventBusName: "nope" }]);
    expect(result.FailedEntryCount).toBe(0);
    expect(result.Entries?.[0]?.EventId).toBeDefined();
    expect(await delivered()).toEqual([]);
  });

  it("routes an event to the rules of its own bus only", async () => {
    const { events } = emulator();
    const { EventBusArn } = await events.send(new CreateEventBusCommand({ Name: "orders" }));
    const delivered = await captureAll(ENTRY.Source, "orders");
    await putEvents([ENTRY, { ...ENTRY, EventBusName: EventBusArn, Detail: '{"on":"orders"}' }]);
    expect((await delivered()).map((event) => event.detail)).toEqual([{ on: "orders" }]);
  });
});

describe("TestEventPattern", () => {
  const event = JSON.stringify({
    id: "1",
    source: "shop",
    "detail-type": "order",
    account: ACCOUNT,
    region: REGION,
    time: "2024-05-01T12:00:00Z",
    detail: { total: 12 },
  });

  it("tells whether an event matches a pattern", async () => {
    const { events } = emulator();
    const test = (pattern: object) =>
      events.send(
        new TestEventPatternCommand({ EventPattern: JSON.stringify(pattern), Event: event }),
      );
    expect((await test({ detail: { total: [{ numeric: [">", 10] }] } })).Result).toBe(true);
    expect((await test({ detail: { total: [{ numeric: [">", 20] }] } })).Result).toBe(false);
  });

  it("refuses an event without the envelope's fields (recorded)", async () => {
    const failure = await failureOf(
      emulator().events.send(
        new TestEventPatternCommand({ EventPattern: '{"source":["shop"]}', Event: "{}" }),
      ),
    );
    expect(failure).toMatchObject({
      name: "ValidationException",
      message: "Parameter Event is not valid.",
    });
  });
});
