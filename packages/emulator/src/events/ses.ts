import type { SESEvent, SESMail, SESReceipt, SESReceiptStatus } from "aws-lambda";
import { createContext, type EventContext, type GeneratorOptions, isoMillis } from "./context.js";
import { base32Id, uuidId } from "./ids.js";
import { checkFunctionName, checkMailbox, mailboxAddress } from "./names.js";
import { type Check, ParamReader } from "./params.js";

type Verdict = SESReceiptStatus["status"];
const SES_VERDICTS: readonly Verdict[] = ["PASS", "FAIL", "GRAY", "PROCESSING_FAILED", "DISABLED"];
const DMARC_POLICIES = ["none", "quarantine", "reject"] as const;
const CHECKS = ["spam", "virus", "spf", "dkim", "dmarc"] as const;

export interface SesEventParams {
  /** Sender mailbox (default `sender@example.com`), with or without a display name. */
  readonly from?: string;
  /** The `To` header (default `recipient@example.com`). */
  readonly to?: string | readonly string[];
  readonly cc?: string | readonly string[];
  /** The envelope recipients the receipt rule matched (default: the `To` addresses). */
  readonly recipients?: string | readonly string[];
  readonly subject?: string;
  /** Each check passes unless given otherwise. */
  readonly verdicts?: Partial<Readonly<Record<(typeof CHECKS)[number], Verdict>>>;
  /** The sender domain's DMARC policy, reported when the DMARC check fails (default `none`). */
  readonly dmarcPolicy?: (typeof DMARC_POLICIES)[number];
  /** The function of the receipt rule's Lambda action (default `domovoi`). */
  readonly functionName?: string;
}

const checkHeaderValue: Check<string> = (value) =>
  /[\r\n]/.test(value) ? "header values cannot contain line breaks" : undefined;

/** The event a receipt rule's Lambda action delivers (invocation type `Event`). */
export function generateSesEvent(params: SesEventParams, options?: GeneratorOptions): SESEvent {
  const ctx = createContext("ses", options);
  const reader = ParamReader.of("ses", params, [
    "from",
    "to",
    "cc",
    "recipients",
    "subject",
    "verdicts",
    "dmarcPolicy",
    "functionName",
  ]);
  const from = reader.optionalString("from", checkMailbox) ?? "sender@example.com";
  const to = reader.optionalStrings("to", checkMailbox) ?? ["recipient@example.com"];
  const cc = reader.optionalStrings("cc", checkMailbox) ?? [];
  const recipients =
    reader.optionalStrings("recipients", checkMailbox)?.map(mailboxAddress) ??
    to.map(mailboxAddress);
  const subject = reader.optionalString("subject", checkHeaderValue) ?? "Test message";
  const mail = sesMail(
    { from, to, cc, destination: [...to, ...cc].map(mailboxAddress), subject },
    ctx,
  );
  return {
    Records: [
      {
        eventSource: "aws:ses",
        eventVersion: "1.0",
        ses: { mail, receipt: sesReceipt(reader, recipients, ctx) },
      },
    ],
  };
}

interface Message {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly destination: readonly string[];
  readonly subject: string;
}

function sesMail(message: Message, ctx: EventContext): SESMail {
  const source = mailboxAddress(message.from);
  const date = rfc5322Date(ctx.time);
  const messageIdHeader = `<${uuidId(ctx)}@${source.slice(source.indexOf("@") + 1)}>`;
  const headers: [string, string][] = [
    ["Return-Path", `<${source}>`],
    [
      "Received",
      `from mail.example.com by inbound-smtp.${ctx.region}.amazonaws.com with SMTP; ${date}`,
    ],
    ["MIME-Version", "1.0"],
    ["From", message.from],
    ["Date", date],
    ["Message-ID", messageIdHeader],
    ["Subject", message.subject],
    ["To", message.to.join(", ")],
    ...(message.cc.length > 0 ? [["Cc", message.cc.join(", ")] as [string, string]] : []),
    ["Content-Type", "text/plain; charset=UTF-8"],
  ];
  return {
    timestamp: isoMillis(ctx.time),
    source,
    messageId: base32Id(ctx, 40).toLowerCase(),
    destination: [...message.destination],
    headersTruncated: false,
    headers: headers.map(([name, value]) => ({ name, value })),
    commonHeaders: {
      returnPath: source,
      from: [message.from],
      date,
      to: [...message.to],
      ...(message.cc.length > 0 && { cc: [...message.cc] }),
      messageId: messageIdHeader,
      subject: message.subject,
    },
  };
}

function sesReceipt(
  reader: ParamReader,
  recipients: readonly string[],
  ctx: EventContext,
): SESReceipt {
  const verdicts = reader.optionalObject("verdicts", CHECKS);
  const verdict = (check: (typeof CHECKS)[number]): SESReceiptStatus => ({
    status: verdicts?.optionalEnum(check, SES_VERDICTS) ?? "PASS",
  });
  const dmarcVerdict = verdict("dmarc");
  const dmarcPolicy = reader.optionalEnum("dmarcPolicy", DMARC_POLICIES) ?? "none";
  const functionName = reader.optionalString("functionName", checkFunctionName) ?? "domovoi";
  return {
    recipients: [...recipients],
    timestamp: isoMillis(ctx.time),
    spamVerdict: verdict("spam"),
    dkimVerdict: verdict("dkim"),
    dmarcVerdict,
    // SES reports the sender's DMARC policy only for messages that fail DMARC.
    ...(dmarcVerdict.status === "FAIL" && { dmarcPolicy }),
    spfVerdict: verdict("spf"),
    virusVerdict: verdict("virus"),
    processingTimeMillis: 250,
    action: {
      type: "Lambda",
      invocationType: "Event",
      functionArn: `arn:aws:lambda:${ctx.region}:${ctx.account}:function:${functionName}`,
    },
  };
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The `Date` header format of RFC 5322: `Mon, 5 Dec 2016 18:40:08 +0000`. */
function rfc5322Date(time: Date): string {
  const clock = time.toISOString().slice(11, 19);
  return `${DAYS[time.getUTCDay()]}, ${time.getUTCDate()} ${MONTHS[time.getUTCMonth()]} ${time.getUTCFullYear()} ${clock} +0000`;
}
