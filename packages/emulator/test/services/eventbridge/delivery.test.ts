import {
  DisableRuleCommand,
  EnableRuleCommand,
  PutEventsCommand,
  type PutEventsRequestEntry,
  type Target,
} from "@aws-sdk/client-eventbridge";
import { describe, expect, it } from "vitest";
import { detectSource } from "../../../../runtime/src/sources/index.js";
import { generateS3ViaEventBridgeEvent } from "../../../src/events/s3-eventbridge.js";
import { DOMOVOI_RULE_TEMPLATE } from "../../../src/services/eventbridge/index.js";
import {
  ACCOUNT,
  FUNCTION_ARN,
  queueArn,
  REGION,
  START,
  topicArn,
  useEventBridgeEmulator,
} from "./harness.js";

const emulator = useEventBridgeEmulator();

const SOURCE = "core.update-account-command";
const PATTERN = JSON.stringify({ source: [SOURCE] });
const DETAIL = { command: "update-account", payload: { acc_id: "0a787ecb-4015", sf_id: "baz" } };
const ENTRY: PutEventsRequestEntry = {
  Source: SOURCE,
  DetailType: SOURCE,
  Detail: JSON.stringify(DETAIL),
};
const EVENT_TIME = "2024-05-01T12:00:00Z";
const QUEUE = queueArn("q");

async function putEvents(...entries: PutEventsRequestEntry[]) {
  return emulator().events.send(new PutEventsCommand({ Entries: entries }));
}

/** The bodies the queue target got for one event put through a rule with `target`'s input. */
async function bodiesFor(target: Omit<Target, "Arn" | "Id">, entry = ENTRY): Promise<string[]> {
  const { ruleWith, deliver, sinks } = emulator();
  await ruleWith({ Name: "accounts", EventPattern: PATTERN }, [{ Id: "q", Arn: QUEUE, ...target }]);
  await putEvents(entry);
  await deliver();
  return sinks.bodiesTo(QUEUE);
}

const TRANSFORMER_PATHS = {
  "detail-type": "$.detail-type",
  timestamp: "$.time",
  command: "$.detail.command",
};
const MISSING_PATHS = { ...TRANSFORMER_PATHS, command: "$.detail.notinmessage" };

describe("target input (recorded against AWS)", () => {
  it("sends the whole event without an input setting", async () => {
    const [body] = await bodiesFor({});
    expect(JSON.parse(body ?? "")).toMatchObject({ source: SOURCE, detail: DETAIL });
  });

  it.each([
    ["$.detail", DETAIL],
    ["$.detail.payload", DETAIL.payload],
    ["$.detail.payload.sf_id", "baz"],
  ])("InputPath %s sends that part of the event", async (InputPath, expected) => {
    expect((await bodiesFor({ InputPath })).map((body) => JSON.parse(body))).toEqual([expected]);
  });

  it("fills a string template's placeholders with the values' text", async () => {
    const InputTemplate =
      '"Event of <detail-type> type, at time <timestamp>, info extracted from detail <command>"';
    expect(
      await bodiesFor({ InputTransformer: { InputPathsMap: TRANSFORMER_PATHS, InputTemplate } }),
    ).toEqual([
      `"Event of ${SOURCE} type, at time ${EVENT_TIME}, info extracted from detail update-account"`,
    ]);
    emulator().sinks.queued.length = 0;
    expect(
      await bodiesFor({ InputTransformer: { InputPathsMap: MISSING_PATHS, InputTemplate } }),
    ).toEqual([`"Event of ${SOURCE} type, at time ${EVENT_TIME}, info extracted from detail "`]);
  });

  it("keeps special characters of a string template", async () => {
    const InputTemplate =
      '"{[/Check with special starting characters for event of <detail-type> type"';
    expect(
      await bodiesFor({ InputTransformer: { InputPathsMap: TRANSFORMER_PATHS, InputTemplate } }),
    ).toEqual([`"{[/Check with special starting characters for event of ${SOURCE} type"`]);
  });

  it("fills a JSON template's bare placeholders with JSON values", async () => {
    const InputTemplate =
      '{"detailType": <detail-type>,  "time": <timestamp>, "command": <command>}';
    const [matched] = await bodiesFor({
      InputTransformer: { InputPathsMap: TRANSFORMER_PATHS, InputTemplate },
    });
    expect(JSON.parse(matched ?? "")).toEqual({
      detailType: SOURCE,
      time: EVENT_TIME,
      command: "update-account",
    });
    emulator().sinks.queued.length = 0;
    const [missing] = await bodiesFor({
      InputTransformer: { InputPathsMap: MISSING_PATHS, InputTemplate },
    });
    expect(JSON.parse(missing ?? "")).toEqual({
      detailType: SOURCE,
      time: EVENT_TIME,
      command: "",
    });
  });

  it("provides the predefined variables", async () => {
    const InputTemplate =
      '"Message containing all pre defined variables <aws.events.rule-arn> <aws.events.rule-name> <aws.events.event.ingestion-time>"';
    expect(await bodiesFor({ InputTransformer: { InputTemplate } })).toEqual([
      `"Message containing all pre defined variables arn:aws:events:${REGION}:${ACCOUNT}:rule/accounts accounts ${EVENT_TIME}"`,
    ]);
  });

  it("gives <aws.events.event> without its detail and <aws.events.event.json> whole", async () => {
    const InputTemplate =
      '{"originalEvent": <aws.events.event>, "originalEventJson": <aws.events.event.json>}';
    const [body] = await bodiesFor({ InputTransformer: { InputTemplate } });
    const { originalEvent, originalEventJson } = JSON.parse(body ?? "");
    expect(Object.keys(originalEvent)).toEqual([
      "id",
      "account",
      "detailType",
      "time",
      "source",
      "region",
      "resources",
      "version",
    ]);
    expect(originalEventJson).toMatchObject({ id: originalEvent.id, detail: DETAIL });
  });

  it("gives each target its own input", async () => {
    const { ruleWith, deliver, sinks } = emulator();
    await ruleWith({ Name: "accounts", EventPattern: PATTERN }, [
      { Id: "path", Arn: queueArn("one"), InputPath: "$.detail" },
      { Id: "whole", Arn: queueArn("two") },
    ]);
    await putEvents(ENTRY);
    await deliver();
    expect(JSON.parse(sinks.bodiesTo(queueArn("one"))[0] ?? "")).toEqual(DETAIL);
    expect(JSON.parse(sinks.bodiesTo(queueArn("two"))[0] ?? "")).toMatchObject({ detail: DETAIL });
  });
});

