import { DomovoiError, type DomovoiManifest, type ScheduleRegistration } from "@domovoi/runtime";
import { type ScheduleDefinition, ScheduleRunner, type VirtualClock } from "../clock/index.js";

/** A schedule to fire was asked for by a name the app has no schedule under. */
export class UnknownScheduleError extends DomovoiError {
  constructor(name: string, known: readonly string[]) {
    super(
      `The app has no schedule named ${JSON.stringify(name)} (its schedules: ${known.map((k) => JSON.stringify(k)).join(", ") || "none"}).`,
    );
  }
}

export interface ScheduleDriverOptions {
  readonly clock: VirtualClock;
  readonly manifest: DomovoiManifest;
  /** The schedules (registration names) that fire; default every enabled one. */
  readonly only?: readonly string[];
  /** Runs a schedule firing; the driver waits for it before moving the clock on. */
  readonly fire: (registration: string, scheduledTime: Date) => Promise<void>;
}

/**
 * Fires the app's schedules as the clock is moved by hand: every time one is due, in time order,
 * each firing finished before the clock moves past it, as if the schedules had been created
 * when the driver was.
 */
export class ScheduleDriver {
  readonly #clock: VirtualClock;
  readonly #runner: ScheduleRunner;
  readonly #failures: unknown[] = [];

  constructor({ clock, manifest, only, fire }: ScheduleDriverOptions) {
    this.#clock = clock;
    this.#runner = new ScheduleRunner({
      clock,
      schedules: schedulesOf(manifest, only),
      onFire: fire,
      onError: (error) => this.#failures.push(error),
    });
    this.#runner.start();
  }

  /** The next fire time of each schedule. */
  nextFireTimes(): ReadonlyMap<string, Date | null> {
    return this.#runner.nextFireTimes();
  }

  /**
   * Moves the clock to `time`, running every timer due on the way and waiting for each firing.
   * @throws what a firing threw (an invocation that failed is a result, not an error).
   */
  async advanceTo(time: number): Promise<void> {
    let next = this.#clock.nextTimerAt();
    while (next !== undefined && next <= time) {
      await this.#clock.advanceTo(next);
      await this.#runner.settled();
      const [failure] = this.#failures.splice(0);
      if (failure !== undefined) throw failure;
      next = this.#clock.nextTimerAt();
    }
    await this.#clock.advanceTo(time);
  }

  stop(): void {
    this.#runner.stop();
  }
}

function schedulesOf(
  manifest: DomovoiManifest,
  only: readonly string[] | undefined,
): ScheduleDefinition[] {
  const schedules = manifest.registrations.filter(
    (registration): registration is ScheduleRegistration => registration.kind === "schedule",
  );
  const names = schedules.map((schedule) => schedule.name);
  for (const name of only ?? []) {
    if (!names.includes(name)) throw new UnknownScheduleError(name, names);
  }
  return schedules
    .filter((schedule) => only === undefined || only.includes(schedule.name))
    .map(({ name, options }) => ({
      name,
      expression: options.expression,
      timezone: options.timezone,
      enabled: options.enabled,
    }));
}
