// "An integer with an optional + or - sign, a decimal with an optional + or - sign, or a number
// in scientific notation" (CloudWatch Logs User Guide, numeric comparisons).
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The value of `text` when it is a number as filter patterns write them, otherwise undefined. */
export function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}
