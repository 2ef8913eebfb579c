import type { DomovoiManifest, ScheduleRegistration } from "@domovoi/runtime";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../src/clock/virtual-clock.js";
import { DevSchedules } from "../../src/dev/dev-schedules.js";

const START = Date.parse("2024-05-03T12:00:00Z"); // a Friday

function manifest(...schedules: [name: string, expression: string][]): DomovoiManifest {
  return {
    manifestVersion: 1,
    app: "shop",
    stateMachines: [],
    registrations: schedules.map(
      ([name, expression]): ScheduleRegistration => ({
        kind: "schedule",
        name,
        key: expression,
        options: { expression, timezone: "UTC", enabled: true },
      }),
    ),
  };
}

function schedules(running = true) {
  const clock = new VirtualClock(START);
  const fired: string[] = [];
  const devSchedules = new DevSchedules({
    clock,
    running,
    fire: (name, time) => {
      fired.push(`${name}@${time.toISOString()}`);
      return `request-${fired.length}`;
    },
    onError: (error) => {
      throw error;
    },
  });
  return { clock, fired, devSchedules };
}

describe("the dev server's schedules", () => {
  it("fire when AWS would: a weekday 18:00 cron skips the weekend", async () => {
    const { clock, fired, devSchedules } = schedules();
    devSchedules.update(manifest(["foo", "cron(0 18 ? * MON-FRI *)"]));
    await clock.advanceTo(Date.parse("2024-05-07T00:00:00Z"));
    expect(fired).toEqual(["foo@2024-05-03T18:00:00.000Z", "foo@2024-05-06T18:00:00.000Z"]);
    expect(devSchedules.list()[0]?.next?.toISOString()).toBe("2024-05-07T18:00:00.000Z");
  });

  it("keep the rhythm of an unchanged schedule across a reload, and restart a changed one", async () => {
    const { clock, fired, devSchedules } = schedules();
    const first = manifest(["bar", "rate(10 minutes)"], ["baz", "rate(10 minutes)"]);
    expect(devSchedules.update(first)).toBe(true);
    await clock.advance(4 * 60_000);
    expect(devSchedules.update(first)).toBe(false);
    expect(
      devSchedules.update(manifest(["bar", "rate(10 minutes)"], ["baz", "rate(5 minutes)"])),
    ).toBe(true);
    await clock.advance(6 * 60_000);
    expect(fired).toEqual([
      "bar@2024-05-03T12:00:00.000Z",
      "baz@2024-05-03T12:00:00.000Z",
      // Changed at 12:04: a Scheduler rate schedule fires when it is created, then every period.
      "baz@2024-05-03T12:04:00.000Z",
      "baz@2024-05-03T12:09:00.000Z",
      "bar@2024-05-03T12:10:00.000Z",
    ]);
  });

  it("stop the schedules a reload removed", async () => {
    const { clock, fired, devSchedules } = schedules();
    devSchedules.update(manifest(["bar", "rate(1 minute)"]));
    await clock.advance(0);
    devSchedules.update(manifest());
    await clock.advance(10 * 60_000);
    expect(fired).toEqual(["bar@2024-05-03T12:00:00.000Z"]);
    expect(devSchedules.has("bar")).toBe(false);
  });

  it("never fire with --no-schedules, but are listed and can be triggered by hand", async () => {
    const { clock, fired, devSchedules } = schedules(false);
    devSchedules.update(manifest(["bar", "rate(1 minute)"]));
    await clock.advance(10 * 60_000);
    expect(fired).toEqual([]);
    expect(devSchedules.list()).toEqual([
      { name: "bar", expression: "rate(1 minute)", timezone: "UTC", next: null },
    ]);
    expect(devSchedules.trigger("bar")).toBe("request-1");
    expect(fired).toEqual(["bar@2024-05-03T12:10:00.000Z"]);
  });
});
