import { pathToFileURL } from "node:url";
import {
  type CronSchedule,
  nextFireTime,
  parseScheduleExpression,
  type ScheduleExpression,
} from "../packages/runtime/src/matching/schedule/index.js";
import { bruteForceFireTime } from "../packages/runtime/test/matching/schedule/brute-force-reference.js";
import { type BenchResult, formatResults, measure, seededRandom } from "./measure.js";

const DAY_MS = 86_400_000;
// Long enough for every expression of the UTC mix to fire (the third Saturday can be 5 weeks off).
const REFERENCE_WINDOW_MINUTES = 40 * 24 * 60;

const UTC_MIX = [
  "cron(0/15 * * * ? *)",
  "cron(0 18 ? * MON-FRI *)",
  "cron(0 9 LW * ? *)",
  "cron(0 2 ? * SAT#3 *)",
  "cron(30 9 L-2 * ? *)",
  "cron(0 22-2 ? * FRI-MON *)",
];

function parseAll(expressions: readonly string[], timezone = "UTC"): ScheduleExpression[] {
  return expressions.map((expression) =>
    parseScheduleExpression(expression, { service: "scheduler", timezone }),
  );
}

function nextFireTimesPerSecond(name: string, schedules: ScheduleExpression[], instants: Date[]) {
  return measure(
    name,
    () => {
      for (const schedule of schedules)
        for (const instant of instants) nextFireTime(schedule, instant);
    },
    { opsPerRound: schedules.length * instants.length },
  );
}

/** Next-fire computations per second: the field-by-field engine, and the brute force for scale. */
export async function benchSchedules(): Promise<BenchResult[]> {
  const random = seededRandom(2024);
  const instants = Array.from(
    { length: 2000 },
    () => new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 365 * DAY_MS)),
  );
  const utcMix = parseAll(UTC_MIX);
  const engine = await nextFireTimesPerSecond("nextFireTime, UTC cron mix", utcMix, instants);
  const zoned = await nextFireTimesPerSecond(
    "nextFireTime, same mix in America/New_York",
    parseAll(UTC_MIX, "America/New_York"),
    instants,
  );
  const rate = await nextFireTimesPerSecond(
    "nextFireTime, rate(5 minutes)",
    parseAll(["rate(5 minutes)"]),
    instants,
  );
  const never = await nextFireTimesPerSecond(
    "nextFireTime, cron(0 0 30 2 ? *) (never fires: null)",
    parseAll(["cron(0 0 30 2 ? *)"]),
    instants.slice(0, 200),
  );
  const sample = instants.slice(0, 4);
  const reference = await measure(
    "brute-force reference, UTC cron mix",
    () => {
      for (const schedule of utcMix as CronSchedule[]) {
        for (const instant of sample) {
          bruteForceFireTime(schedule, instant, "next", REFERENCE_WINDOW_MINUTES);
        }
      }
    },
    { opsPerRound: utcMix.length * sample.length, rounds: 3, warmupRounds: 1 },
  );
  engine.note = `${Math.round(engine.opsPerSec / reference.opsPerSec).toLocaleString("en-US")}x the brute force`;
  return [engine, zoned, rate, never, reference];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatResults("Schedule expressions", await benchSchedules()));
}
