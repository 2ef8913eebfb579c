import {
  InvalidScheduleExpressionError,
  nextFireTime,
  parseScheduleExpression,
  previousFireTime,
  type ScheduleExpression,
  type ScheduleService,
} from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";
import { readCorpus, readKnownFailures } from "../../../../../test/support/corpora.js";

interface ValidCase {
  service: ScheduleService;
  expression: string;
}

interface InvalidCase extends ValidCase {
  errorCode: string;
  errorMessage: string;
  eventBusName?: string;
}

interface FireTimesCase {
  expression: string;
  from: string;
  next?: (string | null)[];
  prev?: (string | null)[];
}

interface ScheduleCorpus {
  valid: ValidCase[];
  invalid: InvalidCase[];
  nextFireTimes: FireTimesCase[];
  prevFireTimes: FireTimesCase[];
}

const corpus = readCorpus<ScheduleCorpus>("schedule-expressions.json");
const knownFailures = readKnownFailures("schedule-expressions.json");
const conformance = (id: string, test: () => void) =>
  id in knownFailures ? it.fails(id, test) : it(id, test);

function parse({ service, expression, eventBusName }: ValidCase & { eventBusName?: string }) {
  return service === "scheduler"
    ? parseScheduleExpression(expression, { service })
    : parseScheduleExpression(expression, { service, eventBusName });
}

/** Each occurrence computed from the previous one, as the corpus chains are; null ends a chain. */
function chain(
  schedule: ScheduleExpression,
  from: string,
  length: number,
  step: typeof nextFireTime,
): (string | null)[] {
  const times: (string | null)[] = [];
  let current: Date | null = new Date(from);
  while (current && times.length < length) {
    current = step(schedule, current);
    times.push(current?.toISOString() ?? null);
  }
  return times;
}

const isoTimes = (times: (string | null)[]) =>
  times.map((time) => (time === null ? null : new Date(time).toISOString()));

describe("schedule-expressions corpus", () => {
  describe("valid", () => {
    for (const testCase of corpus.valid) {
      conformance(`valid ${testCase.service} ${testCase.expression}`, () => {
        expect(parse(testCase).expression).toBe(testCase.expression);
      });
    }
  });

  describe("invalid", () => {
    for (const testCase of corpus.invalid) {
      const bus = testCase.eventBusName ? ` on ${testCase.eventBusName}` : "";
      conformance(`invalid ${testCase.service} ${testCase.expression}${bus}`, () => {
        expect(() => parse(testCase)).toThrow(
          expect.objectContaining({
            constructor: InvalidScheduleExpressionError,
            code: testCase.errorCode,
            message: testCase.errorMessage,
          }),
        );
      });
    }
  });

  describe("next fire times", () => {
    for (const { expression, from, next = [] } of corpus.nextFireTimes) {
      conformance(`next ${expression} after ${from}`, () => {
        const schedule = parseScheduleExpression(expression);
        expect(chain(schedule, from, next.length, nextFireTime)).toEqual(isoTimes(next));
      });
    }
  });

  describe("previous fire times", () => {
    for (const { expression, from, prev = [] } of corpus.prevFireTimes) {
      conformance(`previous ${expression} before ${from}`, () => {
        const schedule = parseScheduleExpression(expression);
        expect(chain(schedule, from, prev.length, previousFireTime)).toEqual(isoTimes(prev));
      });
    }
  });
});
