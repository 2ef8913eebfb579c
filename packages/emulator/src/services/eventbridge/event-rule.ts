import type { EventPatternMatcher } from "@domovoi/runtime/matching";
import type { ScheduleRunner } from "../../clock/schedule-runner.js";
import type { EventBus } from "./event-bus.js";
import type { RuleTarget } from "./rule-target.js";

export const RULE_STATES = [
  "ENABLED",
  "DISABLED",
  "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
] as const;

export type RuleState = (typeof RULE_STATES)[number];

/** A rule as PutRule defines it: each PutRule replaces all of it but its targets. */
export interface RuleDefinition {
  readonly name: string;
  /** The pattern's JSON text, as given (DescribeRule returns it unchanged). */
  readonly eventPattern?: string;
  readonly scheduleExpression?: string;
  readonly state: RuleState;
  readonly description?: string;
  readonly roleArn?: string;
}

/** A rule of an event bus, with its compiled pattern and its targets by id. */
export class EventRule {
  readonly bus: EventBus;
  readonly arn: string;
  readonly targets = new Map<string, RuleTarget>();
  #definition: RuleDefinition;
  #matcher: EventPatternMatcher | undefined;
  /** Fires a scheduled rule while it is enabled. */
  schedule: ScheduleRunner | undefined;

  constructor(
    bus: EventBus,
    arn: string,
    definition: RuleDefinition,
    matcher: EventPatternMatcher | undefined,
  ) {
    this.bus = bus;
    this.arn = arn;
    this.#definition = definition;
    this.#matcher = matcher;
  }

  get name(): string {
    return this.#definition.name;
  }

  get definition(): RuleDefinition {
    return this.#definition;
  }

  get enabled(): boolean {
    return this.#definition.state !== "DISABLED";
  }

  redefine(definition: RuleDefinition, matcher: EventPatternMatcher | undefined): void {
    this.#definition = definition;
    this.#matcher = matcher;
  }

  setState(state: RuleState): void {
    this.#definition = { ...this.#definition, state };
  }

  /** Whether an event put on the rule's bus goes to its targets. */
  matches(event: object): boolean {
    return this.enabled && (this.#matcher?.(event) ?? false);
  }
}
