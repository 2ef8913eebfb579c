/** The range, names and allowed syntax of one cron field, as the AWS cron reference lists them. */
export interface CronFieldSpec {
  readonly min: number;
  readonly max: number;
  /** Upper-case names of min, min + 1, ... */
  readonly names?: readonly string[];
  /** Day-of-week is the only field whose documented wildcards leave out `/`. */
  readonly allowsStep: boolean;
  /**
   * Whether `a-b` with a > b wraps past the maximum (`FRI-MON`, `22-2`). The AWS console itself
   * offers `MON-SUN`; a year range cannot wrap.
   */
  readonly wraps: boolean;
}

export const MINUTES: CronFieldSpec = { min: 0, max: 59, allowsStep: true, wraps: true };
export const HOURS: CronFieldSpec = { min: 0, max: 23, allowsStep: true, wraps: true };
export const DAYS_OF_MONTH: CronFieldSpec = { min: 1, max: 31, allowsStep: true, wraps: true };
export const MONTHS: CronFieldSpec = {
  min: 1,
  max: 12,
  names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
  allowsStep: true,
  wraps: true,
};
export const DAYS_OF_WEEK: CronFieldSpec = {
  min: 1,
  max: 7,
  names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"],
  allowsStep: false,
  wraps: true,
};
export const YEARS: CronFieldSpec = { min: 1970, max: 2199, allowsStep: true, wraps: false };

const DIGITS = /^\d{1,4}$/;

/**
 * Reads a comma-separated list of `*`, values, ranges and `/` increments (of upper-cased text)
 * into the sorted set of values it allows; undefined when AWS would reject it.
 */
export function parseCronField(text: string, spec: CronFieldSpec): number[] | undefined {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    if (!addItem(item, spec, values)) return undefined;
  }
  return [...values].sort((a, b) => a - b);
}

/** One value: a number in range or, where the field has them, a name. */
export function parseCronValue(text: string, spec: CronFieldSpec): number | undefined {
  const named = spec.names?.indexOf(text) ?? -1;
  if (named >= 0) return spec.min + named;
  if (!DIGITS.test(text)) return undefined;
  const value = Number(text);
  return value >= spec.min && value <= spec.max ? value : undefined;
}

function addItem(item: string, spec: CronFieldSpec, values: Set<number>): boolean {
  const [rangeText = "", stepText, extra] = item.split("/");
  if (extra !== undefined) return false;
  const step = stepText === undefined ? 1 : parseStep(stepText, spec);
  const range =
    step === undefined ? undefined : parseRange(rangeText, spec, stepText !== undefined);
  if (step === undefined || range === undefined) return false;
  const [start, end] = range;
  const span = spec.max - spec.min + 1;
  const length = start <= end ? end - start + 1 : end - start + 1 + span;
  for (let offset = 0; offset < length; offset += step) {
    const value = start + offset;
    values.add(value > spec.max ? value - span : value);
  }
  return true;
}

function parseStep(text: string, spec: CronFieldSpec): number | undefined {
  if (!spec.allowsStep || !DIGITS.test(text)) return undefined;
  const step = Number(text);
  // An increment of a whole field or more (`*/60` minutes) is rejected by AWS.
  return step >= 1 && step <= spec.max ? step : undefined;
}

/** `*`, `a` and `a-b`; a lone start with an increment (`5/15`) runs to the field's maximum. */
function parseRange(
  text: string,
  spec: CronFieldSpec,
  stepped: boolean,
): [number, number] | undefined {
  if (text === "*") return [spec.min, spec.max];
  const [startText = "", endText, extra] = text.split("-");
  if (extra !== undefined) return undefined;
  const start = parseCronValue(startText, spec);
  if (start === undefined) return undefined;
  if (endText === undefined) return [start, stepped ? spec.max : start];
  const end = parseCronValue(endText, spec);
  if (end === undefined || (end < start && !spec.wraps)) return undefined;
  return [start, end];
}
