import {
  type CronSchedule,
  nextFireTime,
  parseScheduleExpression,
  previousFireTime,
} from "@domovoi/runtime/matching";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForceFireTime } from "./brute-force-reference.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const number = (min: number, max: number) => fc.integer({ min, max }).map(String);

/** One list item of a numeric field; ranges may wrap (a > b). */
function item(min: number, max: number, withSteps: boolean) {
  const value = fc.integer({ min, max });
  const step = fc.integer({ min: 1, max: Math.min(max, 15) });
  const plain = [
    fc.constant("*"),
    value.map(String),
    fc.tuple(value, value).map(([a, b]) => `${a}-${b}`),
  ];
  const stepped = [
    fc.tuple(value, step).map(([a, s]) => `${a}/${s}`),
    fc.tuple(value, value, step).map(([a, b, s]) => `${a}-${b}/${s}`),
    step.map((s) => `*/${s}`),
  ];
  return fc.oneof(...plain, ...(withSteps ? stepped : []));
}

function field(min: number, max: number, withSteps = true) {
  return fc
    .array(item(min, max, withSteps), { minLength: 1, maxLength: 3 })
    .map((items) => items.join(","));
}

/** Fields that often fire within days, so the bounded brute force has something to find. */
function dense(min: number, max: number) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant("*") },
    { weight: 2, arbitrary: field(min, max) },
  );
}

const dayOfMonth = fc.oneof(
  { weight: 3, arbitrary: dense(1, 31) },
  { weight: 1, arbitrary: fc.constantFrom("L", "LW") },
  { weight: 1, arbitrary: number(0, 5).map((n) => `L-${n}`) },
  { weight: 1, arbitrary: number(1, 31).map((n) => `${n}W`) },
);

const dayOfWeek = fc.oneof(
  { weight: 3, arbitrary: field(1, 7, false) },
  { weight: 1, arbitrary: fc.constantFrom("L", "MON-FRI", "sat,SUN", "FRI-MON") },
  { weight: 1, arbitrary: number(1, 7).map((n) => `${n}L`) },
  { weight: 1, arbitrary: fc.tuple(number(1, 7), number(1, 5)).map(([d, n]) => `${d}#${n}`) },
);

const days = fc.oneof(
  dayOfMonth.map((dom) => [dom, "?"] as const),
  dayOfWeek.map((dow) => ["?", dow] as const),
);

const years = fc.oneof(
  { weight: 4, arbitrary: fc.constant("*") },
  {
    weight: 1,
    arbitrary: fc.tuple(number(2018, 2026), number(2026, 2032)).map(([a, b]) => `${a}-${b}`),
  },
);

function cronExpression(hours: fc.Arbitrary<string>) {
  return fc
    .tuple(dense(0, 59), hours, days, dense(1, 12), years)
    .map(
      ([minute, hour, [dom, dow], month, year]) =>
        `cron(${minute} ${hour} ${dom} ${month} ${dow} ${year})`,
    );
}

function asCron(expression: string, timezone = "UTC"): CronSchedule {
  const schedule = parseScheduleExpression(expression, { service: "scheduler", timezone });
  if (schedule.kind !== "cron") throw new Error(`${expression} is not a cron`);
  return schedule;
}

/**
 * The engine agrees with the brute force wherever the brute force finds a fire; where the window
 * holds none, the engine's answer lies beyond the window (or is null).
 */
function agreesWithBruteForce(cron: CronSchedule, from: Date, windowMinutes: number) {
  const bound = (windowMinutes - 1) * MINUTE_MS;
  const next = nextFireTime(cron, from);
  const expectedNext = bruteForceFireTime(cron, from, "next", windowMinutes);
  if (expectedNext) expect(next).toEqual(expectedNext);
  else expect(next === null || next.getTime() - from.getTime() > bound).toBe(true);
  const previous = previousFireTime(cron, from);
  const expectedPrevious = bruteForceFireTime(cron, from, "previous", windowMinutes);
  if (expectedPrevious) expect(previous).toEqual(expectedPrevious);
  else expect(previous === null || from.getTime() - previous.getTime() > bound).toBe(true);
}

describe("nextFireTime and previousFireTime against a minute-by-minute brute force", () => {
  it("agree in UTC", () => {
    const from = fc.date({
      min: new Date("2019-01-01T00:00:00Z"),
      max: new Date("2030-12-31T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(cronExpression(dense(0, 23)), from, (expression, after) => {
        agreesWithBruteForce(asCron(expression), after, 3 * 24 * 60);
      }),
      { numRuns: 200 },
    );
  }, 20_000);

  it("agree in zones with daylight saving time, around their transitions", () => {
    // Instants close to a transition of each zone: 60-minute, 30-minute and 45-minute-offset
    // zones, one that shifts at midnight, and one without DST.
    const transitions: Record<string, string[]> = {
      "America/New_York": ["2024-03-10T07:00:00Z", "2024-11-03T06:00:00Z"],
      "Europe/London": ["2024-03-31T01:00:00Z", "2024-10-27T01:00:00Z"],
      "Australia/Lord_Howe": ["2024-04-06T15:00:00Z", "2024-10-05T15:30:00Z"],
      "Pacific/Chatham": ["2024-04-06T14:00:00Z", "2024-09-28T14:00:00Z"],
      "America/Sao_Paulo": ["2018-11-04T03:00:00Z", "2019-02-17T02:00:00Z"],
      "Asia/Kolkata": ["2024-03-10T00:00:00Z"],
    };
    const zoneAndInstant = fc
      .constantFrom(...Object.entries(transitions))
      .chain(([zone, instants]) =>
        fc
          .tuple(fc.constantFrom(...instants), fc.integer({ min: -DAY_MS, max: DAY_MS }))
          .map(([instant, shift]) => [zone, new Date(Date.parse(instant) + shift)] as const),
      );
    const nightHours = fc.oneof(fc.constant("*"), fc.constantFrom("0-4", "1,2", "23-3/2", "2"));
    fc.assert(
      fc.property(cronExpression(nightHours), zoneAndInstant, (expression, [zone, after]) => {
        agreesWithBruteForce(asCron(expression, zone), after, 36 * 60);
      }),
      { numRuns: 60 },
    );
  }, 20_000);
});
