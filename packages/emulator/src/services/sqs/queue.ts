import { randomUUID } from "node:crypto";
import type { Clock } from "../../clock/clock.js";
import { DeduplicationWindow, type SentIdentity } from "./deduplication.js";
import {
  type Delivery,
  decodeReceiptHandle,
  encodeReceiptHandle,
  type NewMessage,
  type SqsMessage,
} from "./message.js";
import { QueueAttributes } from "./queue-attributes.js";
import { queueArn } from "./queue-names.js";
import { ReceiveWaiters } from "./receive-waiters.js";
import {
  invalidParameter,
  messageNotAvailable,
  purgeQueueInProgress,
  receiptHandleExpired,
  receiptHandleIsInvalid,
} from "./sqs-errors.js";

export interface QueueOptions {
  readonly name: string;
  readonly region: string;
  readonly fifo: boolean;
  readonly clock: Clock;
  /** Finds a dead-letter queue of the same region by ARN. */
  readonly findQueue: (arn: string) => SqsQueue | undefined;
}

export interface ReceiveOptions {
  readonly maxMessages: number;
  /** Seconds; the queue's `VisibilityTimeout` when absent. */
  readonly visibilityTimeout?: number;
  /** Seconds of long polling; the queue's `ReceiveMessageWaitTimeSeconds` when absent. */
  readonly waitTimeSeconds?: number;
  /** Ends a long poll early, empty-handed. */
  readonly signal?: AbortSignal;
}

export interface MessageCounts {
  readonly visible: number;
  readonly notVisible: number;
  readonly delayed: number;
}

/** The visibility timeout of a message can reach 12 hours from its receive, no further. */
const MAX_VISIBILITY_MS = 43_200_000;
const PURGE_INTERVAL_MS = 60_000;

/**
 * One queue and its messages, with SQS's delivery semantics on the emulator's clock: delays,
 * visibility timeouts, long polls, FIFO message groups and deduplication, retention, and the
 * redrive of messages received too often to their dead-letter queue.
 */
export class SqsQueue {
  readonly name: string;
  readonly region: string;
  readonly arn: string;
  readonly fifo: boolean;
  readonly attributes: QueueAttributes;
  readonly createdTimestamp: number;
  lastModifiedTimestamp: number;
  readonly tags = new Map<string, string>();

  readonly #clock: Clock;
  readonly #findQueue: (arn: string) => SqsQueue | undefined;
  /** In the order they were sent, which is the order FIFO groups deliver in. */
  readonly #messages = new Map<string, SqsMessage>();
  readonly #deduplication = new DeduplicationWindow();
  readonly #waiters: ReceiveWaiters<Delivery[]>;
  #lastSequence = 0n;
  #lastPurge = Number.NEGATIVE_INFINITY;

