import {
  nextFireTime,
  parseScheduleExpression,
  type ScheduleExpression,
  type ScheduleService,
} from "@domovoi/runtime/matching";
import type { Clock, Timer } from "./clock.js";

/** One schedule of the app, as its manifest lists it (a `schedule` registration). */
export interface ScheduleDefinition {
  readonly name: string;
  /** `rate(...)`, `cron(...)` or (Scheduler only) `at(...)`. */
  readonly expression: string;
  /** IANA zone in which cron() and at() are read (Scheduler only); default UTC. */
  readonly timezone?: string;
  /** Default true; a disabled schedule never fires. */
  readonly enabled?: boolean;
  /**
   * Default `scheduler`: Domovoi deploys schedules with EventBridge Scheduler. `events-rule` runs
   * one as an EventBridge rule would.
   */
  readonly service?: ScheduleService;
}

/** Called when a schedule fires, with the time AWS would have fired it at. */
export type ScheduleFireHandler = (name: string, scheduledTime: Date) => void | Promise<void>;

export interface ScheduleRunnerOptions {
  readonly clock: Clock;
  readonly schedules: readonly ScheduleDefinition[];
  readonly onFire: ScheduleFireHandler;
  /** Receives what `onFire` throws or rejects with. Default: rethrown, as a timer would. */
  readonly onError?: (error: unknown, name: string) => void;
}

interface RunningSchedule {
  readonly definition: ScheduleDefinition;
  readonly schedule: ScheduleExpression;
  next: Date | null;
  timer: Timer | undefined;
}

/**
 * Fires each schedule at the times AWS would fire it, on the given clock, as if it had been
 * created at `start()`: a Scheduler rate schedule fires then and every period after it, a rule's
 * rate one period after it; a cron fires at its times from that moment on. The expressions are
 * validated when the runner is built, with AWS's errors (`InvalidScheduleExpressionError`).
 */
export class ScheduleRunner {
  readonly #options: ScheduleRunnerOptions;
  #running: RunningSchedule[] = [];
  #started = false;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(options: ScheduleRunnerOptions) {
    this.#options = options;
    const names = new Set<string>();
    for (const definition of options.schedules) {
      if (names.has(definition.name)) {
        throw new RangeError(`Two schedules are named ${JSON.stringify(definition.name)}.`);
      }
      names.add(definition.name);
      parse(definition, new Date(options.clock.now()));
    }
  }

  get started(): boolean {
    return this.#started;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    const { clock, schedules } = this.#options;
    const now = new Date(clock.now());
    this.#running = schedules
      .filter((definition) => definition.enabled !== false)
      .map((definition) => ({
        definition,
        schedule: parse(definition, now),
        next: null,
        timer: undefined,
      }));
    // From just before the start, so that a time falling on the start itself fires.
    for (const running of this.#running) this.#arm(running, new Date(now.getTime() - 1));
  }

  stop(): void {
    for (const running of this.#running) running.timer?.cancel();
    this.#running = [];
    this.#started = false;
  }

  /** The next fire time of each schedule (null: never again, disabled, or not started). */
  nextFireTimes(): ReadonlyMap<string, Date | null> {
    const next = new Map(this.#options.schedules.map((s) => [s.name, null as Date | null]));
    for (const running of this.#running) next.set(running.definition.name, running.next);
    return next;
  }

  /** Resolves once every `onFire` call made so far has settled. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  #arm(running: RunningSchedule, after: Date): void {
    running.next = nextFireTime(running.schedule, after);
    if (!running.next) return;
    const { clock } = this.#options;
    const due = running.next;
    running.timer = clock.setTimeout(
      () => this.#fire(running, due),
      Math.max(0, due.getTime() - clock.now()),
    );
  }

  #fire(running: RunningSchedule, scheduledTime: Date): void {
    // A real clock that woke up late (a suspended laptop) skips the fire times it slept through
    // instead of firing them in a burst; AWS never catches up on missed times either.
    const after = Math.max(scheduledTime.getTime(), this.#options.clock.now() - 1);
    this.#arm(running, new Date(after));
    const { name } = running.definition;
    const call = (async () => this.#options.onFire(name, scheduledTime))().catch((error: unknown) =>
      this.#report(error, name),
    );
    this.#inFlight.add(call);
    void call.finally(() => this.#inFlight.delete(call));
  }

  #report(error: unknown, name: string): void {
    const { onError } = this.#options;
    if (onError) onError(error, name);
    else
      queueMicrotask(() => {
        throw error;
      });
  }
}

function parse(definition: ScheduleDefinition, startTime: Date): ScheduleExpression {
  return definition.service === "events-rule"
    ? parseScheduleExpression(definition.expression, { service: "events-rule", startTime })
    : parseScheduleExpression(definition.expression, {
        service: "scheduler",
        timezone: definition.timezone,
        startTime,
      });
}
