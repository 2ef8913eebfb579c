import {
  type CronSchedule,
  InvalidScheduleExpressionError,
  type ParseScheduleOptions,
  parseScheduleExpression,
} from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";

const RULE_ERROR = "Parameter ScheduleExpression is not valid.";

function cron(expression: string): CronSchedule {
  const schedule = parseScheduleExpression(expression);
  if (schedule.kind !== "cron") throw new Error(`${expression} is not a cron`);
  return schedule;
}

function expectRejected(expression: string, options?: ParseScheduleOptions, message = RULE_ERROR) {
  expect(() => parseScheduleExpression(expression, options)).toThrow(
    expect.objectContaining({
      constructor: InvalidScheduleExpressionError,
      code: "ValidationException",
      message,
    }),
  );
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("parseScheduleExpression: rate", () => {
  const startTime = new Date("2024-01-01T00:00:00Z");

  it("reads value and unit, and anchors the rate at startTime", () => {
    expect(parseScheduleExpression("rate(15 minutes)", { startTime })).toEqual({
      kind: "rate",
      service: "events-rule",
      expression: "rate(15 minutes)",
      value: 15,
      unit: "minute",
      periodMs: 900_000,
      anchor: startTime,
    });
    expect(parseScheduleExpression("rate(1 day)")).toMatchObject({ periodMs: 86_400_000 });
  });

  it("anchors at the time of parsing (the rule's creation) by default", () => {
    const before = Date.now();
    const schedule = parseScheduleExpression("rate(1 hour)");
    expect(schedule.kind === "rate" && schedule.anchor.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("takes singular and plural units in either position on Scheduler", () => {
    const scheduler = { service: "scheduler" } as const;
    expect(parseScheduleExpression("rate(1 minutes)", scheduler)).toMatchObject({ value: 1 });
    expect(parseScheduleExpression("rate(5 hour)", scheduler)).toMatchObject({ unit: "hour" });
    for (const expression of ["rate(0 minutes)", "rate(10 MINUTES)", "rate(1.5 hours)"]) {
      expectRejected(expression, scheduler, `Invalid Schedule Expression ${expression}.`);
    }
  });

  it("rejects an invalid startTime", () => {
    expect(() => parseScheduleExpression("rate(1 hour)", { startTime: new Date("x") })).toThrow(
      RangeError,
    );
  });
});

describe("parseScheduleExpression: cron fields", () => {
  it("expands steps, ranges, names and the defaults of * ", () => {
    expect(cron("cron(0/15 8-17 ? * MON-FRI *)")).toMatchObject({
      minutes: [0, 15, 30, 45],
      hours: range(8, 17),
      days: { kind: "days-of-week", days: [2, 3, 4, 5, 6] },
      months: range(1, 12),
      years: range(1970, 2199),
      timezone: "UTC",
    });
    expect(cron("cron(5/20 */6 1,15 MAR/4 ? 2020-2030/5)")).toMatchObject({
      minutes: [5, 25, 45],
      hours: [0, 6, 12, 18],
      days: { kind: "days-of-month", days: [1, 15] },
      months: [3, 7, 11],
      years: [2020, 2025, 2030],
    });
  });

  it("accepts names and L/W in any case", () => {
    expect(cron("cron(0 12 ? jan,Feb mon-Fri *)")).toMatchObject({
      months: [1, 2],
      days: { kind: "days-of-week", days: [2, 3, 4, 5, 6] },
    });
    expect(cron("cron(0 12 lw * ? *)").days).toEqual({ kind: "last-weekday-of-month" });
  });

  it("wraps ranges whose start is after their end", () => {
    expect(cron("cron(0 12 ? * FRI-MON *)").days).toEqual({
      kind: "days-of-week",
      days: [1, 2, 6, 7],
    });
    expect(cron("cron(0 12 1 NOV-FEB ? *)").months).toEqual([1, 2, 11, 12]);
    expect(cron("cron(0 22-2 * * ? *)").hours).toEqual([0, 1, 2, 22, 23]);
    expect(cron("cron(0 22-2/2 * * ? *)").hours).toEqual([0, 2, 22]);
    expect(cron("cron(50-5/5 * * * ? *)").minutes).toEqual([0, 5, 50, 55]);
    expect(cron("cron(0 0 30-2 * ? *)").days).toEqual({
      kind: "days-of-month",
      days: [1, 2, 30, 31],
    });
    expectRejected("cron(0 0 1 1 ? 2030-2020)");
  });

  it("reads L, L-n, LW and nW in day-of-month", () => {
    expect(cron("cron(0 0 L * ? *)").days).toEqual({ kind: "last-day-of-month", offset: 0 });
    expect(cron("cron(0 0 L-3 * ? *)").days).toEqual({ kind: "last-day-of-month", offset: 3 });
    expect(cron("cron(0 0 LW * ? *)").days).toEqual({ kind: "last-weekday-of-month" });
    expect(cron("cron(0 0 15W * ? *)").days).toEqual({ kind: "nearest-weekday", day: 15 });
  });

  it("reads L, nL and n#k in day-of-week", () => {
    expect(cron("cron(0 0 ? * L *)").days).toEqual({ kind: "last-day-of-week", dayOfWeek: 7 });
    expect(cron("cron(0 0 ? * 6L *)").days).toEqual({ kind: "last-day-of-week", dayOfWeek: 6 });
    expect(cron("cron(0 0 ? * FRIL *)").days).toEqual({ kind: "last-day-of-week", dayOfWeek: 6 });
    expect(cron("cron(0 0 ? * SAT#3 *)").days).toEqual({
      kind: "nth-day-of-week",
      dayOfWeek: 7,
      nth: 3,
    });
  });

  it.each([
    ["both day fields given", "cron(0 0 1 * MON *)"],
    ["both day fields ?", "cron(0 0 ? * ? *)"],
    ["five fields", "cron(0 0 * * ?)"],
    ["seven fields", "cron(0 0 0 * * ? *)"],
    ["whitespace inside the parentheses", "cron( 0 0 * * ? *)"],
    ["minute 60", "cron(60 0 * * ? *)"],
    ["hour 24", "cron(0 24 * * ? *)"],
    ["day 0", "cron(0 0 0 * ? *)"],
    ["day 32", "cron(0 0 32 * ? *)"],
    ["month 13", "cron(0 0 1 13 ? *)"],
    ["day-of-week 0", "cron(0 0 ? * 0 *)"],
    ["day-of-week 8", "cron(0 0 ? * 8 *)"],
    ["year 1969", "cron(0 0 1 1 ? 1969)"],
    ["year 2200", "cron(0 0 1 1 ? 2200)"],
    ["an increment of a whole hour", "cron(*/60 * * * ? *)"],
    ["a zero increment", "cron(0/0 * * * ? *)"],
    ["an increment in day-of-week", "cron(0 0 ? * 1/2 *)"],
    ["a day name in the month field", "cron(0 0 1 MON ? *)"],
    ["a month name in the day-of-week field", "cron(0 0 ? * JAN *)"],
    ["an open range", "cron(5- 0 * * ? *)"],
    ["an empty list item", "cron(1,,2 0 * * ? *)"],
    ["two # expressions", "cron(0 0 ? * 3#1,6#3 *)"],
    ["a sixth occurrence", "cron(0 0 ? * 2#6 *)"],
    ["L in a list", "cron(0 0 L,15 * ? *)"],
    ["W in a list", "cron(0 0 1W,15 * ? *)"],
    ["W on day 32", "cron(0 0 32W * ? *)"],
    ["L-31", "cron(0 0 L-31 * ? *)"],
    ["W in day-of-week", "cron(0 0 ? * 2W *)"],
    ["? in the hour field", "cron(0 ? * * ? *)"],
  ])("rejects %s: %s", (_reason, expression) => {
    expectRejected(expression);
    expectRejected(
      expression,
      { service: "scheduler" },
      `Invalid Schedule Expression ${expression}.`,
    );
  });
});

describe("parseScheduleExpression: at, time zones, buses", () => {
  const scheduler = { service: "scheduler" } as const;

  it("reads at() on Scheduler only, in the schedule's time zone", () => {
    expect(
      parseScheduleExpression("at(2024-02-29T23:59:59)", {
        service: "scheduler",
        timezone: "Europe/Paris",
      }),
    ).toEqual({
      kind: "at",
      service: "scheduler",
      expression: "at(2024-02-29T23:59:59)",
      year: 2024,
      month: 2,
      day: 29,
      hour: 23,
      minute: 59,
      second: 59,
      timezone: "Europe/Paris",
    });
    expectRejected("at(2024-02-29T23:59:59)");
  });

  it.each([
    "at(2023-02-29T00:00:00)",
    "at(2024-01-01T24:00:00)",
    "at(2024-01-01T00:60:00)",
    "at(2024-01-01 00:00:00)",
    "at(2024-01-01T00:00:00.000)",
    "at(2024-1-01T00:00:00)",
  ])("rejects %s", (expression) => {
    expectRejected(expression, scheduler, `Invalid Schedule Expression ${expression}.`);
  });

  it("reads cron in the Scheduler time zone, UTC by default", () => {
    const zoned = { service: "scheduler", timezone: "America/New_York" } as const;
    expect(parseScheduleExpression("cron(0 9 * * ? *)", zoned)).toMatchObject({
      timezone: "America/New_York",
    });
    expect(parseScheduleExpression("cron(0 9 * * ? *)", scheduler)).toMatchObject({
      timezone: "UTC",
    });
  });

  it("rejects unknown zones and bare offsets", () => {
    for (const timezone of ["Mars/Olympus_Mons", "+05:00", ""]) {
      expectRejected(
        "cron(0 9 * * ? *)",
        { service: "scheduler", timezone },
        `Invalid ScheduleExpressionTimezone ${timezone}.`,
      );
    }
  });

  it("allows rule schedules on the default bus only, by name or ARN", () => {
    const arn = "arn:aws:events:us-east-1:123456789012:event-bus/default";
    expect(parseScheduleExpression("rate(5 minutes)", { eventBusName: "default" }).kind).toBe(
      "rate",
    );
    expect(parseScheduleExpression("rate(5 minutes)", { eventBusName: arn }).kind).toBe("rate");
    expectRejected(
      "rate(5 minutes)",
      { eventBusName: "orders" },
      "ScheduleExpression is supported only on the default event bus.",
    );
    expectRejected("rate(5 minute)", { eventBusName: "orders" });
  });

  it("rejects expressions over 256 characters and input that is not a string", () => {
    expectRejected(`cron(${"0,".repeat(130)}0 0 * * ? *)`);
    expectRejected(42 as unknown as string, scheduler, "Invalid Schedule Expression 42.");
    expectRejected(undefined as unknown as string);
  });
});
