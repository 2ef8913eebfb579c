import type { Context } from "aws-lambda";
import { dispatch } from "./dispatch/dispatch.js";
import type { Routes } from "./dispatch/invocation.js";
import { PhysicalNameLookup } from "./dispatch/physical-name-lookup.js";
import { RegistrationError } from "./errors.js";
import { type DomovoiManifest, MANIFEST_VERSION } from "./manifest.js";
import {
  ALB_TARGET,
  type AlbHandler,
  type AlbOptions,
  albRegistration,
} from "./registrations/alb.js";
import { checkOptions, type MethodSpec, optionsAndHandler } from "./registrations/arguments.js";
import {
  DYNAMODB_STREAM_HANDLER,
  type DynamoDbHandler,
  type DynamoDbOptions,
  dynamoDbRegistration,
} from "./registrations/dynamodb.js";
import {
  CLOUDWATCH_EVENT_HANDLER,
  type EventRuleHandler,
  type EventRuleOptions,
  eventRuleRegistration,
} from "./registrations/event-rule.js";
import {
  KINESIS_STREAM_HANDLER,
  type KinesisHandler,
  type KinesisOptions,
  kinesisRegistration,
} from "./registrations/kinesis.js";
import {
  CLOUDWATCH_LOGS_SUB_FILTER_HANDLER,
  type LogsHandler,
  type LogsOptions,
  logsRegistration,
} from "./registrations/logs.js";
import type { Registration } from "./registrations/registration.js";
import { Registry } from "./registrations/registry.js";
import {
  S3_EVENT_HANDLER,
  type S3Handler,
  type S3Options,
  s3Registration,
} from "./registrations/s3.js";
import {
  SCHEDULED_FUNCTION,
  type ScheduleHandler,
  type ScheduleOptions,
  scheduleRegistration,
} from "./registrations/schedule.js";
import {
  EMAIL_RECEIPT_HANDLER,
  type SesHandler,
  type SesOptions,
  sesRegistration,
} from "./registrations/ses.js";
import {
  SNS_TOPIC_SUBSCRIBER,
  type SnsHandler,
  type SnsOptions,
  snsRegistration,
} from "./registrations/sns.js";
import {
  SQS_QUEUE_SUBSCRIBER,
  type SqsHandler,
  type SqsOptions,
  sqsRegistration,
} from "./registrations/sqs.js";
import {
  REGISTER_STATE_MACHINE,
  STEP_FUNCTION_TASK,
  type StateMachineOptions,
  StateMachines,
  type StepFunctionTaskOptions,
  type TaskHandler,
} from "./registrations/state-machines.js";
import {
  ExecutionStarter,
  type StateMachineHandle,
  type StepFunctionsClient,
  stateMachineArn,
} from "./state-machine.js";

export interface DomovoiOptions {
  /** Names the app; the deployed function is `<name>-<stage>`. */
  readonly name: string;
  /** The client `startExecution` uses; by default one is created (lazily) for the machine's region. */
  readonly stepFunctionsClient?: StepFunctionsClient;
}

const NEW_DOMOVOI: MethodSpec<DomovoiOptions> = {
  method: "new Domovoi",
  options: ["name", "stepFunctionsClient"],
};

const APP_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

type Completion =
  | { readonly ok: true; readonly routes: Routes }
  | { readonly ok: false; readonly error: unknown };

/**
 * A Domovoi app: register handlers for AWS event sources, export `app.handler` as the Lambda
 * entry point, and give tools `app.manifest()`. Every registration method returns the handler it
 * was given, unchanged, so that it can be exported and unit-tested.
 */
export class Domovoi {
  readonly name: string;
  readonly #registry = new Registry();
  readonly #machines = new StateMachines();
  readonly #handles = new WeakMap<StateMachineHandle, object>();
  readonly #starter: ExecutionStarter;
  #completion: Completion | undefined;
  #invokedFunctionArn: string | undefined;

  constructor(options: DomovoiOptions) {
    const { name, stepFunctionsClient } = checkOptions(NEW_DOMOVOI, options);
    if (typeof name !== "string" || !APP_NAME.test(name)) {
      throw new RegistrationError(
        `new Domovoi: name must be 1-63 letters, digits, '_' or '-', starting with a letter; got ${JSON.stringify(name)}.`,
      );
    }
    this.name = name;
    this.#starter = new ExecutionStarter(stepFunctionsClient);
  }

