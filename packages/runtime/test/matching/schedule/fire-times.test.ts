import {
  nextFireTime,
  nextFireTimes,
  type ParseScheduleOptions,
  parseScheduleExpression,
  previousFireTime,
  type ScheduleExpression,
} from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";

const iso = (dates: readonly (Date | null)[]) => dates.map((date) => date?.toISOString() ?? null);

function next(expression: string, after: string, count: number, options?: ParseScheduleOptions) {
  return iso(nextFireTimes(parseScheduleExpression(expression, options), new Date(after), count));
}

function previous(schedule: ScheduleExpression, before: string, count: number) {
  const times: (Date | null)[] = [];
  for (let at: Date | null = new Date(before); at && times.length < count; ) {
    at = previousFireTime(schedule, at);
    times.push(at);
  }
  return iso(times);
}

describe("nextFireTime: cron in UTC", () => {
  it("skips the weekend for cron(0 18 ? * MON-FRI *)", () => {
    expect(next("cron(0 18 ? * MON-FRI *)", "2024-06-06T18:00:00Z", 3)).toEqual([
      "2024-06-07T18:00:00.000Z",
      "2024-06-10T18:00:00.000Z",
      "2024-06-11T18:00:00.000Z",
    ]);
    const schedule = parseScheduleExpression("cron(0 18 ? * MON-FRI *)");
    expect(previous(schedule, "2024-06-10T17:59:59Z", 2)).toEqual([
      "2024-06-07T18:00:00.000Z",
      "2024-06-06T18:00:00.000Z",
    ]);
  });

  it("is strictly after `after`, counting whole minutes", () => {
    expect(next("cron(* * * * ? *)", "2024-01-01T00:00:00Z", 1)).toEqual([
      "2024-01-01T00:01:00.000Z",
    ]);
    expect(next("cron(* * * * ? *)", "2024-01-01T00:00:00.001Z", 1)).toEqual([
      "2024-01-01T00:01:00.000Z",
    ]);
  });

  it("fires on the last day with L, in leap and common years", () => {
    expect(next("cron(0 0 L 2 ? *)", "2023-01-01T00:00:00Z", 2)).toEqual([
      "2023-02-28T00:00:00.000Z",
      "2024-02-29T00:00:00.000Z",
    ]);
  });

  it("fires on the last Monday-to-Friday with LW", () => {
    // 2024-06-30 is a Sunday, 2024-08-31 a Saturday, 2024-07-31 a Wednesday.
    expect(next("cron(0 9 LW * ? *)", "2024-06-01T00:00:00Z", 3)).toEqual([
      "2024-06-28T09:00:00.000Z",
      "2024-07-31T09:00:00.000Z",
      "2024-08-30T09:00:00.000Z",
    ]);
  });

  it("keeps nW inside the month", () => {
    // 2024-06-01 is a Saturday: the nearest weekday in June is Monday the 3rd.
    expect(next("cron(0 9 1W * ? *)", "2024-05-15T00:00:00Z", 2)).toEqual([
      "2024-06-03T09:00:00.000Z",
      "2024-07-01T09:00:00.000Z",
    ]);
    // 2024-03-31 is a Sunday: Friday the 29th. April has no 31st.
    expect(next("cron(0 9 31W * ? *)", "2024-03-01T00:00:00Z", 2)).toEqual([
      "2024-03-29T09:00:00.000Z",
      "2024-05-31T09:00:00.000Z",
    ]);
  });

  it("finds the n-th day of the week with #, skipping months without one", () => {
    expect(next("cron(0 9 ? * 2#1 *)", "2024-08-31T00:00:00Z", 2)).toEqual([
      "2024-09-02T09:00:00.000Z",
      "2024-10-07T09:00:00.000Z",
    ]);
    expect(next("cron(0 9 ? * FRI#5 2024)", "2024-01-01T00:00:00Z", 5)).toEqual([
      "2024-03-29T09:00:00.000Z",
      "2024-05-31T09:00:00.000Z",
      "2024-08-30T09:00:00.000Z",
      "2024-11-29T09:00:00.000Z",
    ]);
  });

  it("follows wrap-around ranges across midnight, the week end and the year end", () => {
    expect(next("cron(0 22-1 * * ? *)", "2024-01-01T21:00:00Z", 5)).toEqual([
      "2024-01-01T22:00:00.000Z",
      "2024-01-01T23:00:00.000Z",
      "2024-01-02T00:00:00.000Z",
      "2024-01-02T01:00:00.000Z",
      "2024-01-02T22:00:00.000Z",
    ]);
    // 2024-06-07 is a Friday.
    expect(next("cron(0 12 ? * FRI-MON *)", "2024-06-06T12:00:00Z", 5)).toEqual([
      "2024-06-07T12:00:00.000Z",
      "2024-06-08T12:00:00.000Z",
      "2024-06-09T12:00:00.000Z",
      "2024-06-10T12:00:00.000Z",
      "2024-06-14T12:00:00.000Z",
    ]);
    expect(next("cron(0 0 1 NOV-FEB ? *)", "2024-02-15T00:00:00Z", 3)).toEqual([
      "2024-11-01T00:00:00.000Z",
      "2024-12-01T00:00:00.000Z",
      "2025-01-01T00:00:00.000Z",
    ]);
  });

  it("returns null for a cron that never fires again", () => {
    const never = parseScheduleExpression("cron(0 0 30 2 ? *)");
    expect(nextFireTime(never, new Date("2024-01-01T00:00:00Z"))).toBeNull();
    expect(previousFireTime(never, new Date("2024-01-01T00:00:00Z"))).toBeNull();
    const lastYear = parseScheduleExpression("cron(0 0 1 1 ? 2199)");
    expect(nextFireTime(lastYear, new Date("2199-01-01T00:00:00Z"))).toBeNull();
    expect(previousFireTime(lastYear, new Date("1960-01-01T00:00:00Z"))).toBeNull();
    expect(nextFireTimes(lastYear, new Date("2198-12-31T00:00:00Z"), 3)).toHaveLength(1);
  });

  it("rejects an invalid date", () => {
    const schedule = parseScheduleExpression("cron(0 0 * * ? *)");
    expect(() => nextFireTime(schedule, new Date("x"))).toThrow(RangeError);
  });
});

