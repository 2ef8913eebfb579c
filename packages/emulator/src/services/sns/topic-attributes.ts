import {
  type AttributeApi,
  checkBoolean,
  checkJsonDocument,
  rejectAttribute,
} from "./attribute-rejection.js";
import { invalidParameter, invalidParameterReason } from "./sns-errors.js";

const FEEDBACK_ATTRIBUTES = ["Application", "Firehose", "HTTP", "Lambda", "SQS"].flatMap((kind) =>
  ["SuccessFeedbackRoleArn", "SuccessFeedbackSampleRate", "FailureFeedbackRoleArn"].map(
    (suffix) => `${kind}${suffix}`,
  ),
);

/** Accepted on every topic; the emulator keeps them and shows them, without acting on them. */
const COMMON_ATTRIBUTES = new Set([
  "DeliveryPolicy",
  "DisplayName",
  "Policy",
  "SignatureVersion",
  "TracingConfig",
  "KmsMasterKeyId",
  ...FEEDBACK_ATTRIBUTES,
]);
const FIFO_ATTRIBUTES = new Set([
  "ContentBasedDeduplication",
  "FifoThroughputScope",
  "ArchivePolicy",
]);
const JSON_DOCUMENTS = new Set(["DeliveryPolicy", "Policy", "ArchivePolicy"]);
const CHOICES: Readonly<Record<string, readonly string[]>> = {
  SignatureVersion: ["1", "2"],
  TracingConfig: ["PassThrough", "Active"],
  FifoThroughputScope: ["Topic", "MessageGroup"],
};

const STANDARD_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const FIFO_NAME = /^(?=.{1,256}$)[A-Za-z0-9_-]+\.fifo$/;

/** Reads `FifoTopic` and checks the name against the topic type, with SNS's messages. */
export function checkTopicType(
  name: string,
  attributes: Readonly<Record<string, string>>,
): boolean {
  const fifoAttribute = attributes.FifoTopic;
  const fifo =
    fifoAttribute !== undefined &&
    checkBoolean("CreateTopic", "FifoTopic", fifoAttribute) === "true";
  if (fifo && !FIFO_NAME.test(name)) {
    throw invalidParameter(
      "Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.",
    );
  }
  if (!fifo && !STANDARD_NAME.test(name)) throw invalidParameter("Topic Name");
  return fifo;
}

/**
 * Checks attributes given to CreateTopic or SetTopicAttributes and returns them as stored; an
 * empty policy document removes it (`undefined`).
 */
export function checkTopicAttributes(
  attributes: Readonly<Record<string, string>>,
  { fifo, api }: { readonly fifo: boolean; readonly api: AttributeApi },
): Map<string, string | undefined> {
  const checked = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "FifoTopic" && api === "CreateTopic") continue;
    if (!COMMON_ATTRIBUTES.has(name) && !(fifo && FIFO_ATTRIBUTES.has(name))) {
      throw api === "CreateTopic"
        ? invalidParameterReason("Attributes", `Unknown attribute ${name}`)
        : invalidParameter("AttributeName");
    }
    checked.set(name, checkValue(api, name, value));
  }
  return checked;
}

function checkValue(api: AttributeApi, name: string, value: string): string | undefined {
  if (name === "ContentBasedDeduplication") return checkBoolean(api, name, value);
  if (JSON_DOCUMENTS.has(name)) {
    return checkJsonDocument(api, name, value) === undefined ? undefined : value;
  }
  const choices = CHOICES[name];
  if (choices !== undefined && !choices.includes(value)) {
    rejectAttribute(
      api,
      `${name}: Invalid value [${value}]. Must be one of ${choices.join(", ")}.`,
    );
  }
  return value;
}
