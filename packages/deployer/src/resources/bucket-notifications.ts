import {
  GetBucketNotificationConfigurationCommand,
  type NotificationConfiguration,
  PutBucketNotificationConfigurationCommand,
} from "@aws-sdk/client-s3";
import { unlessNotFound } from "../aws/errors.js";
import type { ReadContext } from "../model/resource.js";

/** A bucket's notification configuration, or `undefined` when the bucket does not exist. */
export async function readNotifications(
  ctx: ReadContext,
  bucket: string,
): Promise<NotificationConfiguration | undefined> {
  const output = await unlessNotFound(
    () =>
      ctx.clients.s3.send(
        new GetBucketNotificationConfigurationCommand({
          Bucket: bucket,
          ExpectedBucketOwner: ctx.target.account,
        }),
      ),
    "NoSuchBucket",
  );
  if (!output) return undefined;
  const { $metadata: _metadata, ...configuration } = output;
  return configuration;
}

/**
 * Read-modify-write of a bucket's whole notification configuration: S3 has no call for one
 * entry, so the configuration is read right before it is written and every entry that `change`
 * leaves alone (those of other tools and users) is written back unchanged.
 */
export async function changeNotifications(
  ctx: ReadContext,
  bucket: string,
  change: (configuration: NotificationConfiguration) => NotificationConfiguration,
): Promise<void> {
  const current = (await readNotifications(ctx, bucket)) ?? {};
  await ctx.clients.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      ExpectedBucketOwner: ctx.target.account,
      NotificationConfiguration: change(current),
    }),
  );
}
