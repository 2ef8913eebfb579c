import { Domovoi } from "@domovoi/runtime";
import type { Context } from "aws-lambda";
import { afterEach, describe, expect, it, vi } from "vitest";
import { captureEvents, reassembleCaptures } from "../../../runtime/src/capture/index.js";

/** CloudWatch Logs' limit on one event: 256 KB, of which 26 bytes are its overhead. */
const MAX_LOG_EVENT_BYTES = 256 * 1024 - 26;

/** Runs a captured handler on `event` and returns what it wrote to stdout, line by line. */
async function capturedLines(
  event: unknown,
  options: Parameters<typeof captureEvents>[1] = {},
): Promise<string[]> {
  const writes: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    writes.push(String(chunk));
    return true;
  });
  const handler = captureEvents(async (received: unknown) => ({ received }), options);
  try {
    await handler(event, {
      awsRequestId: "req-1",
      invokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:app-dev:dv-abc123",
    });
  } finally {
    spy.mockRestore();
  }
  return writes.join("").split("\n").filter(Boolean);
}

afterEach(() => vi.restoreAllMocks());

describe("captureEvents and reassembleCaptures", () => {
  it("wraps an app's handler into a Lambda handler that still routes", async () => {
    const app = new Domovoi({ name: "shop" });
    app.snsTopicSubscriber("orders", async (event) => event.Records.length);
    const handler: (event: unknown, context: Context) => Promise<unknown> = captureEvents(
      app.handler,
    );
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const event = {
      Records: [
        {
          EventSource: "aws:sns",
          Sns: {
            TopicArn: "arn:aws:sns:us-east-1:000000000000:orders",
            Message: "m",
            Type: "Notification",
            MessageId: "1",
            Timestamp: "2024-05-01T00:00:00.000Z",
            Subject: null,
            MessageAttributes: {},
            SignatureVersion: "1",
            Signature: "s",
            SigningCertUrl: "u",
            UnsubscribeUrl: "u",
          },
          EventVersion: "1.0",
          EventSubscriptionArn: "arn:aws:sns:us-east-1:000000000000:orders:1",
        },
      ],
    };
    expect(await handler(event, {} as Context)).toBe(1);
  });

  it("logs a small event as one line that reassembles with its invocation facts", async () => {
    const lines = await capturedLines({ beer: 1 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toHaveProperty("domovoiCapture.total", 1);
    const { events, problems } = reassembleCaptures(lines);
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        event: { beer: 1 },
        requestId: "req-1",
        functionArn: "arn:aws:lambda:us-east-1:000000000000:function:app-dev:dv-abc123",
      }),
    ]);
  });

  it("splits a large event into lines under CloudWatch's limit, joined in any order", async () => {
    // Quotes double when escaped again, and non-ASCII (including a surrogate pair) is 3-4 bytes.
    const event = { text: `"é€😀\\`.repeat(60_000), n: [1, 2, 3] };
    const lines = await capturedLines(event);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(MAX_LOG_EVENT_BYTES);
    }
    const shuffled = [...lines].reverse();
    // A console prefix and unrelated lines around them do not matter.
    const messages = [
      "START RequestId: req-1",
      ...shuffled.map((line) => `2024-05-01T00:00:00.000Z\treq-1\tINFO\t${line}`),
    ];
    expect(reassembleCaptures(messages).events[0]?.event).toEqual(event);
  });

  it("logs what the redaction hook returns, and nothing when it returns undefined", async () => {
    const redact = (event: unknown) => {
      const { password: _password, ...rest } = event as Record<string, unknown>;
      return rest.skip ? undefined : rest;
    };
    const lines = await capturedLines({ user: "a", password: "secret" }, { redact });
    expect(lines.join("")).not.toContain("secret");
    expect(reassembleCaptures(lines).events[0]?.event).toEqual({ user: "a" });
    expect(await capturedLines({ skip: true }, { redact })).toEqual([]);
  });

  it("runs the handler without capturing when the redaction hook throws", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const lines = await capturedLines(
      { a: 1 },
      {
        redact: () => {
          throw new Error("boom");
        },
      },
    );
    expect(lines).toEqual([]);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining("event not captured: Error: boom"));
  });

  it("reports events with missing parts and malformed capture lines", async () => {
    const lines = await capturedLines({ text: "x".repeat(200_000) });
    const { events, problems } = reassembleCaptures([
      ...lines.slice(1),
      '{"domovoiCapture": {"v": 1, "id": 3}}',
      '{"domovoiCapture": {"v": 9}}',
    ]);
    expect(events).toEqual([]);
    expect(problems).toEqual([
      expect.stringContaining("malformed capture line"),
      expect.stringContaining("unknown format version 9"),
      expect.stringMatching(/part 1 of \d is missing/),
    ]);
  });
});
