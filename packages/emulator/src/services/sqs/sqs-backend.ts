import type { Clock } from "../../clock/clock.js";
import { SqsQueue } from "./queue.js";
import { checkQueueName, parseQueueArn, queueNameFromUrl } from "./queue-names.js";
import { queueDoesNotExist, queueNameExists } from "./sqs-errors.js";

export interface SqsBackendOptions {
  /** The clock of every delay: message delays, visibility timeouts, long polls, retention. */
  readonly clock: Clock;
}

/**
 * The emulated SQS of one emulator: queues by region and name, and the operations that act on
 * queues as a whole. Protocol adapters and event source mappings share it.
 */
export class SqsBackend {
  readonly clock: Clock;
  readonly #regions = new Map<string, Map<string, SqsQueue>>();

  constructor({ clock }: SqsBackendOptions) {
    this.clock = clock;
  }

  /**
   * Creates a queue, or returns the existing one of that name when every given attribute has
   * the value it already has (CreateQueue is idempotent); throws `QueueNameExists` otherwise.
   */
  createQueue(
    region: string,
    name: string,
    attributes: Readonly<Record<string, string>> = {},
    tags: Readonly<Record<string, string>> = {},
  ): SqsQueue {
    const fifo = attributes.FifoQueue?.toLowerCase() === "true";
    checkQueueName(name, fifo);
    const context = { creating: true, findDeadLetterTarget: (arn: string) => this.queueByArn(arn) };
    const existing = this.#queues(region).get(name);
    if (existing) {
      const differing = existing.attributes.differingAttribute(
        existing.attributes.check(attributes, context),
      );
      if (differing) throw queueNameExists(differing);
      return existing;
    }
    const queue = new SqsQueue({
      name,
      region,
      fifo,
      clock: this.clock,
      findQueue: (arn) => this.queueByArn(arn),
    });
    queue.attributes.apply(queue.attributes.check(attributes, context));
    for (const [key, value] of Object.entries(tags)) queue.tags.set(key, value);
    this.#queues(region).set(name, queue);
    return queue;
  }

  setQueueAttributes(queue: SqsQueue, attributes: Readonly<Record<string, string>>): void {
    const change = queue.attributes.check(attributes, {
      creating: false,
      findDeadLetterTarget: (arn) => this.queueByArn(arn),
    });
    queue.attributes.apply(change);
    queue.lastModifiedTimestamp = this.clock.now();
  }

  deleteQueue(queue: SqsQueue): void {
    const queues = this.#queues(queue.region);
    if (queues.get(queue.name) !== queue) return;
    queues.delete(queue.name);
    queue.close();
  }

  getQueue(region: string, name: string): SqsQueue {
    const queue = this.#queues(region).get(name);
    if (!queue) throw queueDoesNotExist();
    return queue;
  }

  queueByUrl(region: string, url: string): SqsQueue {
    return this.getQueue(region, queueNameFromUrl(url));
  }

  queueByArn(arn: string): SqsQueue | undefined {
    const parts = parseQueueArn(arn);
    return parts && this.#queues(parts.region).get(parts.name);
  }

  /** The region's queues whose names start with `prefix`, by name. */
  listQueues(region: string, prefix = ""): SqsQueue[] {
    return [...this.#queues(region).values()]
      .filter((queue) => queue.name.startsWith(prefix))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Ends every long poll, so that the server can close without waiting for them. */
  close(): void {
    for (const queues of this.#regions.values()) for (const queue of queues.values()) queue.close();
  }

  #queues(region: string): Map<string, SqsQueue> {
    let queues = this.#regions.get(region);
    if (!queues) {
      queues = new Map();
      this.#regions.set(region, queues);
    }
    return queues;
  }
}
