import type { SNSEvent } from "aws-lambda";
import type { Handler } from "../context.js";
import type { SnsRegistration } from "../manifest.js";
import type { MethodSpec } from "./arguments.js";
import { checkOneOf, jsonObject } from "./checks.js";
import { registrationName } from "./names.js";
import type { RegisteredHandler, RegistrationOf } from "./registration.js";
import { resourceReference, SNS_TOPIC } from "./resource-names.js";

export interface SnsOptions {
  readonly name?: string;
  /** An SNS filter policy, as an object or its JSON text. */
  readonly filterPolicy?: string | object;
  /** What the policy applies to; default `MessageAttributes`. */
  readonly filterPolicyScope?: "MessageAttributes" | "MessageBody";
}

export type SnsHandler = Handler<SNSEvent>;

export const SNS_TOPIC_SUBSCRIBER: MethodSpec<SnsOptions> = {
  method: "snsTopicSubscriber",
  options: ["name", "filterPolicy", "filterPolicyScope"],
};

const SCOPES = ["MessageAttributes", "MessageBody"] as const;

export function snsRegistration(
  topic: string,
  options: Partial<SnsOptions>,
  handler: SnsHandler,
): RegistrationOf<"sns"> {
  const where = `snsTopicSubscriber(${JSON.stringify(topic)})`;
  const { name, arn } = resourceReference(topic, SNS_TOPIC);
  const scope = checkOneOf(
    options.filterPolicyScope ?? "MessageAttributes",
    `${where} filterPolicyScope`,
    SCOPES,
  );
  const policy = options.filterPolicy;
  const manifest: SnsRegistration = {
    kind: "sns",
    name: registrationName({ where, explicit: options.name, handler, kind: "sns", key: name }),
    key: name,
    options: {
      ...(arn !== undefined && { topicArn: arn }),
      ...(policy !== undefined && { filterPolicy: jsonObject(policy, `${where} filterPolicy`) }),
      filterPolicyScope: scope,
    },
  };
  return { kind: "sns", manifest, handler: handler as RegisteredHandler };
}
