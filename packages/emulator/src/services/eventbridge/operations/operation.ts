import type { AwsRequest } from "../../service.js";
import type { EventBus } from "../event-bus.js";
import type { EventRule } from "../event-rule.js";
import type { EventBridgeBackend } from "../eventbridge-backend.js";
import { invalidNextToken, validationException } from "../eventbridge-errors.js";
import type { JsonMembers, StringConstraints } from "../json-protocol/json-members.js";
import type { JsonOperation } from "../json-protocol/json-service.js";
import { type Page, pageOf } from "../json-protocol/pagination.js";

export interface EventBridgeContext {
  readonly backend: EventBridgeBackend;
  readonly region: string;
}

export type EventBridgeOperation = JsonOperation<EventBridgeContext>;

export function eventBridgeContext(backend: EventBridgeBackend) {
  return (request: AwsRequest): EventBridgeContext => ({ backend, region: request.region });
}

/** How EventBridge refuses a request that breaks its model's constraints. */
export const validationFailure = validationException;

/** Rule and target names, from EventBridge's model (the pattern as its messages print it). */
export const NAME: StringConstraints = {
  min: 1,
  max: 64,
  pattern: { regex: /^[.\-_A-Za-z0-9]+$/, text: "[\\.\\-_A-Za-z0-9]+" },
};

/** The bus a request names (`EventBusName`, by name or ARN), the default bus when it names none. */
export function targetBus(input: JsonMembers, { backend, region }: EventBridgeContext): EventBus {
  return backend.eventBus(region, input.optionalString("EventBusName", { min: 1, max: 1600 }));
}

/** The rule a request names in `member` (`Name` or `Rule`) on its bus. */
export function targetRule(
  input: JsonMembers,
  context: EventBridgeContext,
  member: "Name" | "Rule",
): EventRule {
  const name = input.string(member, NAME);
  return context.backend.rule(targetBus(input, context), name);
}

/** A page of a listing, with the `Limit` and `NextToken` of the request (100 items a page). */
export function page<T>(
  input: JsonMembers,
  items: readonly T[],
  keyOf: (item: T) => string,
): Page<T> {
  const limit = input.optionalInteger("Limit", { min: 1, max: 100 }) ?? 100;
  const result = pageOf(items, keyOf, { limit, nextToken: input.optionalString("NextToken") });
  if (!result) throw invalidNextToken();
  return result;
}

/** EventBridge's JSON protocol writes times as epoch seconds. */
export function wireTime(time: number): number {
  return time / 1000;
}
