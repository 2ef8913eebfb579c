import type { DomovoiManifest, ScheduleRegistration } from "@domovoi/runtime";
import type { Clock } from "../clock/clock.js";
import { ScheduleRunner } from "../clock/schedule-runner.js";

/** One schedule of the app as `domovoi dev` runs it. */
export interface DevSchedule {
  readonly name: string;
  readonly expression: string;
  readonly timezone: string;
  /** When it fires next; null when it never will, is disabled, or schedules are off. */
  readonly next: Date | null;
}

/**
 * Fires one schedule: sends what the deployed EventBridge Scheduler schedule would send.
 * @returns the request id of the (asynchronous) invocation.
 */
export type FireSchedule = (name: string, scheduledTime: Date) => string;

export interface DevSchedulesOptions {
  readonly clock: Clock;
  /** False with `--no-schedules`: schedules are listed and can be triggered, but never fire. */
  readonly running: boolean;
  readonly fire: FireSchedule;
  readonly onError: (error: unknown, name: string) => void;
}

interface Running {
  readonly registration: ScheduleRegistration;
  readonly runner: ScheduleRunner;
}

/**
 * The app's schedules, each on its own runner so that a hot reload restarts only the schedules
 * it changed: a `rate()` schedule left as it was keeps its rhythm instead of firing on every save.
 */
export class DevSchedules {
  readonly #options: DevSchedulesOptions;
  #schedules = new Map<string, Running>();

  constructor(options: DevSchedulesOptions) {
    this.#options = options;
  }

  /**
   * Takes the schedules of a newly loaded manifest.
   * @returns whether any schedule was added, changed or removed.
   */
  update(manifest: DomovoiManifest): boolean {
    const next = new Map<string, Running>();
    for (const registration of manifest.registrations) {
      if (registration.kind !== "schedule") continue;
      const kept = this.#schedules.get(registration.name);
      next.set(
        registration.name,
        kept && sameSchedule(kept.registration, registration) ? kept : this.#start(registration),
      );
    }
    let changed = next.size !== this.#schedules.size;
    for (const [name, running] of this.#schedules) {
      if (next.get(name) === running) continue;
      running.runner.stop();
      changed = true;
    }
    this.#schedules = next;
    return changed;
  }

  list(): DevSchedule[] {
    return [...this.#schedules.values()].map(({ registration, runner }) => ({
      name: registration.name,
      expression: registration.options.expression,
      timezone: registration.options.timezone,
      next: runner.nextFireTimes().get(registration.name) ?? null,
    }));
  }

  has(name: string): boolean {
    return this.#schedules.has(name);
  }

  /** Fires a schedule now, whether or not schedules run; gives the invocation's request id. */
  trigger(name: string): string {
    return this.#options.fire(name, new Date(this.#options.clock.now()));
  }

  stop(): void {
    for (const { runner } of this.#schedules.values()) runner.stop();
    this.#schedules.clear();
  }

  #start(registration: ScheduleRegistration): Running {
    const { clock, running, fire, onError } = this.#options;
    const { expression, timezone, enabled } = registration.options;
    const runner = new ScheduleRunner({
      clock,
      schedules: [{ name: registration.name, expression, timezone, enabled }],
      onFire: (name, scheduledTime) => {
        fire(name, scheduledTime);
      },
      onError,
    });
    if (running) runner.start();
    return { registration, runner };
  }
}

function sameSchedule(a: ScheduleRegistration, b: ScheduleRegistration): boolean {
  return JSON.stringify(a.options) === JSON.stringify(b.options);
}
