import { UsageError } from "../usage-error.js";

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/**
 * A point in time as `--since` and `--until` take it: a duration back from now (`30m`, `2h`,
 * `7d`, as `aws logs tail --since`), or an ISO 8601 time.
 * @returns epoch milliseconds.
 */
export function timeOption(command: string, name: string, value: string, now: number): number {
  const relative = /^(\d+)([smhdw])$/.exec(value);
  if (relative) return now - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS];
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new UsageError(
      `--${name} must be a duration such as 30m, 2h or 7d, or an ISO 8601 time, got "${value}".`,
      command,
    );
  }
  return time;
}
