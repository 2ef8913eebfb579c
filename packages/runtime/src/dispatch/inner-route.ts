import type { PublishedSource, QueuedSource } from "../sources/index.js";
import type { Route } from "./outcomes.js";

/**
 * The route of what a queued or published message carries (an SNS notification, an S3
 * notification, an EventBridge event), when the app has a handler for it; the message then goes
 * there instead of to the queue's or topic's own handler.
 */
export type InnerRouter = (source: QueuedSource | PublishedSource) => Route | undefined;
