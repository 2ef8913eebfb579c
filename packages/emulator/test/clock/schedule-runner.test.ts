import { InvalidScheduleExpressionError } from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";
import { ScheduleRunner, VirtualClock } from "../../src/clock/index.js";

function recorder() {
  const fires: string[] = [];
  return {
    fires,
    onFire: (name: string, time: Date) => void fires.push(`${name} ${time.toISOString()}`),
  };
}

describe("ScheduleRunner", () => {
  it("fires cron(0 18 ? * MON-FRI *) on weekdays only, across a weekend", async () => {
    // Friday 5 January 2024, noon UTC.
    const clock = new VirtualClock(new Date("2024-01-05T12:00:00Z"));
    const { fires, onFire } = recorder();
    const runner = new ScheduleRunner({
      clock,
      schedules: [{ name: "closing", expression: "cron(0 18 ? * MON-FRI *)" }],
      onFire,
    });
    runner.start();
    expect(runner.nextFireTimes().get("closing")).toEqual(new Date("2024-01-05T18:00:00Z"));
    await clock.advanceTo(new Date("2024-01-09T12:00:00Z"));
    expect(fires).toEqual(["closing 2024-01-05T18:00:00.000Z", "closing 2024-01-08T18:00:00.000Z"]);
    expect(runner.nextFireTimes().get("closing")).toEqual(new Date("2024-01-09T18:00:00Z"));
    runner.stop();
  });

  it("fires a Scheduler rate at the start and every period after it", async () => {
    const clock = new VirtualClock(new Date("2024-01-05T12:00:30Z"));
    const { fires, onFire } = recorder();
    const runner = new ScheduleRunner({
      clock,
      schedules: [
        { name: "every-5", expression: "rate(5 minutes)" },
        { name: "hourly", expression: "cron(0 * * * ? *)" },
        { name: "off", expression: "rate(1 minute)", enabled: false },
      ],
      onFire,
    });
    runner.start();
    await clock.advance(61 * 60_000);
    expect(fires.filter((fire) => fire.startsWith("every-5"))).toHaveLength(13);
    expect(fires.slice(0, 2)).toEqual([
      "every-5 2024-01-05T12:00:30.000Z",
      "every-5 2024-01-05T12:05:30.000Z",
    ]);
    expect(fires.indexOf("hourly 2024-01-05T13:00:00.000Z")).toBe(
      fires.indexOf("every-5 2024-01-05T12:55:30.000Z") + 1,
    );
    expect(fires.some((fire) => fire.startsWith("off"))).toBe(false);
    expect(runner.nextFireTimes().get("off")).toBeNull();
    runner.stop();
  });

  it("fires an EventBridge rule's rate one period after the start", async () => {
    const clock = new VirtualClock(new Date("2024-01-05T12:00:30Z"));
    const { fires, onFire } = recorder();
    const runner = new ScheduleRunner({
      clock,
      schedules: [{ name: "rule", expression: "rate(1 hour)", service: "events-rule" }],
      onFire,
    });
    runner.start();
    await clock.advance(2 * 3_600_000);
    expect(fires).toEqual(["rule 2024-01-05T13:00:30.000Z", "rule 2024-01-05T14:00:30.000Z"]);
    runner.stop();
  });

  it("reads a Scheduler cron in its time zone", async () => {
    const clock = new VirtualClock(new Date("2024-07-01T00:00:00Z"));
    const { fires, onFire } = recorder();
    const runner = new ScheduleRunner({
      clock,
      schedules: [{ name: "ny", expression: "cron(30 9 * * ? *)", timezone: "America/New_York" }],
      onFire,
    });
    runner.start();
    await clock.advance(24 * 3_600_000);
    expect(fires).toEqual(["ny 2024-07-01T13:30:00.000Z"]);
    runner.stop();
  });

  it("stops firing once stopped", async () => {
    const clock = new VirtualClock(new Date("2024-01-05T12:00:00Z"));
    const { fires, onFire } = recorder();
    const runner = new ScheduleRunner({
      clock,
      schedules: [{ name: "r", expression: "rate(1 minute)" }],
      onFire,
    });
    runner.start();
    await clock.advance(60_000);
    runner.stop();
    await clock.advance(10 * 60_000);
    expect(fires).toEqual(["r 2024-01-05T12:00:00.000Z", "r 2024-01-05T12:01:00.000Z"]);
    expect(clock.pendingTimers).toBe(0);
  });

  it("waits for asynchronous fire handlers and reports their errors", async () => {
    const clock = new VirtualClock(new Date("2024-01-05T12:00:00Z"));
    const errors: unknown[] = [];
    const done: string[] = [];
    const runner = new ScheduleRunner({
      clock,
      schedules: [{ name: "r", expression: "rate(1 minute)" }],
      onFire: async (_name, time) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (time.getUTCMinutes() === 2) throw new Error("handler failed");
        done.push(time.toISOString());
      },
      onError: (error, name) => errors.push([name, (error as Error).message]),
    });
    runner.start();
    await clock.advance(3 * 60_000);
    await runner.settled();
    expect(done).toEqual([
      "2024-01-05T12:00:00.000Z",
      "2024-01-05T12:01:00.000Z",
      "2024-01-05T12:03:00.000Z",
    ]);
    expect(errors).toEqual([["r", "handler failed"]]);
    runner.stop();
  });

  it("rejects an expression AWS would reject, and duplicate names", () => {
    const clock = new VirtualClock();
    const onFire = () => {};
    expect(
      () =>
        new ScheduleRunner({
          clock,
          schedules: [{ name: "bad", expression: "cron(0 18 * * * *)" }],
          onFire,
        }),
    ).toThrow(InvalidScheduleExpressionError);
    expect(
      () =>
        new ScheduleRunner({
          clock,
          schedules: [
            { name: "twice", expression: "rate(1 minute)" },
            { name: "twice", expression: "rate(2 minutes)" },
          ],
          onFire,
        }),
    ).toThrow(RangeError);
  });
});
