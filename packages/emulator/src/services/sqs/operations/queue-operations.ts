import type { OperationInput } from "../operation-input.js";
import type { SqsQueue } from "../queue.js";
import { type ComputedAttribute, isReadableAttribute } from "../queue-attributes.js";
import { ACCOUNT_ID, queueUrl } from "../queue-names.js";
import { invalidAttributeName, invalidParameter, queueDoesNotExist } from "../sqs-errors.js";
import { type Operation, type OperationContext, targetQueue } from "./operation.js";

const MAX_LIST_RESULTS = 1000;

const urlOf = (queue: SqsQueue, context: OperationContext) => queueUrl(context.host, queue.name);

export const createQueue: Operation = (input, context) => {
  const queue = context.backend.createQueue(
    context.region,
    input.string("QueueName"),
    input.stringMap("Attributes"),
    input.stringMap("tags"),
  );
  return { QueueUrl: urlOf(queue, context) };
};

export const deleteQueue: Operation = (input, context) => {
  context.backend.deleteQueue(targetQueue(input, context));
  return {};
};

export const getQueueUrl: Operation = (input, context) => {
  const owner = input.optionalString("QueueOwnerAWSAccountId");
  if (owner !== undefined && owner !== ACCOUNT_ID) throw queueDoesNotExist();
  const queue = context.backend.getQueue(context.region, input.string("QueueName"));
  return { QueueUrl: urlOf(queue, context) };
};

/** Queues by name; `NextToken` is the last name of the previous page. */
export const listQueues: Operation = (input, context) => {
  const maxResults = input.optionalInteger("MaxResults");
  if (maxResults !== undefined && (maxResults < 1 || maxResults > MAX_LIST_RESULTS)) {
    throw invalidParameter(
      "MaxResults",
      maxResults,
      `MaxResults must be an integer between 1 and ${MAX_LIST_RESULTS}.`,
    );
  }
  const after = readNextToken(input);
  const queues = context.backend
    .listQueues(context.region, input.optionalString("QueueNamePrefix"))
    .filter((queue) => after === undefined || queue.name > after);
  const page = queues.slice(0, maxResults ?? MAX_LIST_RESULTS);
  const more = maxResults !== undefined && queues.length > page.length;
  return {
    ...(page.length > 0 && { QueueUrls: page.map((queue) => urlOf(queue, context)) }),
    ...(more && { NextToken: Buffer.from(page.at(-1)!.name).toString("base64url") }),
  };
};

function readNextToken(input: OperationInput): string | undefined {
  const token = input.optionalString("NextToken");
  if (token === undefined) return undefined;
  const name = Buffer.from(token, "base64url").toString("utf8");
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw invalidParameter("NextToken", token, "Invalid token.");
  return name;
}

export const getQueueAttributes: Operation = (input, context) => {
  const queue = targetQueue(input, context);
  const requested = input.stringList("AttributeNames");
  const all = requested.includes("All");
  for (const name of requested) {
    if (name !== "All" && !isReadableAttribute(name, queue.fifo)) throw invalidAttributeName(name);
  }
  if (requested.length === 0) return {};
  const available = {
    ...computedAttributes(queue),
    ...Object.fromEntries(queue.attributes.entries()),
  };
  const Attributes = Object.fromEntries(
    Object.entries(available).filter(([name]) => all || requested.includes(name)),
  );
  return { Attributes };
};

function computedAttributes(queue: SqsQueue): Record<ComputedAttribute, string> {
  const counts = queue.counts();
  const seconds = (time: number) => String(Math.floor(time / 1000));
  return {
    QueueArn: queue.arn,
    ApproximateNumberOfMessages: String(counts.visible),
    ApproximateNumberOfMessagesNotVisible: String(counts.notVisible),
    ApproximateNumberOfMessagesDelayed: String(counts.delayed),
    CreatedTimestamp: seconds(queue.createdTimestamp),
    LastModifiedTimestamp: seconds(queue.lastModifiedTimestamp),
  };
}

export const setQueueAttributes: Operation = (input, context) => {
  context.backend.setQueueAttributes(targetQueue(input, context), input.stringMap("Attributes"));
  return {};
};

export const purgeQueue: Operation = (input, context) => {
  targetQueue(input, context).purge();
  return {};
};

export const listQueueTags: Operation = (input, context) => {
  const { tags } = targetQueue(input, context);
  return tags.size > 0 ? { Tags: Object.fromEntries(tags) } : {};
};
