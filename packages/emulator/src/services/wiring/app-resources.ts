import {
  type DomovoiManifest,
  type PhysicalNames,
  physicalNames,
  type RegistrationKind,
  type RegistrationManifest,
} from "@domovoi/runtime";
import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import type { NotificationConfiguration } from "../s3/index.js";
import { bucketNotifications } from "./bucket-notifications.js";
import { provisionBucketHandler } from "./bucket-provisioning.js";
import { provisionLogSubscription } from "./log-provisioning.js";
import {
  messageOf,
  type ProvisionContext,
  type Provisioned,
  type Provisioner,
} from "./provision-context.js";
import { provisionQueueSubscriber } from "./queue-provisioning.js";
import { provisionEventRule } from "./rule-provisioning.js";
import { provisionStreamHandler } from "./stream-provisioning.js";
import { provisionTableHandler } from "./table-provisioning.js";
import { provisionTopicSubscriber } from "./topic-provisioning.js";

type Provisioners = {
  readonly [K in RegistrationKind]?: Provisioner<Extract<RegistrationManifest, { kind: K }>>;
};

/**
 * What each kind of registration gets. Schedules run in the dev server's own runner, Step
 * Functions tasks are reached by alias, ALB and SES have no emulated source.
 */
const PROVISIONERS: Provisioners = {
  sqs: provisionQueueSubscriber,
  sns: provisionTopicSubscriber,
  s3: provisionBucketHandler,
  dynamodb: provisionTableHandler,
  kinesis: provisionStreamHandler,
  logs: provisionLogSubscription,
  eventbridge: provisionEventRule,
};

interface Running {
  /** The registration and its resources' names, as provisioned: any change re-provisions. */
  readonly signature: string;
  readonly provisioned: Provisioned;
}

/** The context of every provisioning, but the names of the manifest at hand. */
export type AppResourcesContext = Omit<ProvisionContext, "names" | "functionArn">;

/**
 * The app's resources in the emulated services, kept in line with the manifest of the code that
 * serves: `reconcile` creates the resources of new registrations and starts their mappings,
 * stops what runs for registrations that are gone, and redoes those that changed. A registration
 * that cannot be provisioned is reported and left out, and tried again on the next reconcile.
 */
export class AppResources {
  readonly #context: AppResourcesContext;
  readonly #running = new Map<string, Running>();
  /** Each bucket's notification configuration as last set, as JSON. */
  readonly #notifications = new Map<string, string>();

  constructor(context: AppResourcesContext) {
    this.#context = context;
  }

  async reconcile(manifest: DomovoiManifest): Promise<void> {
    const names = physicalNames(manifest, this.#context.stage);
    const context: ProvisionContext = {
      ...this.#context,
      names,
      functionArn: `arn:aws:lambda:${this.#context.region}:${LOCAL_ACCOUNT_ID}:function:${names.functionName}`,
    };
    const wanted = new Map(
      manifest.registrations
        .filter((registration) => PROVISIONERS[registration.kind] !== undefined)
        .map((registration) => [
          registration.name,
          { registration, signature: signatureOf(registration, names) },
        ]),
    );
    // Stopping first lets a changed registration take its subscription or rule name again.
    for (const [name, running] of this.#running) {
      if (wanted.get(name)?.signature === running.signature) continue;
      this.#running.delete(name);
      await this.#stop(name, running);
    }
    for (const [name, { registration, signature }] of wanted) {
      if (this.#running.has(name)) continue;
      const provisioned = await this.#provision(registration, context);
      if (provisioned) this.#running.set(name, { signature, provisioned });
    }
    await this.#configureBuckets(bucketNotifications(manifest, context));
  }

  /** Stops everything that runs for the app; the resources stay. */
  async stop(): Promise<void> {
    const running = [...this.#running];
    this.#running.clear();
    await Promise.all(running.map(([name, entry]) => this.#stop(name, entry)));
  }

  async #provision(
    registration: RegistrationManifest,
    context: ProvisionContext,
  ): Promise<Provisioned | undefined> {
    const provision = PROVISIONERS[registration.kind] as Provisioner<RegistrationManifest>;
    try {
      return await provision(registration, context);
    } catch (error) {
      this.#context.warn(
        `The resources of ${registration.name} (${registration.kind} ${registration.key}) could not be created: ${messageOf(error)}`,
      );
      return undefined;
    }
  }

  async #stop(name: string, running: Running): Promise<void> {
    try {
      await running.provisioned.stop();
    } catch (error) {
      this.#context.warn(`What ran for ${name} did not stop cleanly: ${messageOf(error)}`);
    }
  }

  /** Sets the configuration of each bucket whose handlers changed; one that lost them all gets none. */
  async #configureBuckets(
    configurations: ReadonlyMap<string, NotificationConfiguration>,
  ): Promise<void> {
    const buckets = new Set([...this.#notifications.keys(), ...configurations.keys()]);
    for (const bucket of buckets) {
      const configuration = configurations.get(bucket) ?? {};
      const text = JSON.stringify(configuration);
      if (this.#notifications.get(bucket) === text) continue;
      try {
        await this.#context.backends.s3.putBucketNotificationConfiguration(bucket, configuration);
        if (configurations.has(bucket)) this.#notifications.set(bucket, text);
        else this.#notifications.delete(bucket);
      } catch (error) {
        this.#context.warn(
          `The notification configuration of bucket ${bucket} could not be set: ${messageOf(error)}`,
        );
      }
    }
  }
}

function signatureOf(registration: RegistrationManifest, names: PhysicalNames): string {
  return JSON.stringify([registration, names.functionName, names.registrations[registration.name]]);
}
