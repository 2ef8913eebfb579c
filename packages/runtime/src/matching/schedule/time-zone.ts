/**
 * Wall-clock time in a zone, as EventBridge Scheduler reads cron and at() expressions. Wall times
 * are handled as "wall milliseconds": Date.UTC of the wall-clock fields.
 */
export interface WallClock {
  /** Milliseconds to add to an instant to get its wall time. */
  offsetAt(instant: number): number;
  /**
   * The earliest instant showing this wall time, or null when the clocks skip it. Scheduler
   * documents that a time skipped in spring does not run and a time repeated in autumn runs once.
   */
  firstInstantAt(wall: number): number | null;
}

const DAY_MS = 86_400_000;
// IANA names only: Intl also takes offsets such as "+05:00", which are not zone names.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

const UTC_CLOCK: WallClock = { offsetAt: () => 0, firstInstantAt: (wall) => wall };
const clocks = new Map<string, WallClock>([["UTC", UTC_CLOCK]]);

/** Whether the name is a time zone this runtime knows (the IANA database shipped with Node). */
export function isTimeZoneName(name: string): boolean {
  if (!ZONE_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of a zone already checked with {@link isTimeZoneName}; one per zone. */
export function wallClock(timeZone: string): WallClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = intlWallClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

function intlWallClock(timeZone: string): WallClock {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const offsetAt = (instant: number): number => {
    const wholeSecond = Math.floor(instant / 1000) * 1000;
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(wholeSecond)) fields[part.type] = Number(part.value);
    const wall = Date.UTC(
      fields.year ?? 0,
      (fields.month ?? 1) - 1,
      fields.day ?? 1,
      fields.hour ?? 0,
      fields.minute ?? 0,
      fields.second ?? 0,
    );
    return wall - wholeSecond;
  };
  const firstInstantAt = (wall: number): number | null => {
    // Real zones change offset at most once within a day either side of a wall time, so the
    // offsets a day before and a day after are the only candidates; when they agree, the
    // offset held all along.
    const earlier = offsetAt(wall - DAY_MS);
    const later = offsetAt(wall + DAY_MS);
    if (earlier === later) return wall - earlier;
    // Of the two readings, the earlier instant is the first pass of a repeated time.
    for (const offset of earlier > later ? [earlier, later] : [later, earlier]) {
      if (offsetAt(wall - offset) === offset) return wall - offset;
    }
    return null;
  };
  return { offsetAt, firstInstantAt };
}
