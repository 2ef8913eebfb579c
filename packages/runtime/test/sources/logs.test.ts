import { deflateSync, gunzipSync, gzipSync } from "node:zlib";
import type { CloudWatchLogsEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { MalformedEventError } from "../../src/errors.js";
import {
  decodeLogsData,
  detectLogs,
  isCloudWatchLogsEvent,
  MAX_DECODED_LOGS_BYTES,
} from "../../src/sources/index.js";
import { casesLabelled, firstEventLabelled, loadEvent } from "./corpus.js";

const logsEvent = (data: string): CloudWatchLogsEvent => ({ awslogs: { data } });
const gzipped = (payload: unknown) => gzipSync(JSON.stringify(payload)).toString("base64");

/** The payload of the corpus's first logs fixture, decoded here independently of Domovoi. */
function fixturePayload(): Record<string, unknown> {
  const { data } = firstEventLabelled<CloudWatchLogsEvent>("logs").awslogs;
  return JSON.parse(gunzipSync(Buffer.from(data, "base64")).toString("utf8"));
}

function expectMalformed(run: () => unknown, fields: Record<string, string>): void {
  expect(run).toThrow(MalformedEventError);
  expect(run).toThrow(expect.objectContaining(fields));
}

describe("CloudWatch Logs corpus fixtures", () => {
  for (const entry of casesLabelled("logs")) {
    it(entry.file, () => {
      const event = loadEvent(entry.file);
      expect(isCloudWatchLogsEvent(event)).toBe(true);
      const detected = detectLogs(event as unknown as CloudWatchLogsEvent);
      expect(detected).toMatchObject({ kind: "logs", key: entry.key });
      const { data } = (event as unknown as CloudWatchLogsEvent).awslogs;
      expect(detected.data).toEqual(JSON.parse(gunzipSync(Buffer.from(data, "base64")).toString()));
    });
  }
});

describe("CloudWatch Logs payloads", () => {
  it("may be zlib- rather than gzip-compressed", () => {
    const payload = fixturePayload();
    const data = deflateSync(JSON.stringify(payload)).toString("base64");
    expect(detectLogs(logsEvent(data))).toMatchObject({ kind: "logs", data: payload });
  });

  it("acknowledge control messages without a routing key", () => {
    const control = {
      messageType: "CONTROL_MESSAGE",
      owner: "CloudwatchLogs",
      logGroup: "",
      logStream: "",
      subscriptionFilters: [],
      logEvents: [
        {
          id: "",
          timestamp: 1432826855000,
          message: "CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.",
        },
      ],
    };
    expect(detectLogs(logsEvent(gzipped(control)))).toMatchObject({
      kind: "logs-control-message",
      data: control,
      key: null,
    });
  });

  it("keep fields AWS adds and check extracted fields", () => {
    const payload = fixturePayload();
    const [first] = payload.logEvents as Record<string, unknown>[];
    const withExtras = {
      ...payload,
      policyLevel: "ACCOUNT_LEVEL_POLICY",
      logEvents: [{ ...first, extractedFields: { ip: "127.0.0.1" } }],
    };
    expect(detectLogs(logsEvent(gzipped(withExtras))).data).toEqual(withExtras);
    const badExtract = { ...withExtras, logEvents: [{ ...first, extractedFields: { ip: 1 } }] };
    expectMalformed(() => detectLogs(logsEvent(gzipped(badExtract))), {
      path: "JSON.parse(decode(awslogs.data)).logEvents[0].extractedFields.ip",
    });
  });

  it("must be padded base64", () => {
    const { data } = firstEventLabelled<CloudWatchLogsEvent>("logs").awslogs;
    for (const broken of [data.slice(0, -1), `${data.slice(0, -4)}*AAA`]) {
      expectMalformed(() => detectLogs(logsEvent(broken)), {
        path: "awslogs.data",
        found: "not padded base64",
      });
    }
  });

  it("must be a complete compressed stream", () => {
    const compressed = gzipSync(JSON.stringify(fixturePayload()));
    const truncated = compressed.subarray(0, compressed.length - 10).toString("base64");
    const padded = truncated.padEnd(Math.ceil(truncated.length / 4) * 4, "=");
    expectMalformed(() => detectLogs(logsEvent(padded)), {
      found: "not a complete gzip or zlib stream",
    });
    expectMalformed(() => detectLogs(logsEvent(Buffer.from("plain text").toString("base64"))), {
      found: "not a complete gzip or zlib stream",
    });
  });

  it("may not decompress beyond the limit", () => {
    const bomb = gzipSync(Buffer.alloc(MAX_DECODED_LOGS_BYTES + 1)).toString("base64");
    expectMalformed(() => detectLogs(logsEvent(bomb)), {
      found: `more than ${MAX_DECODED_LOGS_BYTES} bytes once decompressed`,
    });
    expect(() => decodeLogsData(gzipped(fixturePayload()), "awslogs.data", 100)).toThrow(
      "more than 100 bytes",
    );
  });

  it("must decompress to the documented JSON", () => {
    expectMalformed(() => detectLogs(logsEvent(gzipSync("not json").toString("base64"))), {
      path: "JSON.parse(decode(awslogs.data))",
    });
    const payload = fixturePayload();
    expectMalformed(() => detectLogs(logsEvent(gzipped({ ...payload, logGroup: 3 }))), {
      path: "JSON.parse(decode(awslogs.data)).logGroup",
    });
    const [first, ...rest] = payload.logEvents as Record<string, unknown>[];
    const badTimestamp = { ...payload, logEvents: [...rest, { ...first, timestamp: "now" }] };
    expectMalformed(() => detectLogs(logsEvent(gzipped(badTimestamp))), {
      path: `JSON.parse(decode(awslogs.data)).logEvents[${rest.length}].timestamp`,
      expected: "a number",
    });
  });

  it("must be a string", () => {
    expectMalformed(() => detectLogs({ awslogs: {} } as never), { path: "awslogs.data" });
  });
});
