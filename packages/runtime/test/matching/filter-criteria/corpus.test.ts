import { compileFilterCriteria, InvalidFilterCriteriaError } from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";
import { readCorpus, readKnownFailures } from "../../../../../test/support/corpora.js";
import { dynamodbRecords, kinesisRecord, sqsRecord } from "./records.js";

type Delivery = "delivered" | "filtered-out";
interface DeliveredRecord {
  readonly eventName: string;
  readonly dynamodb: { readonly NewImage: unknown };
}
interface DeliveredEvent {
  readonly Records: readonly DeliveredRecord[];
}
type FilterCase = { readonly name: string; readonly filter: { Filters: { Pattern: string }[] } } & (
  | { readonly source: "sqs"; readonly messages: { body: string; expect: Delivery }[] }
  | {
      readonly source: "kinesis";
      readonly records: { data: string; partitionKey: string; expect: Delivery }[];
    }
  | {
      readonly source: "dynamodb";
      readonly table: { partitionKey: string; streamViewType: string };
      readonly putItems: Record<string, unknown>[];
      readonly expectedInvocations: number;
      readonly deliveredEvents: DeliveredEvent[];
    }
);
interface InvalidFilter {
  readonly source: "sqs" | "kinesis" | "dynamodb";
  readonly pattern: string;
  readonly errorMessage: string;
}

const corpus = readCorpus<{ cases: FilterCase[]; invalidFilters: InvalidFilter[] }>(
  "esm-filter-criteria.json",
);
const knownFailures = readKnownFailures("esm-filter-criteria.json");
const runner = (id: string) => (knownFailures[id] === undefined ? it : it.fails);

describe("esm-filter-criteria.json (event source mappings recorded against AWS)", () => {
  for (const testCase of corpus.cases) {
    runner(testCase.name)(testCase.name, () => {
      const passes = compileFilterCriteria(testCase.filter, testCase.source);
      switch (testCase.source) {
        case "sqs":
          for (const message of testCase.messages) {
            expect(passes(sqsRecord(message.body)), message.body).toBe(
              message.expect === "delivered",
            );
          }
          break;
        case "kinesis":
          for (const record of testCase.records) {
            const delivered = passes(kinesisRecord(record.data, record.partitionKey));
            expect(delivered, record.data).toBe(record.expect === "delivered");
          }
          break;
        case "dynamodb": {
          const delivered = dynamodbRecords(testCase.table, testCase.putItems).filter(passes);
          expect(delivered).toHaveLength(testCase.expectedInvocations);
          expect(
            delivered.map(({ eventName, dynamodb }) => ({ eventName, dynamodb })),
          ).toMatchObject(
            testCase.deliveredEvents.flatMap(({ Records }) =>
              Records.map(({ eventName, dynamodb }) => ({
                eventName,
                dynamodb: { NewImage: dynamodb.NewImage },
              })),
            ),
          );
        }
      }
    });
  }

  for (const [index, invalid] of corpus.invalidFilters.entries()) {
    const id = `invalidFilters[${index}] ${invalid.source} ${invalid.pattern}`;
    runner(id)(id, () => {
      const compile = () =>
        compileFilterCriteria({ Filters: [{ Pattern: invalid.pattern }] }, invalid.source);
      expect(compile).toThrow(InvalidFilterCriteriaError);
      expect(compile).toThrow(invalid.errorMessage);
    });
  }
});
