import type { S3NotificationEvent } from "aws-lambda";
import type { AnyEventBridgeEvent, RuleSource, ScheduleSource } from "../sources/index.js";
import { s3EventFromEventBridge } from "../sources/index.js";
import type { Invocation } from "./invocation.js";
import { type Route, runAll } from "./outcomes.js";

/**
 * An event in a Domovoi rule's envelope goes to exactly that rule's registration, whatever other
 * patterns it matches: a pattern handler gets the event, an S3 handler delivered through
 * EventBridge gets it as an `S3Event`.
 */
export function ruleRoute(source: RuleSource, invocation: Invocation): Route | undefined {
  const registration = invocation.named(source.key, ["eventbridge", "s3"]);
  const event =
    registration?.kind === "s3"
      ? s3EventFromEventBridge(source.event as S3NotificationEvent, "event")
      : source.event;
  return invocation.routeTo(registration, event);
}

/**
 * A schedule tick goes to the schedule (or scheduled rule) named at the end of `resources[0]`;
 * one that names none is an EventBridge event like any other.
 */
export function scheduleRoute(source: ScheduleSource, invocation: Invocation): Route | undefined {
  const registration =
    source.key === null ? undefined : invocation.named(source.key, ["schedule", "eventbridge"]);
  return invocation.routeTo(registration, source.event) ?? patternRoute(source.event, invocation);
}

/** A bare EventBridge event (a direct invoke) runs the handler of every pattern it matches. */
export function patternRoute(
  event: AnyEventBridgeEvent,
  invocation: Invocation,
): Route | undefined {
  const matching = invocation.registry.rules.filter((rule) => rule.matches(event));
  if (matching.length === 0) return undefined;
  return () => runAll(matching.map((rule) => () => invocation.run(rule, event)));
}
