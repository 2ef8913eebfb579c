import { randomUUID } from "node:crypto";
import { compileEventPattern, parseScheduleExpression } from "@domovoi/runtime/matching";
import type { EventBridgeEvent } from "aws-lambda";
import type { Clock } from "../../clock/clock.js";
import type { GeneratorOptions } from "../../events/context.js";
import { generateScheduleEvent } from "../../events/schedule.js";
import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import { busNameOf, DEFAULT_BUS, eventBusArn, ruleArn } from "./arns.js";
import { EventBridgeDelivery } from "./delivery.js";
import type { EventBridgeDeliveryFailure, EventBridgeTargets } from "./delivery-targets.js";
import { EventBus } from "./event-bus.js";
import { EventRule, type RuleDefinition, type RuleState } from "./event-rule.js";
import {
  defaultBusUndeletable,
  entriesTooLarge,
  eventBusExists,
  eventBusNotFound,
  fromMatchingError,
  patternOrScheduleRequired,
  ruleHasTargets,
  ruleNotFound,
  tooManyTargets,
} from "./eventbridge-errors.js";
import {
  eventOf,
  exceedsRequestSize,
  type PutEventsEntry,
  type PutEventsResult,
} from "./put-events-entry.js";
import { RuleSchedules } from "./rule-schedules.js";
import { compileTarget, DELIVERED_SERVICES, type RuleTarget } from "./rule-target.js";
import type { TargetDefinition } from "./target-definition.js";

export interface EventBridgeBackendOptions {
  /** The clock deliveries, retries and scheduled rules run on. */
  readonly clock: Clock;
  readonly targets: EventBridgeTargets;
  /** The account of every bus and rule (default: the emulator's local account). */
  readonly account?: string;
  readonly randomUUID?: () => string;
  /** Told of every event a target could not take, dead-lettered or lost. */
  readonly onDeliveryFailure?: (failure: EventBridgeDeliveryFailure) => void;
}

/** A target PutTargets could not add, as it reports it. */
export interface FailedTargetEntry {
  readonly targetId: string;
  readonly errorCode: string;
  readonly errorMessage: string;
}

/** A rule has at most five targets. */
const MAX_TARGETS = 5;

/**
 * The emulated EventBridge of one emulator: event buses by region, their rules and targets, and
 * the delivery of every event put on a bus to the targets of the enabled rules it matches. The
 * JSON-protocol adapter, the emulator's own setup (the app's rules) and the other services (S3's
 * events) share it.
 */
export class EventBridgeBackend {
  readonly account: string;
  readonly #clock: Clock;
  readonly #randomUUID: () => string;
  readonly #delivery: EventBridgeDelivery;
  readonly #schedules: RuleSchedules;
  /** By region, then by name. */
  readonly #buses = new Map<string, Map<string, EventBus>>();

