import type { Bucket } from "./bucket.js";
import {
  compileNotifications,
  type NotificationConfiguration,
} from "./notification-configuration.js";
import { parseNotificationXml, renderNotificationXml } from "./notification-xml.js";
import { readPayload } from "./request-payload.js";
import type { BucketCall, S3Context, S3Operation } from "./s3-context.js";
import { parseXml } from "./xml-reader.js";
import { xmlResponse } from "./xml-writer.js";

export const getBucketNotificationConfiguration: S3Operation<BucketCall> = (ctx, { bucket }) =>
  xmlResponse(
    "NotificationConfiguration",
    renderNotificationXml(ctx.store.bucket(bucket).notifications.configuration),
  );

export const putBucketNotificationConfiguration: S3Operation<BucketCall> = async (
  ctx,
  { request, bucket },
) => {
  const configuration = parseNotificationXml(parseXml(readPayload(request).data.toString("utf8")));
  const skipValidation = request.headers["x-amz-skip-destination-validation"] === "true";
  await configureNotifications(ctx, ctx.store.bucket(bucket), configuration, { skipValidation });
  return { statusCode: 200 };
};

/**
 * Replaces a bucket's notification configuration once it is valid and, unless the caller skips
 * that, once each queue and topic in it has received S3's `s3:TestEvent`.
 */
export async function configureNotifications(
  ctx: S3Context,
  bucket: Bucket,
  configuration: NotificationConfiguration,
  { skipValidation = false }: { skipValidation?: boolean } = {},
): Promise<void> {
  const notifications = compileNotifications(configuration, ctx.newId);
  if (!skipValidation) await ctx.notifier.validateDestinations(bucket, notifications);
  bucket.notifications = notifications;
}
