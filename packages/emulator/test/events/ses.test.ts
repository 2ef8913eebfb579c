import { describe, expect, it } from "vitest";
import { generateSesEvent } from "../../src/events/index.js";
import { fixedSources } from "./support.js";

describe("generateSesEvent", () => {
  it("describes the mail and the receipt of a Lambda action", () => {
    const [record] = generateSesEvent(
      {
        from: "Jane Doe <jane@example.com>",
        to: ["orders@example.com"],
        cc: "boss@example.com",
        subject: "Order 7",
        functionName: "bartender-dev",
      },
      fixedSources({ region: "eu-west-1", account: "123456789012" }),
    ).Records;
    expect(record).toMatchObject({
      eventSource: "aws:ses",
      eventVersion: "1.0",
      ses: {
        mail: {
          timestamp: "2024-05-01T12:00:00.123Z",
          source: "jane@example.com",
          destination: ["orders@example.com", "boss@example.com"],
          headersTruncated: false,
          commonHeaders: {
            returnPath: "jane@example.com",
            from: ["Jane Doe <jane@example.com>"],
            to: ["orders@example.com"],
            cc: ["boss@example.com"],
            date: "Wed, 1 May 2024 12:00:00 +0000",
            subject: "Order 7",
          },
        },
        receipt: {
          recipients: ["orders@example.com"],
          spamVerdict: { status: "PASS" },
          virusVerdict: { status: "PASS" },
          action: {
            type: "Lambda",
            invocationType: "Event",
            functionArn: "arn:aws:lambda:eu-west-1:123456789012:function:bartender-dev",
          },
        },
      },
    });
    expect(record?.ses.mail.headers).toContainEqual({ name: "Subject", value: "Order 7" });
    expect(record?.ses.receipt).not.toHaveProperty("dmarcPolicy");
  });

  it("reports the DMARC policy only when DMARC fails", () => {
    const [record] = generateSesEvent({
      verdicts: { dmarc: "FAIL", spam: "GRAY" },
      dmarcPolicy: "reject",
    }).Records;
    expect(record?.ses.receipt).toMatchObject({
      dmarcVerdict: { status: "FAIL" },
      dmarcPolicy: "reject",
      spamVerdict: { status: "GRAY" },
    });
  });

  it("lists the recipients the receipt rule matched", () => {
    const [record] = generateSesEvent({
      to: ["a@example.com", "b@example.com"],
      recipients: "b@example.com",
    }).Records;
    expect(record?.ses.receipt.recipients).toEqual(["b@example.com"]);
  });

  it.each([
    ["a sender that is no address", { from: "jane" }, "from"],
    ["a recipient that is no address", { to: ["a@example.com", "b"] }, "to[1]"],
    ["an unknown verdict", { verdicts: { spam: "MAYBE" } }, "verdicts.spam"],
    ["an unknown check", { verdicts: { dns: "PASS" } }, "verdicts.dns"],
    ["a subject with a line break", { subject: "a\r\nBcc: x@example.com" }, "subject"],
  ])("rejects %s", (_, params, param) => {
    expect(() => generateSesEvent(params as never)).toThrow(
      expect.objectContaining({ kind: "ses", param }),
    );
  });
});
