import type { Clock } from "../clock/clock.js";
import type { FunctionInvoker } from "../services/function-invoker.js";
import { createLambdaService, type LambdaFunction } from "../services/lambda/index.js";
import type { EmulatedService } from "../services/service.js";
import { createSqsService, SqsBackend } from "../services/sqs/index.js";

/** What an emulated service of `domovoi dev` is built from. */
export interface DevServiceContext {
  readonly clock: Clock;
  /** The stage's region, where the app's resources live. */
  readonly region: string;
  /** The app's function as Lambda runs it: Invoke API, asynchronous queue, recording. */
  readonly lambda: LambdaFunction;
  /** The same function as event sources reach it. */
  readonly invoker: FunctionInvoker;
}

export type DevServiceFactory = (context: DevServiceContext) => EmulatedService;

/** The AWS services `domovoi dev` emulates on its port: adding one is adding its line. */
export const DEV_SERVICES: readonly DevServiceFactory[] = [
  ({ lambda }) => createLambdaService(lambda),
  ({ clock }) => createSqsService(new SqsBackend({ clock })),
];
