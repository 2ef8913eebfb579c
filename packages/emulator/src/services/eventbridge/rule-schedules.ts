import type { Clock } from "../../clock/clock.js";
import { ScheduleRunner } from "../../clock/schedule-runner.js";
import type { EventRule } from "./event-rule.js";

interface RunningSchedule {
  readonly expression: string;
  readonly runner: ScheduleRunner;
}

/**
 * Fires the enabled rules that have a schedule expression, each on its own runner and on the
 * emulator's clock, from the moment its schedule was set: a `rate()` rule fires one period later.
 */
export class RuleSchedules {
  readonly #clock: Clock;
  readonly #onFire: (rule: EventRule, scheduledTime: Date) => void;
  readonly #running = new Map<EventRule, RunningSchedule>();

  constructor(clock: Clock, onFire: (rule: EventRule, scheduledTime: Date) => void) {
    this.#clock = clock;
    this.#onFire = onFire;
  }

  /**
   * Follows a rule's new definition or state. A schedule left as it was keeps its rhythm, so that
   * PutRule with the same expression does not restart a `rate()` period.
   */
  refresh(rule: EventRule): void {
    const { scheduleExpression } = rule.definition;
    const running = this.#running.get(rule);
    const wanted = rule.enabled ? scheduleExpression : undefined;
    if (running?.expression === wanted) return;
    this.stop(rule);
    if (wanted === undefined) return;
    const runner = new ScheduleRunner({
      clock: this.#clock,
      schedules: [{ name: rule.name, expression: wanted, service: "events-rule" }],
      onFire: (_name, scheduledTime) => this.#onFire(rule, scheduledTime),
    });
    runner.start();
    this.#running.set(rule, { expression: wanted, runner });
  }

  stop(rule: EventRule): void {
    this.#running.get(rule)?.runner.stop();
    this.#running.delete(rule);
  }
}
