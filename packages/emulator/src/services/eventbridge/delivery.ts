import type { SQSMessageAttributes } from "aws-lambda";
import type { Clock } from "../../clock/clock.js";
import type { EventBridgeDeliveryFailure, EventBridgeTargets } from "./delivery-targets.js";
import type { DeliveryContext } from "./input-transformer.js";
import type { RuleTarget } from "./rule-target.js";
import { type AttemptOutcome, attemptDelivery, describe } from "./target-attempts.js";
import { retryDelay } from "./target-definition.js";

export interface EventBridgeDeliveryOptions {
  readonly clock: Clock;
  readonly targets: EventBridgeTargets;
  readonly onFailure: ((failure: EventBridgeDeliveryFailure) => void) | undefined;
}

type Failure = Extract<AttemptOutcome, { delivered: false }>;

/**
 * Gives matched events to their targets after PutEvents returned, on the emulator's clock:
 * retries what may succeed later within the target's retry policy (attempts and event age),
 * then, as at once for what never will, sends the event to the target's dead-letter queue.
 */
export class EventBridgeDelivery {
  readonly #options: EventBridgeDeliveryOptions;

  constructor(options: EventBridgeDeliveryOptions) {
    this.#options = options;
  }

  schedule(target: RuleTarget, context: DeliveryContext): void {
    void this.#options.clock.sleep(0).then(() => this.#deliver(target, context));
  }

  /** Never rejects: every failure ends in the dead-letter queue or in a reported loss. */
  async #deliver(target: RuleTarget, context: DeliveryContext): Promise<void> {
    const { clock } = this.#options;
    const { maximumRetryAttempts, maximumEventAgeInSeconds } = target.retryPolicy;
    const attempt = {
      destination: target.destination,
      input: target.render(context),
      ruleName: context.ruleName,
      messageGroupId: target.definition.messageGroupId,
      eventId: context.event.id,
    };
    try {
      for (let retry = 1; ; retry++) {
        const outcome = await attemptDelivery(this.#options.targets, attempt);
        if (outcome.delivered) return;
        if (!outcome.retryable) return await this.#deadLetter(target, context, outcome, retry - 1);
        const delay = retryDelay(retry);
        const age = clock.now() + delay - context.ingestionTime;
        if (retry > maximumRetryAttempts || age > maximumEventAgeInSeconds * 1000) {
          const condition =
            retry > maximumRetryAttempts
              ? "MaximumRetryAttemptsExhausted"
              : "MaximumEventAgeExhausted";
          return await this.#deadLetter(target, context, outcome, retry - 1, condition);
        }
        await clock.sleep(delay);
      }
    } catch (error) {
      this.#report(target, context, `the emulator failed to deliver it: ${describe(error)}`);
    }
  }

  /** Sends the event to the target's dead-letter queue with EventBridge's attributes. */
  async #deadLetter(
    target: RuleTarget,
    context: DeliveryContext,
    failure: Failure,
    retries: number,
    exhausted?: string,
  ): Promise<void> {
    const { deadLetterArn } = target.definition;
    const { queue } = this.#options.targets;
    if (deadLetterArn === undefined || queue === undefined) {
      return this.#report(target, context, failure.reason);
    }
    const attributes: Record<string, string> = {
      RULE_ARN: context.ruleArn,
      TARGET_ARN: target.definition.arn,
      ERROR_CODE: failure.errorCode,
      ERROR_MESSAGE: failure.reason,
      ...(exhausted !== undefined && { EXHAUSTED_RETRY_CONDITION: exhausted }),
      RETRY_ATTEMPTS: String(retries),
    };
    try {
      await queue(deadLetterArn, {
        body: JSON.stringify(context.event),
        messageAttributes: stringAttributes(attributes),
      });
      this.#report(target, context, failure.reason, deadLetterArn);
    } catch (error) {
      this.#report(
        target,
        context,
        `${failure.reason}; the dead-letter queue refused it too: ${describe(error)}`,
      );
    }
  }

  #report(
    target: RuleTarget,
    context: DeliveryContext,
    reason: string,
    deadLetterArn?: string,
  ): void {
    this.#options.onFailure?.({
      ruleArn: context.ruleArn,
      targetId: target.definition.id,
      targetArn: target.definition.arn,
      eventId: context.event.id,
      reason,
      deadLetterArn,
    });
  }
}

function stringAttributes(values: Readonly<Record<string, string>>): SQSMessageAttributes {
  return Object.fromEntries(
    Object.entries(values).map(([name, stringValue]) => [
      name,
      { dataType: "String", stringValue },
    ]),
  );
}