  constructor({ name, region, fifo, clock, findQueue }: QueueOptions) {
    this.name = name;
    this.region = region;
    this.arn = queueArn(region, name);
    this.fifo = fifo;
    this.attributes = new QueueAttributes(fifo);
    this.#clock = clock;
    this.#findQueue = findQueue;
    this.#waiters = new ReceiveWaiters<Delivery[]>({
      clock,
      empty: () => [],
      nextChange: () => this.#nextVisibilityChange(),
    });
    this.createdTimestamp = clock.now();
    this.lastModifiedTimestamp = this.createdTimestamp;
  }

  /** Stores a message, or returns the one it duplicates within a FIFO deduplication window. */
  send(input: NewMessage): SentIdentity {
    const now = this.#clock.now();
    const key = this.#deduplicationKey(input);
    const duplicate = key === undefined ? undefined : this.#deduplication.find(key, now);
    if (duplicate) return duplicate;
    const { delaySeconds, ...content } = input;
    const message: SqsMessage = {
      ...content,
      messageId: randomUUID(),
      sentTimestamp: now,
      sequenceNumber: this.fifo ? this.#nextSequenceNumber(now) : undefined,
      deadLetterQueueSourceArn: undefined,
      enqueuedAt: now,
      visibleAt: now + delaySeconds * 1000,
      receiveCount: 0,
      firstReceiveTimestamp: undefined,
      receivedAt: undefined,
    };
    this.#messages.set(message.messageId, message);
    if (key !== undefined) this.#deduplication.remember(key, message, now);
    this.#waiters.notify();
    return message;
  }

  /** Receives up to `maxMessages`, long polling on the clock when none are available. */
  receive(options: ReceiveOptions): Promise<Delivery[]> {
    const deliveries = this.#take(options);
    const waitSeconds =
      options.waitTimeSeconds ?? this.attributes.settings.receiveMessageWaitTimeSeconds;
    if (deliveries.length > 0 || waitSeconds === 0 || options.signal?.aborted) {
      return Promise.resolve(deliveries);
    }
    const attempt = () => {
      const taken = this.#take(options);
      return taken.length > 0 ? taken : undefined;
    };
    return this.#waiters.wait(waitSeconds * 1000, attempt, options.signal);
  }

  /**
   * Deletes the message a handle was issued for. A standard queue accepts a stale handle (one
   * from an earlier receive) and keeps the message, as SQS documents; a FIFO queue refuses any
   * handle but the one of a message still in flight.
   */
  deleteMessage(receiptHandle: string): void {
    const { message, current } = this.#messageOf(receiptHandle);
    if (!message) return;
    if (!current) {
      if (this.fifo) throw receiptHandleExpired(receiptHandle);
      return;
    }
    this.#messages.delete(message.messageId);
    // Deleting the message in flight of a FIFO group hands the rest of the group out.
    if (this.fifo) this.#waiters.notify();
  }

  changeVisibility(receiptHandle: string, seconds: number): void {
    const { message, current } = this.#messageOf(receiptHandle);
    if (!message || !current) throw messageNotAvailable(receiptHandle);
    const now = this.#clock.now();
    if (now + seconds * 1000 - (message.receivedAt ?? now) > MAX_VISIBILITY_MS) {
      throw invalidParameter(
        "VisibilityTimeout",
        seconds,
        "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]",
      );
    }
    message.visibleAt = now + seconds * 1000;
    this.#waiters.notify();
  }

  purge(): void {
    const now = this.#clock.now();
    if (now - this.#lastPurge < PURGE_INTERVAL_MS) throw purgeQueueInProgress(this.name);
    this.#lastPurge = now;
    this.#messages.clear();
  }

  counts(): MessageCounts {
    const now = this.#clock.now();
    this.#dropExpired(now);
    let visible = 0;
    let notVisible = 0;
    for (const message of this.#messages.values()) {
      if (message.visibleAt <= now) visible++;
      else if (message.receiveCount > 0) notVisible++;
    }
    return { visible, notVisible, delayed: this.#messages.size - visible - notVisible };
  }

  /** Ends the long polls of a deleted queue. */
  close(): void {
    this.#waiters.close();
  }

  /** Takes a message another queue's redrive policy moved here. */
  acceptDeadLetter(message: SqsMessage, sourceArn: string): void {
    const now = this.#clock.now();
    // A FIFO dead-letter queue restarts the retention period; a standard one keeps the original.
    this.#messages.set(message.messageId, {
      ...message,
      deadLetterQueueSourceArn: sourceArn,
      enqueuedAt: this.fifo ? now : message.enqueuedAt,
      sequenceNumber: this.fifo ? this.#nextSequenceNumber(now) : undefined,
      visibleAt: now,
    });
    this.#waiters.notify();
  }

  #take({ maxMessages, visibilityTimeout }: ReceiveOptions): Delivery[] {
    const now = this.#clock.now();
    const visibilityMs = (visibilityTimeout ?? this.attributes.settings.visibilityTimeout) * 1000;
    const redrive = this.attributes.settings.redrivePolicy;
    const blockedGroups = new Set<string>();
    const deliveries: Delivery[] = [];
    for (const message of this.#messages.values()) {
      if (deliveries.length >= maxMessages) break;
      if (this.#isExpired(message, now)) {
        this.#messages.delete(message.messageId);
        continue;
      }
      const group = this.fifo ? message.messageGroupId : undefined;
      if (group !== undefined && blockedGroups.has(group)) continue;
      if (message.visibleAt > now) {
        // A FIFO group delivers in order: nothing after a message in flight or delayed.
        if (group !== undefined) blockedGroups.add(group);
        continue;
      }
      if (redrive && message.receiveCount >= redrive.maxReceiveCount) {
        const deadLetterQueue = this.#findQueue(redrive.deadLetterTargetArn);
        if (deadLetterQueue && deadLetterQueue !== this) {
          this.#messages.delete(message.messageId);
          deadLetterQueue.acceptDeadLetter(message, this.arn);
          continue;
        }
      }
      deliveries.push(this.#deliver(message, now, visibilityMs));
    }
    return deliveries;
  }

  #deliver(message: SqsMessage, now: number, visibilityMs: number): Delivery {
    message.receiveCount++;
    message.firstReceiveTimestamp ??= now;
    message.receivedAt = now;
    message.visibleAt = now + visibilityMs;
    const { messageId, receiveCount } = message;
    return {
      message,
      receiptHandle: encodeReceiptHandle({ queueArn: this.arn, messageId, receiveCount }),
      receiveCount,
      firstReceiveTimestamp: message.firstReceiveTimestamp,
    };
  }

  /**
   * The message a handle was issued for, if the queue still holds it, and whether the handle is
   * the one of its last receive and, for FIFO, still in flight.
   */
  #messageOf(receiptHandle: string): { message?: SqsMessage; current: boolean } {
    const parts = decodeReceiptHandle(receiptHandle);
    if (!parts || parts.queueArn !== this.arn) throw receiptHandleIsInvalid(receiptHandle);
    const message = this.#messages.get(parts.messageId);
    if (!message) return { current: false };
    const current =
      parts.receiveCount === message.receiveCount &&
      (!this.fifo || message.visibleAt > this.#clock.now());
    return { message, current };
  }

  #dropExpired(now: number): void {
    for (const message of this.#messages.values()) {
      if (this.#isExpired(message, now)) this.#messages.delete(message.messageId);
    }
  }

  /** Whether the message outlived the queue's retention period. */
  #isExpired(message: SqsMessage, now: number): boolean {
    return message.enqueuedAt + this.attributes.settings.messageRetentionPeriod * 1000 <= now;
  }

  /** When the first message that is delayed or in flight becomes visible. */
  #nextVisibilityChange(): number | undefined {
    const now = this.#clock.now();
    let next: number | undefined;
    for (const { visibleAt } of this.#messages.values()) {
      if (visibleAt > now && (next === undefined || visibleAt < next)) next = visibleAt;
    }
    return next;
  }

  #deduplicationKey(input: NewMessage): string | undefined {
    const id = input.messageDeduplicationId;
    if (!this.fifo || id === undefined) return undefined;
    return this.attributes.settings.deduplicatePerGroup ? `${input.messageGroupId}\n${id}` : id;
  }

  /** Large, increasing and non-consecutive, like SQS's 20-digit sequence numbers. */
  #nextSequenceNumber(now: number): string {
    const fromClock = BigInt(now) * 10_000_000n;
    this.#lastSequence = fromClock > this.#lastSequence ? fromClock : this.#lastSequence + 1n;
    return this.#lastSequence.toString().padStart(20, "0");
  }
}
