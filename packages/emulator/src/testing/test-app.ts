import { type DomovoiManifest, type PhysicalNames, physicalNames } from "@domovoi/runtime";
import { checkDelay } from "../clock/clock.js";
import { VirtualClock } from "../clock/index.js";
import type { GeneratorOptions } from "../events/context.js";
import {
  type EventKind,
  type EventParams,
  generateEvent,
  generateScheduleEvent,
} from "../events/index.js";
import type { LogLine } from "../host/log-line.js";
import type { RecordingEntry } from "../recording/format.js";
import { type ReplayOptions, type ReplayReport, replay } from "../recording/replay.js";
import { EnvironmentOverride } from "./environment-override.js";
import {
  InProcessFunction,
  type TestInvocation,
  type TestInvokeOptions,
  testOutcome,
} from "./in-process-function.js";
import { type LoadOptions, loadTestApp } from "./load-test-app.js";
import { logCapture } from "./log-capture.js";
import { ScheduleDriver } from "./schedule-driver.js";

export type TestAppOptions = LoadOptions & {
  /** The clock schedules run on; default a virtual clock starting now. */
  readonly clock?: VirtualClock;
  /** The schedules (registration names) that fire as the clock advances; default all. */
  readonly schedules?: readonly string[];
};

/** A schedule's firing while the clock advanced. */
export interface ScheduledInvocation extends TestInvocation {
  /** The schedule's registration name. */
  readonly schedule: string;
  /** The time AWS would have fired it at. */
  readonly scheduledTime: Date;
}

/**
 * Loads a Domovoi app into the test's own process (`entry`, imported, or `app`) and drives it:
 * generated events, direct invocations, replays of recordings, and its schedules on a virtual
 * clock. The app gets Lambda's environment variables and a Lambda context, its output is
 * captured per invocation, and its AWS calls go to `endpointUrl` (by default a loopback port
 * where nothing listens). Close it after each test: it restores the environment and the console.
 */
export async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  const environment = new EnvironmentOverride();
  const releaseLogs = logCapture.acquire();
  const logs: LogLine[] = [];
  try {
    const loaded = await loadTestApp(options, environment, (line) => logs.push(line));
    return new TestApp({
      ...loaded,
      fn: new InProcessFunction({ ...loaded, onLog: (line) => logs.push(line) }),
      logs,
      options,
      release: () => {
        environment.restore();
        releaseLogs();
      },
    });
  } catch (error) {
    environment.restore();
    releaseLogs();
    throw error;
  }
}

interface TestAppParts {
  readonly manifest: DomovoiManifest;
  readonly stage: string;
  readonly fn: InProcessFunction;
  /** Filled as the app writes. */
  readonly logs: LogLine[];
  readonly options: TestAppOptions;
  /** Gives back the environment and the console. */
  readonly release: () => void;
}

export class TestApp {
  readonly manifest: DomovoiManifest;
  readonly stage: string;
  /** The names of the app's AWS resources in the stage: schedules, task aliases... */
  readonly names: PhysicalNames;
  readonly clock: VirtualClock;
  readonly #function: InProcessFunction;
  readonly #logs: LogLine[];
  readonly #schedules: ScheduleDriver;
  readonly #fired: ScheduledInvocation[] = [];
  #firing: Promise<void> = Promise.resolve();
  readonly #release: () => void;

  /** @internal Use {@link createTestApp}. */
  constructor(parts: TestAppParts) {
    this.manifest = parts.manifest;
    this.stage = parts.stage;
    this.names = physicalNames(parts.manifest, parts.stage);
    this.clock = parts.options.clock ?? new VirtualClock();
    this.#function = parts.fn;
    this.#logs = parts.logs;
    this.#release = parts.release;
    this.#schedules = new ScheduleDriver({
      clock: this.clock,
      manifest: parts.manifest,
      only: parts.options.schedules,
      fire: (registration, time) => this.#fire(registration, time),
    });
  }

  get functionName(): string {
    return this.names.functionName;
  }

  /** Every line the app wrote: its module's initialisation, then each invocation's. */
  get logs(): readonly LogLine[] {
    return this.#logs;
  }

  /** Generates an event of `kind` (with the stage's region and the clock's time) and invokes. */
  send<K extends EventKind>(
    kind: K,
    params: EventParams<K>,
    options?: TestInvokeOptions,
  ): Promise<TestInvocation> {
    return this.invoke(generateEvent(kind, params, this.#generatorOptions()), options);
  }

  /**
   * Invokes `app.handler` with the event, as Lambda would.
   * @throws ResourceNotFoundException for a qualifier the app has no alias for.
   */
  invoke(event: unknown, options?: TestInvokeOptions): Promise<TestInvocation> {
    return this.#function.invoke(event, options);
  }

  /** Replays a recording (file, folder or entries) against the app, one entry at a time. */
  replay(
    recording: string | Iterable<RecordingEntry>,
    options?: ReplayOptions,
  ): Promise<ReplayReport> {
    return replay(
      recording,
      async (entry) => testOutcome(await this.invoke(entry.event, { qualifier: entry.qualifier })),
      options,
    );
  }

  /**
   * Moves the clock `by` milliseconds, or up to a time, firing every schedule due on the way in
   * time order, each with the envelope its EventBridge Scheduler schedule sends.
   * @returns the firings, in order.
   */
  async advance(by: number | Date): Promise<ScheduledInvocation[]> {
    const target = typeof by === "number" ? this.clock.now() + checkDelay(by) : by.getTime();
    const first = this.#fired.length;
    await this.#schedules.advanceTo(target);
    return this.#fired.slice(first);
  }

  /** The next fire time of each schedule. */
  nextFireTimes(): ReadonlyMap<string, Date | null> {
    return this.#schedules.nextFireTimes();
  }

  /** Stops the schedules and gives the process its environment and console back. */
  async close(): Promise<void> {
    this.#schedules.stop();
    await this.#firing;
    this.#release();
  }

  #fire(registration: string, scheduledTime: Date): Promise<void> {
    const firing = this.#firing.then(async () => {
      const event = generateScheduleEvent(
        {
          name: this.names.registrations[registration]!.schedule!,
          group: this.names.scheduleGroup,
          time: scheduledTime,
        },
        this.#generatorOptions(),
      );
      const invocation = await this.invoke(event);
      this.#fired.push({ ...invocation, schedule: registration, scheduledTime });
    });
    // One firing at a time, in order; a firing that throws fails only its own advance.
    this.#firing = firing.catch(() => undefined);
    return firing;
  }

  #generatorOptions(): GeneratorOptions {
    const { region, accountId } = this.#function.identity;
    return { region, account: accountId, now: () => new Date(this.clock.now()) };
  }
}
