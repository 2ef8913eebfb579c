import type { EventBridgeEvent } from "aws-lambda";
import type { Handler } from "../context.js";
import { RegistrationError } from "../errors.js";
import type { EventRuleRegistration } from "../manifest.js";
import { compileEventPattern } from "../matching/event-pattern/index.js";
import type { MethodSpec } from "./arguments.js";
import { describe, jsonObject } from "./checks.js";
import { registrationName } from "./names.js";
import type { RegisteredHandler, RegistrationOf } from "./registration.js";

export interface EventRuleOptions {
  readonly name?: string;
  /** The bus the rule listens on, by name or ARN; default `default`. */
  readonly eventBusName?: string;
}

export type EventRuleHandler = Handler<EventBridgeEvent<string, unknown>>;

export const CLOUDWATCH_EVENT_HANDLER: MethodSpec<EventRuleOptions> = {
  method: "cloudwatchEventHandler",
  options: ["name", "eventBusName"],
};

const EVENT_BUS = /^(arn:aws[\w-]*:events:[\w-]+:\d{12}:event-bus\/)?[/.\-_A-Za-z0-9]{1,256}$/;

export function eventRuleRegistration(
  pattern: string | object,
  options: Partial<EventRuleOptions>,
  handler: EventRuleHandler,
): RegistrationOf<"eventbridge"> {
  const where = "cloudwatchEventHandler";
  const matches = compileEventPattern(pattern);
  const eventPattern = jsonObject(pattern, `${where} pattern`);
  const key = JSON.stringify(eventPattern);
  const eventBusName = options.eventBusName ?? "default";
  if (typeof eventBusName !== "string" || !EVENT_BUS.test(eventBusName)) {
    throw new RegistrationError(
      `${where}: eventBusName must be an event bus name or ARN, got ${describe(eventBusName)}.`,
    );
  }
  const manifest: EventRuleRegistration = {
    kind: "eventbridge",
    name: registrationName({ where, explicit: options.name, handler, kind: "rule", key }),
    key,
    options: { eventPattern, eventBusName },
  };
  return { kind: "eventbridge", manifest, handler: handler as RegisteredHandler, matches };
}
