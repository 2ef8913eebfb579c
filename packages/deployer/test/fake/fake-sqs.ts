import * as sqs from "@aws-sdk/client-sqs";
import { awsError } from "./aws-error.js";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";

export interface FakeQueue {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  readonly attributes: Record<string, string>;
  readonly tags: Record<string, string>;
}

const DEFAULT_ATTRIBUTES = { VisibilityTimeout: "30", MessageRetentionPeriod: "345600" };

/** Queues (CreateQueue returns the existing queue when its attributes match, as SQS does). */
export class FakeSqs implements FakeService {
  readonly name = "SQS";
  readonly client = sqs.SQSClient;
  readonly commands = sqs as unknown as Record<string, unknown>;
  readonly queues = new Map<string, FakeQueue>();

  constructor(private readonly aws: FakeAws) {}

  /** A queue of a user's, made before the deployer runs. */
  seedQueue(name: string, attributes: Record<string, string> = {}): FakeQueue {
    const queue = {
      name,
      url: `https://sqs.${this.aws.region}.amazonaws.com/${this.aws.account}/${name}`,
      arn: this.aws.arn("sqs", name),
      attributes: { ...DEFAULT_ATTRIBUTES, ...attributes },
      tags: {},
    };
    this.queues.set(name, queue);
    return queue;
  }

  byArn(arn: string): FakeQueue | undefined {
    return [...this.queues.values()].find((q) => q.arn === arn);
  }

  handlers(): Handlers {
    return {
      CreateQueue: ({ QueueName, Attributes = {}, tags = {} }: sqs.CreateQueueCommandInput) => {
        const name = String(QueueName);
        const existing = this.queues.get(name);
        if (existing) {
          const differs = Object.entries(Attributes).find(([k, v]) => existing.attributes[k] !== v);
          if (differs) {
            throw awsError(
              "QueueNameExists",
              `A queue already exists with the same name and a different value for attribute ${differs[0]}`,
            );
          }
          return { QueueUrl: existing.url };
        }
        const queue = this.seedQueue(name, Attributes);
        Object.assign(queue.tags, tags);
        return { QueueUrl: queue.url };
      },
      GetQueueUrl: ({ QueueName, QueueOwnerAWSAccountId }: sqs.GetQueueUrlCommandInput) => {
        const queue = this.queues.get(String(QueueName));
        if (!queue || (QueueOwnerAWSAccountId && QueueOwnerAWSAccountId !== this.aws.account)) {
          throw awsError("QueueDoesNotExist", "The specified queue does not exist.");
        }
        return { QueueUrl: queue.url };
      },
      GetQueueAttributes: ({
        QueueUrl,
        AttributeNames = [],
      }: sqs.GetQueueAttributesCommandInput) => {
        const queue = this.#queue(QueueUrl);
        const all = { ...queue.attributes, QueueArn: queue.arn };
        const wanted = AttributeNames.includes("All") ? Object.keys(all) : AttributeNames;
        return {
          Attributes: Object.fromEntries(
            wanted.filter((n) => n in all).map((n) => [n, all[n as keyof typeof all]]),
          ),
        };
      },
      SetQueueAttributes: ({ QueueUrl, Attributes = {} }: sqs.SetQueueAttributesCommandInput) => {
        Object.assign(this.#queue(QueueUrl).attributes, Attributes);
        return {};
      },
      DeleteQueue: ({ QueueUrl }: sqs.DeleteQueueCommandInput) => {
        this.queues.delete(this.#queue(QueueUrl).name);
        return {};
      },
    };
  }

  #queue(url: string | undefined): FakeQueue {
    const queue = [...this.queues.values()].find((q) => q.url === url);
    if (!queue) throw awsError("QueueDoesNotExist", "The specified queue does not exist.");
    return queue;
  }
}