describe("delivery", () => {
  it("runs after PutEvents returned, on the clock", async () => {
    const { ruleWith, sinks, deliver } = emulator();
    await ruleWith({ Name: "accounts", EventPattern: PATTERN }, [{ Id: "q", Arn: QUEUE }]);
    await putEvents(ENTRY);
    expect(sinks.queued).toEqual([]);
    await deliver();
    expect(sinks.queued).toHaveLength(1);
  });

  it("delivers nothing through a disabled rule until it is enabled again", async () => {
    const { ruleWith, sinks, deliver, events } = emulator();
    await ruleWith({ Name: "accounts", EventPattern: PATTERN }, [{ Id: "q", Arn: QUEUE }]);
    await events.send(new DisableRuleCommand({ Name: "accounts" }));
    await putEvents(ENTRY);
    await deliver();
    expect(sinks.queued).toEqual([]);
    await events.send(new EnableRuleCommand({ Name: "accounts" }));
    await putEvents(ENTRY);
    await deliver();
    expect(sinks.queued).toHaveLength(1);
  });

  it("delivers only events that match the rule's pattern", async () => {
    const { ruleWith, sinks, deliver } = emulator();
    await ruleWith(
      {
        Name: "big-orders",
        EventPattern: JSON.stringify({ detail: { total: [{ numeric: [">", 100] }] } }),
      },
      [{ Id: "q", Arn: QUEUE }],
    );
    await putEvents({ ...ENTRY, Detail: '{"total": 50}' }, { ...ENTRY, Detail: '{"total": 500}' });
    await deliver();
    expect(sinks.bodiesTo(QUEUE).map((body) => JSON.parse(body).detail)).toEqual([{ total: 500 }]);
  });

  it("invokes the app's function asynchronously, through its alias when the ARN names one", async () => {
    const { ruleWith, invoker, deliver } = emulator();
    await ruleWith({ Name: "accounts", EventPattern: PATTERN }, [
      { Id: "fn", Arn: FUNCTION_ARN },
      { Id: "alias", Arn: `${FUNCTION_ARN}:live` },
    ]);
    await putEvents(ENTRY);
    await deliver();
    expect(invoker.invocations).toEqual([
      {
        payload: expect.objectContaining({ source: SOURCE, detail: DETAIL }),
        invocationType: "Event",
        trigger: "events:accounts",
      },
      expect.objectContaining({ qualifier: "live" }),
    ]);
  });

  it("wraps the event as Domovoi's rules do, which the dispatcher reads as that rule's", async () => {
    const { ruleWith, invoker, deliver } = emulator();
    await ruleWith({ Name: "bartender-dev-monitor_ecs_events", EventPattern: PATTERN }, [
      {
        Id: "domovoi",
        Arn: FUNCTION_ARN,
        InputTransformer: { InputPathsMap: {}, InputTemplate: DOMOVOI_RULE_TEMPLATE },
      },
    ]);
    await putEvents(ENTRY);
    await deliver();
    const [payload] = invoker.payloads();
    expect(payload).toEqual({
      domovoiRule: "bartender-dev-monitor_ecs_events",
      event: expect.objectContaining({ source: SOURCE, "detail-type": SOURCE, detail: DETAIL }),
    });
    expect(detectSource(payload)).toMatchObject({
      kind: "rule",
      key: "bartender-dev-monitor_ecs_events",
      event: { detail: DETAIL },
    });
  });

  it("publishes to a topic and sends a FIFO queue its group and the event id", async () => {
    const { ruleWith, sinks, deliver } = emulator();
    await ruleWith({ Name: "accounts", EventPattern: PATTERN }, [
      { Id: "topic", Arn: topicArn("t"), InputPath: "$.detail.command" },
      { Id: "fifo", Arn: queueArn("q.fifo"), SqsParameters: { MessageGroupId: "accounts" } },
    ]);
    const { Entries } = await putEvents(ENTRY);
    await deliver();
    expect(sinks.published).toEqual([{ topicArn: topicArn("t"), message: '"update-account"' }]);
    expect(sinks.queued[0]?.message).toMatchObject({
      messageGroupId: "accounts",
      messageDeduplicationId: Entries?.[0]?.EventId,
    });
  });

  it("takes AWS services' events on the default bus (S3's eventBus sink)", async () => {
    const { ruleWith, backend, sinks, deliver } = emulator();
    await ruleWith(
      {
        Name: "uploads",
        EventPattern: JSON.stringify({ source: ["aws.s3"], "detail-type": ["Object Created"] }),
      },
      [{ Id: "q", Arn: QUEUE }],
    );
    const event = generateS3ViaEventBridgeEvent(
      { bucket: "my-s3-bucket", key: "foo/x.bar" },
      { region: REGION, now: () => new Date(START) },
    );
    backend.publishServiceEvent(event);
    await deliver();
    expect(sinks.bodiesTo(QUEUE).map((body) => JSON.parse(body))).toEqual([event]);
  });
});