describe("nextFireTime: Scheduler time zones and daylight saving time", () => {
  const newYork = { service: "scheduler", timezone: "America/New_York" } as const;

  it("reads the fields in the schedule's zone, following its offset through the year", () => {
    expect(next("cron(0 9 1 * ? *)", "2024-02-15T00:00:00Z", 2, newYork)).toEqual([
      "2024-03-01T14:00:00.000Z",
      "2024-04-01T13:00:00.000Z",
    ]);
  });

  it("skips a time the clocks jump over in spring", () => {
    // 2024-03-10 02:00 EST became 03:00 EDT: 02:30 does not exist that day.
    expect(next("cron(30 * * * ? *)", "2024-03-10T05:00:00Z", 3, newYork)).toEqual([
      "2024-03-10T05:30:00.000Z",
      "2024-03-10T06:30:00.000Z",
      "2024-03-10T07:30:00.000Z",
    ]);
    expect(next("cron(30 2 * * ? *)", "2024-03-09T08:00:00Z", 2, newYork)).toEqual([
      "2024-03-11T06:30:00.000Z",
      "2024-03-12T06:30:00.000Z",
    ]);
  });

  it("runs a time the clocks repeat in autumn once, on its first pass", () => {
    // 2024-11-03 02:00 EDT became 01:00 EST: 01:30 happens at 05:30Z and again at 06:30Z.
    expect(next("cron(30 * * * ? *)", "2024-11-03T04:00:00Z", 4, newYork)).toEqual([
      "2024-11-03T04:30:00.000Z",
      "2024-11-03T05:30:00.000Z",
      "2024-11-03T07:30:00.000Z",
      "2024-11-03T08:30:00.000Z",
    ]);
    const everyMinute = parseScheduleExpression("cron(* * * * ? *)", newYork);
    // In the second pass of 01:xx nothing runs; the last run before 01:10 EST was 01:59 EDT.
    expect(iso([previousFireTime(everyMinute, new Date("2024-11-03T06:10:00Z"))])).toEqual([
      "2024-11-03T05:59:00.000Z",
    ]);
    expect(iso([nextFireTime(everyMinute, new Date("2024-11-03T06:10:00Z"))])).toEqual([
      "2024-11-03T07:00:00.000Z",
    ]);
  });

  it("handles a half-hour shift (Lord Howe Island)", () => {
    // 2024-10-06 02:00 LHST (+10:30) became 02:30 LHDT (+11:00).
    const lordHowe = { service: "scheduler", timezone: "Australia/Lord_Howe" } as const;
    expect(next("cron(15 2 * * ? *)", "2024-10-04T00:00:00Z", 2, lordHowe)).toEqual([
      "2024-10-04T15:45:00.000Z",
      "2024-10-06T15:15:00.000Z",
    ]);
  });

  it("walks back across both transitions", () => {
    const hourly = parseScheduleExpression("cron(30 * * * ? *)", newYork);
    expect(previous(hourly, "2024-11-03T08:00:00Z", 3)).toEqual([
      "2024-11-03T07:30:00.000Z",
      "2024-11-03T05:30:00.000Z",
      "2024-11-03T04:30:00.000Z",
    ]);
    expect(previous(hourly, "2024-03-10T07:45:00Z", 2)).toEqual([
      "2024-03-10T07:30:00.000Z",
      "2024-03-10T06:30:00.000Z",
    ]);
  });
});