  constructor(options: EventBridgeBackendOptions) {
    this.account = options.account ?? LOCAL_ACCOUNT_ID;
    this.#clock = options.clock;
    this.#randomUUID = options.randomUUID ?? randomUUID;
    this.#delivery = new EventBridgeDelivery({
      clock: options.clock,
      targets: options.targets,
      onFailure: options.onDeliveryFailure,
    });
    this.#schedules = new RuleSchedules(options.clock, (rule, time) =>
      this.#fireSchedule(rule, time),
    );
  }

  /** The region's buses, by name. */
  eventBuses(region: string): EventBus[] {
    const buses = this.#regionBuses(region);
    return [...buses.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** A bus by name or ARN; every region has its default bus. */
  eventBus(region: string, nameOrArn: string = DEFAULT_BUS): EventBus {
    const bus = this.findEventBus(region, nameOrArn);
    if (!bus) throw eventBusNotFound(busNameOf(nameOrArn));
    return bus;
  }

  findEventBus(region: string, nameOrArn: string): EventBus | undefined {
    return this.#regionBuses(region).get(busNameOf(nameOrArn));
  }

  createEventBus(region: string, name: string, description?: string): EventBus {
    const buses = this.#regionBuses(region);
    if (buses.has(name)) throw eventBusExists(name);
    const bus = this.#newBus(region, name, description);
    buses.set(name, bus);
    return bus;
  }

  /** Deletes a bus and its rules; deleting one that does not exist does nothing. */
  deleteEventBus(region: string, nameOrArn: string): void {
    const name = busNameOf(nameOrArn);
    if (name === DEFAULT_BUS) throw defaultBusUndeletable();
    const buses = this.#regionBuses(region);
    for (const rule of buses.get(name)?.rules.values() ?? []) this.#schedules.stop(rule);
    buses.delete(name);
  }

  /**
   * Creates or replaces a rule: PutRule replaces every setting of an existing rule but its
   * targets. The pattern and the schedule are checked with AWS's messages.
   */
  putRule(bus: EventBus, definition: RuleDefinition): EventRule {
    const { eventPattern, scheduleExpression } = definition;
    if (eventPattern === undefined && scheduleExpression === undefined) {
      throw patternOrScheduleRequired();
    }
    const matcher =
      eventPattern === undefined ? undefined : checked(() => compileEventPattern(eventPattern));
    if (scheduleExpression !== undefined) {
      checked(() => parseScheduleExpression(scheduleExpression, { eventBusName: bus.name }));
    }
    let rule = bus.rules.get(definition.name);
    if (rule) rule.redefine(definition, matcher);
    else {
      const arn = ruleArn(bus.region, this.account, bus.name, definition.name);
      rule = new EventRule(bus, arn, definition, matcher);
      bus.rules.set(rule.name, rule);
    }
    this.#schedules.refresh(rule);
    return rule;
  }

  rule(bus: EventBus, name: string): EventRule {
    const rule = bus.rules.get(name);
    if (!rule) throw ruleNotFound(name, bus.name);
    return rule;
  }

  /** Deletes a rule that has no targets; deleting one that does not exist does nothing. */
  deleteRule(bus: EventBus, name: string): void {
    const rule = bus.rules.get(name);
    if (!rule) return;
    if (rule.targets.size > 0) throw ruleHasTargets();
    this.#schedules.stop(rule);
    bus.rules.delete(name);
  }

  setRuleState(rule: EventRule, state: RuleState): void {
    rule.setState(state);
    this.#schedules.refresh(rule);
  }

  /**
   * Adds or replaces targets by id. A target the emulator cannot deliver to is reported as a
   * failed entry rather than accepted and silently never reached.
   */
  putTargets(rule: EventRule, definitions: readonly TargetDefinition[]): FailedTargetEntry[] {
    const accepted: RuleTarget[] = [];
    const failed: FailedTargetEntry[] = [];
    for (const definition of definitions) {
      const target = compileTarget(definition);
      if (target) accepted.push(target);
      else failed.push(notDelivered(definition));
    }
    const ids = new Set([
      ...rule.targets.keys(),
      ...accepted.map(({ definition }) => definition.id),
    ]);
    if (ids.size > MAX_TARGETS) throw tooManyTargets();
    for (const target of accepted) rule.targets.set(target.definition.id, target);
    return failed;
  }

  /** Removes targets by id; ids the rule does not have are ignored, as AWS ignores them. */
  removeTargets(rule: EventRule, ids: readonly string[]): void {
    for (const id of ids) rule.targets.delete(id);
  }

  /** Builds, answers and routes each entry; deliveries run on the clock after this returns. */
  putEvents(region: string, entries: readonly PutEventsEntry[]): PutEventsResult[] {
    if (exceedsRequestSize(entries)) throw entriesTooLarge();
    const options = this.#generatorOptions(region);
    return entries.map((entry) => {
      const event = eventOf(entry, options);
      if ("errorCode" in event) return event;
      // An event for a bus that does not exist is accepted and goes nowhere, as AWS records show.
      const bus = this.findEventBus(region, entry.eventBusName ?? DEFAULT_BUS);
      if (bus) this.#route(bus, event);
      return { eventId: event.id };
    });
  }

  /**
   * Puts an event an AWS service emits (S3's notifications) on the default bus of its region,
   * where it meets the rules as any other event does.
   */
  publishServiceEvent(event: EventBridgeEvent<string, unknown>): void {
    this.#route(this.eventBus(event.region), event);
  }

  #route(bus: EventBus, event: EventBridgeEvent<string, unknown>): void {
    const ingestionTime = this.#clock.now();
    for (const rule of bus.rules.values()) {
      if (!rule.matches(event)) continue;
      this.#deliver(rule, event, ingestionTime);
    }
  }

  #deliver(rule: EventRule, event: EventBridgeEvent<string, unknown>, ingestionTime: number): void {
    const context = { event, ruleName: rule.name, ruleArn: rule.arn, ingestionTime };
    for (const target of rule.targets.values()) this.#delivery.schedule(target, context);
  }

  /** A scheduled rule sends the Scheduled Event, as EventBridge writes it, to its own targets. */
  #fireSchedule(rule: EventRule, scheduledTime: Date): void {
    const event = generateScheduleEvent(
      { name: rule.name, via: "rule", time: scheduledTime },
      this.#generatorOptions(rule.bus.region),
    );
    this.#deliver(rule, event, this.#clock.now());
  }

  #generatorOptions(region: string): GeneratorOptions {
    return {
      region,
      account: this.account,
      now: () => new Date(this.#clock.now()),
      randomUUID: this.#randomUUID,
    };
  }

  #regionBuses(region: string): Map<string, EventBus> {
    let buses = this.#buses.get(region);
    if (!buses) {
      buses = new Map([[DEFAULT_BUS, this.#newBus(region, DEFAULT_BUS, undefined)]]);
      this.#buses.set(region, buses);
    }
    return buses;
  }

  #newBus(region: string, name: string, description: string | undefined): EventBus {
    return new EventBus({
      name,
      arn: eventBusArn(region, this.account, name),
      region,
      description,
      creationTime: this.#clock.now(),
    });
  }
}

function notDelivered(definition: TargetDefinition): FailedTargetEntry {
  return {
    targetId: definition.id,
    errorCode: "NotEmulated",
    errorMessage: `The Domovoi emulator does not deliver EventBridge events to ${definition.arn} (it delivers to ${DELIVERED_SERVICES.join(", ")}).`,
  };
}

/** Runs a check of the matching engines, answering its refusal with AWS's code and message. */
function checked<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw fromMatchingError(error);
  }
}
