import { gunzipSync } from "node:zlib";
import type { CloudWatchLogsDecodedData } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { encodeLogsEvent, generateLogsEvent } from "../../src/events/index.js";
import { FIXED_TIME, fixedSources } from "./support.js";

function decode(event: { awslogs: { data: string } }): CloudWatchLogsDecodedData {
  return JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, "base64")).toString("utf8"));
}

describe("generateLogsEvent", () => {
  it("gzips and base64-encodes the DATA_MESSAGE", () => {
    const data = decode(
      generateLogsEvent(
        { logGroup: "watchtower", logStream: "stream-1", messages: ["a", "b"] },
        fixedSources(),
      ),
    );
    const time = Date.parse(FIXED_TIME);
    expect(data).toEqual({
      messageType: "DATA_MESSAGE",
      owner: "000000000000",
      logGroup: "watchtower",
      logStream: "stream-1",
      subscriptionFilters: ["domovoi"],
      logEvents: [
        { id: expect.any(String), timestamp: time, message: "a" },
        { id: expect.any(String), timestamp: time, message: "b" },
      ],
    });
  });

  it("round-trips any decoded data through gzip and base64", () => {
    const data: CloudWatchLogsDecodedData = {
      messageType: "DATA_MESSAGE",
      owner: "123456789012",
      logGroup: "/aws/lambda/f",
      logStream: "s",
      subscriptionFilters: ["f"],
      logEvents: [{ id: "1", timestamp: 1, message: "ünïcödé ✓" }],
    };
    expect(decode(encodeLogsEvent(data))).toEqual(data);
  });

  it("gives ids that carry the timestamp in their top bits and sort by time", () => {
    const data = decode(
      generateLogsEvent(
        {
          logGroup: "g",
          logEvents: [
            { message: "late", timestamp: "2024-05-01T12:00:01Z" },
            { message: "early", timestamp: 1714564800000 },
          ],
        },
        fixedSources(),
      ),
    );
    for (const event of data.logEvents) {
      expect(event.id).toMatch(/^\d{56}$/);
      expect(BigInt(event.id) >> 144n).toBe(BigInt(event.timestamp));
    }
    const [late, early] = data.logEvents;
    expect(BigInt(late?.id ?? "0")).toBeGreaterThan(BigInt(early?.id ?? "0"));
  });

  it("names the stream as Lambda does by default", () => {
    expect(
      decode(generateLogsEvent({ logGroup: "g", messages: "x" }, fixedSources())).logStream,
    ).toMatch(/^2024\/05\/01\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  it("builds the control message CloudWatch Logs sends to check a destination", () => {
    expect(decode(generateLogsEvent({ control: true }, fixedSources()))).toMatchObject({
      messageType: "CONTROL_MESSAGE",
      owner: "CloudwatchLogs",
      logGroup: "",
      subscriptionFilters: [],
    });
  });

  it.each([
    ["no log lines", { logGroup: "g" }, "messages"],
    [
      "messages and logEvents together",
      { logGroup: "g", messages: "a", logEvents: [{ message: "b" }] },
      "logEvents",
    ],
    ["an empty message", { logGroup: "g", messages: [""] }, "messages[0]"],
    ["an invalid log group", { logGroup: "a:b", messages: "x" }, "logGroup"],
    ["a log stream with *", { logGroup: "g", logStream: "a*", messages: "x" }, "logStream"],
    [
      "an unparseable timestamp",
      { logGroup: "g", logEvents: [{ message: "x", timestamp: "yesterday" }] },
      "logEvents[0].timestamp",
    ],
    ["log data in a control message", { control: true, logGroup: "g" }, "logGroup"],
  ])("rejects %s", (_, params, param) => {
    expect(() => generateLogsEvent(params as never, fixedSources())).toThrow(
      expect.objectContaining({ kind: "logs", param }),
    );
  });
});
