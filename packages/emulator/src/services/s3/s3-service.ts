import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../../clock/clock.js";
import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import { type EmulatedService, PROTOCOLS } from "../service.js";
import { resolveAddress } from "./addressing.js";
import { checkBucketName } from "./bucket-names.js";
import type { NotificationConfiguration } from "./notification-configuration.js";
import { configureNotifications } from "./notification-operations.js";
import type { NotificationTargets } from "./notification-targets.js";
import type { S3Context } from "./s3-context.js";
import { S3Notifier } from "./s3-notifier.js";
import { routeS3 } from "./s3-routes.js";
import { S3Store } from "./s3-store.js";

export interface S3ServiceOptions {
  /** The clock notifications are delivered on. */
  readonly clock: Clock;
  readonly targets: NotificationTargets;
  /** The account that owns the buckets, as EventBridge events report it. */
  readonly account?: string;
  /** Told about each notification that could not be delivered; by default a process warning. */
  readonly onDeliveryError?: (error: unknown, destination: string) => void;
}

/** The emulated S3: its REST-XML API, and the setup the emulator does from the app's manifest. */
export interface S3Service extends EmulatedService {
  /** Creates a bucket in `region` unless it exists. */
  ensureBucket(name: string, region: string): void;
  /** PutBucketNotificationConfiguration, with S3's validation and test events. */
  putBucketNotificationConfiguration(
    bucket: string,
    configuration: NotificationConfiguration,
  ): Promise<void>;
  /** Resolves once the notifications of every change so far have been delivered or dropped. */
  settled(): Promise<void>;
}

export function createS3Service(options: S3ServiceOptions): S3Service {
  const account = options.account ?? LOCAL_ACCOUNT_ID;
  const ctx: S3Context = {
    store: new S3Store(),
    clock: options.clock,
    notifier: new S3Notifier({
      clock: options.clock,
      targets: options.targets,
      account,
      onDeliveryError: options.onDeliveryError ?? warnUndelivered,
    }),
    ownerId: createHash("sha256").update(`domovoi:${account}`).digest("hex"),
    newId: () => randomBytes(24).toString("base64url"),
  };
  return {
    signingName: "s3",
    protocol: PROTOCOLS.restXml,
    handle: (request) => routeS3(ctx, { request, ...resolveAddress(request) }),
    ensureBucket(name, region) {
      if (!ctx.store.find(checkBucketName(name))) {
        ctx.store.create(name, region, new Date(ctx.clock.now()));
      }
    },
    putBucketNotificationConfiguration: (bucket, configuration) =>
      configureNotifications(ctx, ctx.store.bucket(bucket), configuration),
    settled: () => ctx.notifier.settled(),
  };
}

function warnUndelivered(error: unknown, destination: string): void {
  const reason = error instanceof Error ? error.message : String(error);
  process.emitWarning(`S3 could not deliver a notification to ${destination}: ${reason}`);
}
