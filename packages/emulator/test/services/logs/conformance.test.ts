import {
  FilterLogEventsCommand,
  PutSubscriptionFilterCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { readCorpus, readKnownFailures } from "../../../../../test/support/corpora.js";
import { FUNCTION_ARN, failureOf, REGION, useLogsEmulator } from "./harness.js";

interface MatchCase {
  readonly category: string;
  readonly pattern: string;
  readonly message: string;
  readonly expect: boolean;
  readonly extractedFields?: Record<string, string>;
}

interface InvalidCase {
  readonly pattern: string;
  readonly note: string;
}

const CORPUS_FILE = "logs-filter-patterns.json";
const corpus = readCorpus<{ cases: MatchCase[]; invalidPatterns: InvalidCase[] }>(CORPUS_FILE);
// Case ids are the runtime's for the same cases, so one list of known failures serves both.
const knownFailures = readKnownFailures(CORPUS_FILE);
const runner = (id: string) => (id in knownFailures ? it.fails : it);
const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

const emulator = useLogsEmulator();

/** The group and stream of each case, made directly: the API calls under test come after. */
function createStream(): void {
  const { backend } = emulator();
  backend.createLogStream(backend.createLogGroup(REGION, "corpus"), "s");
}

const subscribe = (filterPattern: string) =>
  emulator().logs.send(
    new PutSubscriptionFilterCommand({
      logGroupName: "corpus",
      filterName: "case",
      filterPattern,
      destinationArn: FUNCTION_ARN,
    }),
  );

const filterEvents = (filterPattern: string) =>
  emulator().logs.send(new FilterLogEventsCommand({ logGroupName: "corpus", filterPattern }));

describe(`${CORPUS_FILE} through FilterLogEvents and a subscription filter`, () => {
  corpus.cases.forEach((testCase, index) => {
    const id = `cases[${index}]`;
    const name = `${id} ${testCase.category}: ${testCase.pattern} on ${shorten(testCase.message)}`;
    runner(id)(name, async () => {
      const { put, clock, deliveries } = emulator();
      createStream();
      await subscribe(testCase.pattern);
      await put("corpus", "s", [testCase.message]);
      const { events } = await filterEvents(testCase.pattern);
      expect(events?.length).toBe(testCase.expect ? 1 : 0);
      await clock.advance(1_000);
      const delivered = deliveries().flatMap((data) => data.logEvents);
      expect(delivered.map((event) => event.message)).toEqual(
        testCase.expect ? [testCase.message] : [],
      );
      if (testCase.extractedFields) {
        expect(delivered[0]?.extractedFields).toEqual(testCase.extractedFields);
      }
    });
  });

  corpus.invalidPatterns.forEach((testCase, index) => {
    const id = `invalidPatterns[${index}]`;
    runner(id)(`${id} rejects ${testCase.pattern} (${testCase.note})`, async () => {
      createStream();
      expect(await failureOf(subscribe(testCase.pattern))).toMatchObject({
        name: "InvalidParameterException",
      });
      expect(await failureOf(filterEvents(testCase.pattern))).toMatchObject({
        name: "InvalidParameterException",
      });
    });
  });
});
