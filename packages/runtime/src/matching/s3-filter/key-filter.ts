import { InvalidS3NotificationError } from "../errors.js";

/** A prefix and/or suffix on the object key, written URL-encoded as S3 requires. */
export interface S3KeyFilter {
  readonly prefix?: string;
  readonly suffix?: string;
}

/** The `Filter.Key.FilterRules` element of a notification configuration, as the API takes it. */
export interface S3FilterRule {
  readonly Name?: string;
  readonly Value?: string;
}

const MAX_VALUE_LENGTH = 1024;

/**
 * Reads API-shaped filter rules. S3 accepts the rule names in any case (`Prefix`, `suffix`) but
 * at most one rule of each kind per configuration.
 */
export function parseS3FilterRules(rules: readonly S3FilterRule[] | undefined): S3KeyFilter {
  const filter: { prefix?: string; suffix?: string } = {};
  for (const [index, rule] of (rules ?? []).entries()) {
    const name = typeof rule?.Name === "string" ? rule.Name.toLowerCase() : undefined;
    if (name !== "prefix" && name !== "suffix") {
      throw new InvalidS3NotificationError(
        `FilterRules[${index}].Name must be either prefix or suffix, got ${JSON.stringify(rule?.Name)}.`,
      );
    }
    if (filter[name] !== undefined) {
      throw new InvalidS3NotificationError(
        `Cannot specify more than one ${name} rule in a filter.`,
      );
    }
    filter[name] = checkValue(rule.Value, `FilterRules[${index}].Value`);
  }
  return filter;
}

/** Validates a filter given in Domovoi's own `{ prefix, suffix }` form. */
export function checkS3KeyFilter(filter: S3KeyFilter): S3KeyFilter {
  const checked: { prefix?: string; suffix?: string } = {};
  if (filter.prefix !== undefined) checked.prefix = checkValue(filter.prefix, "prefix");
  if (filter.suffix !== undefined) checked.suffix = checkValue(filter.suffix, "suffix");
  return checked;
}

function checkValue(value: unknown, where: string): string {
  if (typeof value !== "string") {
    throw new InvalidS3NotificationError(`${where} must be a string, got ${typeof value}.`);
  }
  if (value.length > MAX_VALUE_LENGTH) {
    throw new InvalidS3NotificationError(
      `${where} is ${value.length} characters long; the maximum is ${MAX_VALUE_LENGTH}.`,
    );
  }
  return value;
}

/** S3 compares the filter with the key as it appears in the event: URL-encoded, case-sensitive. */
export function s3KeyFilterMatches(filter: S3KeyFilter, encodedKey: string): boolean {
  return (
    (filter.prefix === undefined || encodedKey.startsWith(filter.prefix)) &&
    (filter.suffix === undefined || encodedKey.endsWith(filter.suffix))
  );
}

/**
 * Some key matches both filters exactly when each pair of prefixes and each pair of suffixes is
 * compatible (one extends the other): the key "longer prefix + longer suffix" then matches both.
 */
export function s3KeyFiltersOverlap(a: S3KeyFilter, b: S3KeyFilter): boolean {
  return compatible(a.prefix, b.prefix, startsWith) && compatible(a.suffix, b.suffix, endsWith);
}

const startsWith = (text: string, part: string) => text.startsWith(part);
const endsWith = (text: string, part: string) => text.endsWith(part);

function compatible(
  a: string | undefined,
  b: string | undefined,
  extends_: (text: string, part: string) => boolean,
): boolean {
  return a === undefined || b === undefined || extends_(a, b) || extends_(b, a);
}