describe("nextFireTime: rate and at", () => {
  const startTime = new Date("2024-01-01T00:00:00Z");

  it("fires a rule one period after its creation, then every period", () => {
    const rule = parseScheduleExpression("rate(5 minutes)", { startTime });
    expect(iso(nextFireTimes(rule, new Date("2023-12-31T00:00:00Z"), 2))).toEqual([
      "2024-01-01T00:05:00.000Z",
      "2024-01-01T00:10:00.000Z",
    ]);
    expect(iso([nextFireTime(rule, new Date("2024-01-01T00:12:00Z"))])).toEqual([
      "2024-01-01T00:15:00.000Z",
    ]);
    expect(previous(rule, "2024-01-01T00:12:00Z", 3)).toEqual([
      "2024-01-01T00:10:00.000Z",
      "2024-01-01T00:05:00.000Z",
      null,
    ]);
  });

  it("fires a Scheduler rate at its StartDate, counting elapsed time through DST", () => {
    const schedule = parseScheduleExpression("rate(1 day)", {
      service: "scheduler",
      timezone: "America/New_York",
      startTime: new Date("2024-03-09T12:00:00Z"),
    });
    expect(iso(nextFireTimes(schedule, new Date("2024-03-01T00:00:00Z"), 3))).toEqual([
      "2024-03-09T12:00:00.000Z",
      "2024-03-10T12:00:00.000Z",
      "2024-03-11T12:00:00.000Z",
    ]);
  });

  it("fires at() once, at its wall time in the schedule's zone", () => {
    const once = parseScheduleExpression("at(2024-07-01T09:00:00)", {
      service: "scheduler",
      timezone: "America/New_York",
    });
    expect(iso(nextFireTimes(once, new Date("2024-01-01T00:00:00Z"), 3))).toEqual([
      "2024-07-01T13:00:00.000Z",
    ]);
    expect(iso([previousFireTime(once, new Date("2024-07-01T13:00:01Z"))])).toEqual([
      "2024-07-01T13:00:00.000Z",
    ]);
    expect(previousFireTime(once, new Date("2024-07-01T13:00:00Z"))).toBeNull();
  });

  it("never fires an at() time the clocks skip", () => {
    const skipped = parseScheduleExpression("at(2024-03-10T02:30:00)", {
      service: "scheduler",
      timezone: "America/New_York",
    });
    expect(nextFireTime(skipped, new Date("2024-01-01T00:00:00Z"))).toBeNull();
  });
});
