import { functionOf, queueNameOf } from "./arns.js";
import { invalidParameter, invalidParameterReason } from "./sns-errors.js";
import type { SnsTopic } from "./topic.js";

/** Every protocol SNS knows; the emulator delivers to the first two. */
const DELIVERED = new Set(["sqs", "lambda"]);
/** Accepted and left pending confirmation: the emulator sends nothing off the machine. */
const PENDING = new Set(["http", "https", "email", "email-json"]);
const REFUSED = new Set(["sms", "application", "firehose"]);

const EMAIL_ADDRESS = /^[^@\s]+@[^@\s]+$/;

/**
 * Checks a Subscribe's protocol and endpoint as SNS does, and decides whether the subscription is
 * confirmed at once (`sqs`, `lambda`) or waits for a confirmation that never comes (`http`,
 * `https`, `email`, `email-json`, which the emulator accepts so that scripts creating them run,
 * but never delivers to). `sms`, `application` and `firehose` are refused, saying so.
 */
export function checkEndpoint(topic: SnsTopic, protocol: string, endpoint: string): boolean {
  if (!DELIVERED.has(protocol) && !PENDING.has(protocol) && !REFUSED.has(protocol)) {
    throw invalidParameter(`Amazon SNS does not support this protocol string: ${protocol}`);
  }
  if (topic.fifo && protocol !== "sqs") {
    throw invalidParameterReason("Protocol", "FIFO topics deliver to SQS queues only");
  }
  if (REFUSED.has(protocol)) {
    throw invalidParameterReason(
      "Protocol",
      `the Domovoi emulator does not deliver to the ${protocol} protocol (it delivers to sqs and lambda; http, https, email and email-json subscriptions stay pending confirmation)`,
    );
  }
  CHECKS[protocol]?.(topic, endpoint);
  return DELIVERED.has(protocol);
}

const CHECKS: Readonly<Record<string, (topic: SnsTopic, endpoint: string) => void>> = {
  sqs(topic, endpoint) {
    const queueName = queueNameOf(endpoint);
    if (queueName === undefined) throw invalidParameter("SQS endpoint ARN");
    if (queueName.endsWith(".fifo") && !topic.fifo) {
      // SNS repeats the prefix in this one message.
      throw invalidParameter(
        "Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics",
      );
    }
  },
  lambda(_topic, endpoint) {
    if (functionOf(endpoint) === undefined) throw invalidParameter("Lambda endpoint ARN");
  },
  http: checkUrl("http"),
  https: checkUrl("https"),
  email: checkEmail,
  "email-json": checkEmail,
};

function checkUrl(scheme: string) {
  return (_topic: SnsTopic, endpoint: string) => {
    if (!endpoint.toLowerCase().startsWith(`${scheme}://`)) {
      throw invalidParameter("Endpoint must match the specified protocol");
    }
  };
}

function checkEmail(_topic: SnsTopic, endpoint: string): void {
  if (!EMAIL_ADDRESS.test(endpoint)) throw invalidParameter("Email address");
}
