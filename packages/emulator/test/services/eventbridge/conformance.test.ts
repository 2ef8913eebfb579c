import {
  CreateEventBusCommand,
  PutEventsCommand,
  PutRuleCommand,
  TestEventPatternCommand,
} from "@aws-sdk/client-eventbridge";
import { describe, expect, it } from "vitest";
import { readCorpus, readKnownFailures } from "../../../../../test/support/corpora.js";
import { failureOf, queueArn, useEventBridgeEmulator } from "./harness.js";

interface PatternCase {
  readonly name: string;
  readonly event: unknown;
  readonly pattern: object | null;
  readonly eventRaw?: string;
  readonly patternRaw?: string;
  readonly expect: "match" | "no-match" | "error";
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

interface ScheduleCase {
  readonly service: string;
  readonly expression: string;
  readonly eventBusName?: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

const PATTERNS_FILE = "eventbridge-patterns.json";
const SCHEDULES_FILE = "schedule-expressions.json";
const { cases } = readCorpus<{ cases: PatternCase[] }>(PATTERNS_FILE);
const schedules = readCorpus<{ valid: ScheduleCase[]; invalid: ScheduleCase[] }>(SCHEDULES_FILE);
// Case ids are the runtime's for the same cases, so one list of known failures serves both.
const patternFailures = readKnownFailures(PATTERNS_FILE);
const scheduleFailures = readKnownFailures(SCHEDULES_FILE);
const runner = (failures: Record<string, string>, id: string) =>
  failures[id] === undefined ? it : it.fails;

const emulator = useEventBridgeEmulator();

/** The texts the recording sent to AWS: raw where JSON would lose a detail (`300.0`). */
const patternText = (testCase: PatternCase) =>
  testCase.patternRaw ?? JSON.stringify(testCase.pattern ?? {});
const eventText = (testCase: PatternCase) => testCase.eventRaw ?? JSON.stringify(testCase.event);

describe(`${PATTERNS_FILE} through the TestEventPattern API`, () => {
  for (const testCase of cases) {
    runner(patternFailures, testCase.name)(testCase.name, async () => {
      const call = emulator().events.send(
        new TestEventPatternCommand({
          EventPattern: patternText(testCase),
          Event: eventText(testCase),
        }),
      );
      if (testCase.expect === "error") {
        expect(await failureOf(call)).toMatchObject({
          name: testCase.errorCode,
          message: testCase.errorMessage,
        });
      } else {
        expect((await call).Result).toBe(testCase.expect === "match");
      }
    });
  }
});

describe(`${PATTERNS_FILE} PutEvents cases through a rule and its target`, () => {
  for (const testCase of cases.filter((c) => c.name.startsWith("rule_"))) {
    runner(patternFailures, testCase.name)(testCase.name, async () => {
      const { ruleWith, events, deliver, sinks } = emulator();
      await ruleWith({ Name: "rule", EventPattern: patternText(testCase) }, [
        { Id: "q", Arn: queueArn("q") },
      ]);
      const event = testCase.event as Record<string, unknown>;
      await events.send(
        new PutEventsCommand({
          Entries: [
            {
              Source: String(event.source),
              DetailType: String(event["detail-type"]),
              Detail: JSON.stringify(event.detail),
              Resources: event.resources as string[],
            },
          ],
        }),
      );
      await deliver();
      expect(sinks.queued.length).toBe(testCase.expect === "match" ? 1 : 0);
    });
  }
});

describe(`${SCHEDULES_FILE} (EventBridge rules) through PutRule`, () => {
  const rules = (list: ScheduleCase[]) => list.filter((c) => c.service === "events-rule");

  for (const testCase of rules(schedules.valid)) {
    const id = `valid ${testCase.service} ${testCase.expression}`;
    runner(scheduleFailures, id)(id, async () => {
      const result = await emulator().events.send(
        new PutRuleCommand({ Name: "scheduled", ScheduleExpression: testCase.expression }),
      );
      expect(result.RuleArn).toMatch(/:rule\/scheduled$/);
    });
  }

  for (const testCase of rules(schedules.invalid)) {
    const bus = testCase.eventBusName ? ` on ${testCase.eventBusName}` : "";
    const id = `invalid ${testCase.service} ${testCase.expression}${bus}`;
    runner(scheduleFailures, id)(id, async () => {
      const { events } = emulator();
      if (testCase.eventBusName) await events.send(new CreateEventBusCommand({ Name: "custom" }));
      const call = events.send(
        new PutRuleCommand({
          Name: "scheduled",
          ScheduleExpression: testCase.expression,
          ...(testCase.eventBusName && { EventBusName: "custom" }),
        }),
      );
      expect(await failureOf(call)).toMatchObject({
        name: testCase.errorCode,
        message: testCase.errorMessage,
      });
    });
  }
});