  scheduledFunction<H extends ScheduleHandler>(expression: string, handler: H): H;
  scheduledFunction<H extends ScheduleHandler>(
    expression: string,
    options: ScheduleOptions,
    handler: H,
  ): H;
  scheduledFunction<H extends ScheduleHandler>(
    expression: string,
    optionsOrHandler: ScheduleOptions | H,
    handler?: H,
  ): H {
    const [options, fn] = optionsAndHandler(SCHEDULED_FUNCTION, optionsOrHandler, handler);
    return this.#add(scheduleRegistration(expression, options, fn), fn);
  }

  cloudwatchEventHandler<H extends EventRuleHandler>(pattern: string | object, handler: H): H;
  cloudwatchEventHandler<H extends EventRuleHandler>(
    pattern: string | object,
    options: EventRuleOptions,
    handler: H,
  ): H;
  cloudwatchEventHandler<H extends EventRuleHandler>(
    pattern: string | object,
    optionsOrHandler: EventRuleOptions | H,
    handler?: H,
  ): H {
    const [options, fn] = optionsAndHandler(CLOUDWATCH_EVENT_HANDLER, optionsOrHandler, handler);
    return this.#add(eventRuleRegistration(pattern, options, fn), fn);
  }

  snsTopicSubscriber<H extends SnsHandler>(topic: string, handler: H): H;
  snsTopicSubscriber<H extends SnsHandler>(topic: string, options: SnsOptions, handler: H): H;
  snsTopicSubscriber<H extends SnsHandler>(
    topic: string,
    optionsOrHandler: SnsOptions | H,
    handler?: H,
  ): H {
    const [options, fn] = optionsAndHandler(SNS_TOPIC_SUBSCRIBER, optionsOrHandler, handler);
    return this.#add(snsRegistration(topic, options, fn), fn);
  }

  sqsQueueSubscriber<H extends SqsHandler>(queue: string, handler: H): H;
  sqsQueueSubscriber<H extends SqsHandler>(queue: string, options: SqsOptions, handler: H): H;
  sqsQueueSubscriber<H extends SqsHandler>(
    queue: string,
    optionsOrHandler: SqsOptions | H,
    handler?: H,
  ): H {
    const [options, fn] = optionsAndHandler(SQS_QUEUE_SUBSCRIBER, optionsOrHandler, handler);
    return this.#add(sqsRegistration(queue, options, fn), fn);
  }

  s3EventHandler<H extends S3Handler>(options: S3Options, handler: H): H {
    const [checked, fn] = optionsAndHandler(S3_EVENT_HANDLER, options, handler);
    return this.#add(s3Registration(checked as S3Options, fn), fn);
  }

  dynamodbStreamHandler<H extends DynamoDbHandler>(table: string, handler: H): H;
  dynamodbStreamHandler<H extends DynamoDbHandler>(
    table: string,
    options: DynamoDbOptions,
    handler: H,
  ): H;
  dynamodbStreamHandler<H extends DynamoDbHandler>(
    table: string,
    optionsOrHandler: DynamoDbOptions | H,
    handler?: H,
  ): H {
    const [options, fn] = optionsAndHandler(DYNAMODB_STREAM_HANDLER, optionsOrHandler, handler);
    return this.#add(dynamoDbRegistration(table, options, fn), fn);
  }

  kinesisStreamHandler<H extends KinesisHandler>(stream: string, handler: H): H;
  kinesisStreamHandler<H extends KinesisHandler>(
    stream: string,
    options: KinesisOptions,
    handler: H,
  ): H;
  kinesisStreamHandler<H extends KinesisHandler>(
    stream: string,
    optionsOrHandler: KinesisOptions | H,
    handler?: H,
  ): H {
    const [options, fn] = optionsAndHandler(KINESIS_STREAM_HANDLER, optionsOrHandler, handler);
    return this.#add(kinesisRegistration(stream, options, fn), fn);
  }

  cloudwatchLogsSubFilterHandler<H extends LogsHandler>(options: LogsOptions, handler: H): H {
    const [checked, fn] = optionsAndHandler(CLOUDWATCH_LOGS_SUB_FILTER_HANDLER, options, handler);
    return this.#add(logsRegistration(checked as LogsOptions, fn), fn);
  }

