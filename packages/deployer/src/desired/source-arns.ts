import type { KinesisRegistration, SnsRegistration, SqsRegistration } from "@domovoi/runtime";
import { arns, type Target } from "../aws/target.js";
import type { DesiredContext } from "./desired-context.js";

export function topicArnOf(registration: SnsRegistration, target: Target): string {
  return registration.options.topicArn ?? arns.topic(target, registration.key);
}

export function queueArnOf(registration: SqsRegistration, target: Target): string {
  return registration.options.queueArn ?? arns.queue(target, registration.key);
}

export function kinesisStreamArnOf(registration: KinesisRegistration, target: Target): string {
  return registration.options.streamArn ?? arns.kinesisStream(target, registration.key);
}

/**
 * Read from the table before the desired state is computed; unknown only while a stage is
 * deleted after its table was (the mapping is then found through the function).
 */
export function dynamoDbStreamArnOf(ctx: DesiredContext, registration: string): string | undefined {
  return ctx.streamArns.get(registration);
}
