const OFFSET_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Milliseconds since the epoch of an ISO-8601 extended offset date-time, as Java's strict
 * `ISO_OFFSET_DATE_TIME` (which AWS uses) accepts it: a `T`, an offset (`Z`, `+01:00`), up to
 * nine fraction digits and real calendar values. Undefined for any other text.
 */
export function parseOffsetDateTime(text: string): number | undefined {
  const match = OFFSET_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = "0", fraction = "", offset = "Z"] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === undefined) return undefined;
  const millis = Number(`0.${fraction || "0"}`) * 1000;
  return Date.UTC(y, mo - 1, d, h, mi, s) + millis - offsetMinutes * 60_000;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function parseOffset(offset: string): number | undefined {
  if (offset.toUpperCase() === "Z") return 0;
  const [hours, minutes, seconds = "0"] = offset.slice(1).split(":").map(Number) as number[];
  if (hours === undefined || minutes === undefined || hours > 18 || minutes > 59) return undefined;
  const sign = offset.startsWith("-") ? -1 : 1;
  return sign * (hours * 60 + minutes + Number(seconds) / 60);
}
