/**
 * The `SenderId` SQS reports for messages other AWS services send: the ids AWS's own messages
 * carry (SNS and S3 as recorded in the event corpus). EventBridge's is the emulator's own, in the
 * same shape, since no recorded message shows it.
 */
export const SENDER_IDS = {
  sns: "AIDAISMY7JYY5F7RTT6AO",
  s3: "AIDAJHIPRHEMV73VRJEBU",
  eventBridge: "AIDAEVENTBRIDGEDOMOVO",
} as const;
