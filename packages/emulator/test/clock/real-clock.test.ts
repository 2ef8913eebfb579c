import { describe, expect, it } from "vitest";
import { RealClock } from "../../src/clock/index.js";

describe("RealClock", () => {
  it("follows real time by default", () => {
    const before = Date.now();
    const now = new RealClock().now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("runs time faster by its speed factor", async () => {
    const clock = new RealClock({ speed: 1000, start: new Date("2024-01-05T12:00:00Z") });
    const realStart = Date.now();
    await clock.sleep(60_000);
    // A clock at real speed would need the whole minute.
    expect(Date.now() - realStart).toBeLessThan(60_000);
    expect(clock.now()).toBeGreaterThanOrEqual(Date.parse("2024-01-05T12:01:00Z"));
  });

  it("cancels a timer", async () => {
    const clock = new RealClock({ speed: 100 });
    let fired = false;
    clock
      .setTimeout(() => {
        fired = true;
      }, 100)
      .cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toBe(false);
  });

  it("refuses a speed that is not a positive number", () => {
    for (const speed of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new RealClock({ speed })).toThrow(RangeError);
    }
  });
});
