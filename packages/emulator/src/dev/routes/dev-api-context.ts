import type { Clock } from "../../clock/clock.js";
import type { LambdaFunction } from "../../services/lambda/index.js";
import type { DevSchedules } from "../dev-schedules.js";

/** What the `/_domovoi/` routes act on; ready once the app has loaded. */
export interface DevApiContext {
  readonly lambda: LambdaFunction;
  readonly schedules: DevSchedules;
  readonly clock: Clock;
  /** The stage's region, for generated events. */
  readonly region: string;
  readonly projectDir: string;
}

/** Each route plugin's options: the context, awaited per request (requests may beat the app's load). */
export interface DevApiOptions {
  readonly context: Promise<DevApiContext>;
}
