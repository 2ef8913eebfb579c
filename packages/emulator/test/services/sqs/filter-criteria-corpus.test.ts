import { CreateQueueCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { InvalidFilterCriteriaError } from "@domovoi/runtime/matching";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCorpus, readKnownFailures } from "../../../../../test/support/corpora.js";
import { SqsEventSourceMapping } from "../../../src/services/sqs/index.js";
import { FakeInvoker } from "./fake-invoker.js";
import { REGION, type SqsHarness, startSqs, uniqueName, until } from "./harness.js";

interface SqsFilterCase {
  readonly name: string;
  readonly source: string;
  readonly filter: { Filters: { Pattern: string }[] };
  readonly messages: readonly { body: string; expect: "delivered" | "filtered-out" }[];
  readonly expectedInvocations: number;
  readonly deliveredEvents: readonly { Records: readonly Record<string, unknown>[] }[];
}
interface InvalidFilter {
  readonly source: string;
  readonly pattern: string;
  readonly errorMessage: string;
  readonly origin: string;
}

const corpus = readCorpus<{ cases: SqsFilterCase[]; invalidFilters: InvalidFilter[] }>(
  "esm-filter-criteria.json",
);
const knownFailures = readKnownFailures("esm-filter-criteria.json");
const runner = (id: string) => (knownFailures[id] === undefined ? it : it.fails);

let h: SqsHarness;
beforeAll(async () => {
  h = await startSqs();
});
afterAll(() => h.close());

/** The body as the AWS snapshot shows it: JSON bodies appear parsed there. */
const snapshotBody = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
};

describe("esm-filter-criteria.json, SQS cases, through the event source mapping", () => {
  for (const testCase of corpus.cases.filter((c) => c.source === "sqs")) {
    runner(testCase.name)(testCase.name, async () => {
      const name = uniqueName();
      const { QueueUrl } = await h.sqs.send(new CreateQueueCommand({ QueueName: name }));
      for (const message of testCase.messages) {
        await h.sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: message.body }));
      }
      const invoker = new FakeInvoker();
      const queueArn = `arn:aws:sqs:${REGION}:000000000000:${name}`;
      const mapping = new SqsEventSourceMapping({
        backend: h.backend,
        queueArn,
        invoker,
        filterCriteria: testCase.filter,
        maximumBatchingWindowInSeconds: 1,
      });
      mapping.start();
      try {
        await h.clock.advance(1000);
        const queue = h.backend.queueByArn(queueArn)!;
        // Lambda deletes the messages the filter rejects: the queue ends up empty.
        await until(() => queue.counts().visible + queue.counts().notVisible === 0);
      } finally {
        await mapping.stop();
      }
      expect(invoker.calls).toHaveLength(testCase.expectedInvocations);
      const delivered = invoker.calls.flatMap((call) => call.records);
      const expected = testCase.deliveredEvents.flatMap((event) => event.Records);
      expect(delivered.map((record) => snapshotBody(record.body))).toEqual(
        expected.map((record) => record.body),
      );
      for (const [index, record] of delivered.entries()) {
        const recorded = expected[index]!;
        expect(Object.keys(record)).toEqual(Object.keys(recorded));
        expect(Object.keys(record.attributes)).toEqual(Object.keys(recorded.attributes as object));
        expect(record).toMatchObject({
          eventSource: recorded.eventSource,
          messageAttributes: recorded.messageAttributes,
          md5OfMessageAttributes: recorded.md5OfMessageAttributes,
        });
      }
    });
  }

  for (const invalid of corpus.invalidFilters.filter((c) => c.source === "sqs")) {
    runner(invalid.origin)(`refuses ${invalid.pattern}`, () => {
      const create = () =>
        new SqsEventSourceMapping({
          backend: h.backend,
          queueArn: `arn:aws:sqs:${REGION}:000000000000:any`,
          invoker: new FakeInvoker(),
          filterCriteria: { Filters: [{ Pattern: invalid.pattern }] },
        });
      expect(create).toThrow(InvalidFilterCriteriaError);
      expect(create).toThrow(invalid.errorMessage);
    });
  }
});
