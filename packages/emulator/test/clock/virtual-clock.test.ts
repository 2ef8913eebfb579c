import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../src/clock/index.js";

const START = Date.UTC(2024, 0, 5, 12);

describe("VirtualClock", () => {
  it("stands still until it is advanced", async () => {
    const clock = new VirtualClock(new Date(START));
    expect(clock.now()).toBe(START);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clock.now()).toBe(START);
    await clock.advance(1500);
    expect(clock.now()).toBe(START + 1500);
    await clock.advanceTo(new Date(START + 60_000));
    expect(clock.now()).toBe(START + 60_000);
  });

  it("runs due timers in time order, then in the order they were set", async () => {
    const clock = new VirtualClock(START);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`c@${clock.now() - START}`), 300);
    clock.setTimeout(() => fired.push(`a@${clock.now() - START}`), 100);
    clock.setTimeout(() => fired.push(`b@${clock.now() - START}`), 100);
    clock.setTimeout(() => fired.push("late"), 1000);
    await clock.advance(500);
    expect(fired).toEqual(["a@100", "b@100", "c@300"]);
    expect(clock.pendingTimers).toBe(1);
    expect(clock.nextTimerAt()).toBe(START + 1000);
  });

  it("runs timers set by timers within the same advance", async () => {
    const clock = new VirtualClock(START);
    const fired: number[] = [];
    let ticks = 0;
    const tick = () => {
      fired.push(clock.now() - START);
      if (++ticks < 5) clock.setTimeout(tick, 100);
    };
    clock.setTimeout(tick, 100);
    clock.setTimeout(() => fired.push(-1), 250);
    await clock.advance(1000);
    expect(fired).toEqual([100, 200, -1, 300, 400, 500]);
  });

  it("lets awaiting code resume before the next timer runs", async () => {
    const clock = new VirtualClock(START);
    const steps: string[] = [];
    const worker = (async () => {
      await clock.sleep(100);
      steps.push(`woke at ${clock.now() - START}`);
      await Promise.resolve();
      await clock.sleep(100);
      steps.push(`woke again at ${clock.now() - START}`);
    })();
    clock.setTimeout(() => steps.push("timer at 150"), 150);
    await clock.advance(300);
    await worker;
    expect(steps).toEqual(["woke at 100", "timer at 150", "woke again at 200"]);
  });

  it("cancels timers and aborts sleeps", async () => {
    const clock = new VirtualClock(START);
    const fired: string[] = [];
    const timer = clock.setTimeout(() => fired.push("cancelled"), 10);
    timer.cancel();
    const controller = new AbortController();
    const sleeping = clock.sleep(50, controller.signal);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
    await clock.advance(100);
    expect(fired).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it("refuses to go back in time or to take a bad delay", async () => {
    const clock = new VirtualClock(START);
    await expect(clock.advanceTo(START - 1)).rejects.toThrow(RangeError);
    expect(() => clock.setTimeout(() => {}, Number.NaN)).toThrow(RangeError);
    expect(() => clock.setTimeout(() => {}, -1)).toThrow(RangeError);
    expect(() => new VirtualClock(Number.NaN)).toThrow(RangeError);
  });
});
