import { type DomovoiManifest, physicalNames } from "@domovoi/runtime";
import type { Clock } from "../clock/clock.js";
import { generateEvent } from "../events/index.js";
import type { LambdaFunction } from "../services/lambda/index.js";
import type { FireSchedule } from "./dev-schedules.js";

export interface ScheduleFiringOptions {
  readonly lambda: LambdaFunction;
  readonly clock: Clock;
  readonly region: string;
  readonly stage: string;
  /** The manifest of the code now serving. */
  readonly manifest: () => DomovoiManifest;
}

/**
 * Fires a schedule as its deployed EventBridge Scheduler schedule does: an asynchronous
 * invocation with the Scheduler envelope, naming the schedule's physical name and group.
 */
export function scheduleFiring({
  lambda,
  clock,
  region,
  stage,
  manifest,
}: ScheduleFiringOptions): FireSchedule {
  return (name, scheduledTime) => {
    const names = physicalNames(manifest(), stage);
    const event = generateEvent(
      "schedule",
      {
        name: names.registrations[name]?.schedule ?? name,
        group: names.scheduleGroup,
        time: scheduledTime,
      },
      { region, now: () => new Date(clock.now()) },
    );
    return lambda.invokeAsync({
      payload: JSON.stringify(event),
      trigger: `schedule:${name}`,
      registration: name,
    });
  };
}