  albTarget<H extends AlbHandler>(handler: H): H;
  albTarget<H extends AlbHandler>(options: AlbOptions, handler: H): H;
  albTarget<H extends AlbHandler>(optionsOrHandler: AlbOptions | H, handler?: H): H {
    const [options, fn] = optionsAndHandler(ALB_TARGET, optionsOrHandler, handler);
    return this.#add(albRegistration(options, fn), fn);
  }

  emailReceiptHandler<H extends SesHandler>(handler: H): H;
  emailReceiptHandler<H extends SesHandler>(options: SesOptions, handler: H): H;
  emailReceiptHandler<H extends SesHandler>(optionsOrHandler: SesOptions | H, handler?: H): H {
    const [options, fn] = optionsAndHandler(EMAIL_RECEIPT_HANDLER, optionsOrHandler, handler);
    return this.#add(sesRegistration(options, fn), fn);
  }

  /**
   * Registers a state machine. Task states whose `Resource` is a function become tasks of that
   * function; `stepFunctionTask` adds others. The name may be omitted when the app has one only.
   */
  registerStateMachine(definition: object, options: StateMachineOptions = {}): StateMachineHandle {
    this.#assertOpen();
    const checked = checkOptions(REGISTER_STATE_MACHINE, options);
    this.#machines.register(definition, checked);
    const handle = this.#handle(() => this.#machines.nameOf(definition));
    this.#handles.set(handle, definition);
    return handle;
  }

  /** Registers the handler of one Task state, as the original's `step_function_task`. */
  stepFunctionTask<H extends TaskHandler>(
    options: Omit<StepFunctionTaskOptions, "stateMachine"> & {
      readonly stateMachine: object | string | StateMachineHandle;
    },
    handler: H,
  ): H {
    this.#assertOpen();
    const [checked, fn] = optionsAndHandler(STEP_FUNCTION_TASK, options, handler);
    const machine = checked.stateMachine as StateMachineHandle | object | string;
    const stateMachine = this.#handles.get(machine as StateMachineHandle) ?? machine;
    this.#machines.addTask({ ...(checked as StepFunctionTaskOptions), stateMachine }, fn);
    return fn;
  }

  /** The handle of the app's only state machine. */
  get stateMachine(): StateMachineHandle {
    return this.#handle(() => this.#machines.onlyName());
  }

  /**
   * The Lambda entry point: `export const handler = app.handler`. Routes each event to its
   * registration (see the package README) and returns what the handler returned.
   */
  readonly handler = async (event: unknown, context?: Context): Promise<unknown> => {
    const routes = this.#routes();
    if (typeof context?.invokedFunctionArn === "string") {
      this.#invokedFunctionArn = context.invokedFunctionArn;
    }
    return dispatch(event, context, routes);
  };

  /** The app as JSON, for the emulator and the deployer (schema in the package README). */
  manifest(): DomovoiManifest {
    return structuredClone(this.#routes().manifest);
  }

  #add<H>(registration: Registration, handler: H): H {
    this.#assertOpen();
    this.#registry.add(registration);
    return handler;
  }

  #assertOpen(): void {
    if (this.#completion) {
      throw new RegistrationError(
        "Register every handler before the app handles an event or gives its manifest.",
      );
    }
  }

  /** Settles state machines and task names once, on first use; the app is complete from then. */
  #routes(): Routes {
    this.#completion ??= this.#complete();
    if (!this.#completion.ok) throw this.#completion.error;
    return this.#completion.routes;
  }

  #complete(): Completion {
    try {
      const { manifests, tasks } = this.#machines.complete();
      for (const task of tasks) this.#registry.add(task);
      const manifest: DomovoiManifest = {
        manifestVersion: MANIFEST_VERSION,
        app: this.name,
        registrations: this.#registry.all.map((registration) => registration.manifest),
        stateMachines: manifests,
      };
      const physicalNameLookup = new PhysicalNameLookup(manifest);
      return {
        ok: true,
        routes: { registry: this.#registry, manifest, physicalNames: physicalNameLookup },
      };
    } catch (error) {
      return { ok: false, error };
    }
  }

  #handle(name: () => string): StateMachineHandle {
    return this.#starter.handle({
      name,
      arn: (machine) => stateMachineArn(this.#routes().manifest, machine, this.#invokedFunctionArn),
    });
  }
}
