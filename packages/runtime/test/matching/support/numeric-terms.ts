/**
 * The reference evaluators' reading of a `numeric` operand (`[op, n]` or `[op, n, op, m]`): every
 * comparison must hold, with plain JavaScript numbers. Tests keep their numbers simple (few
 * decimals, small magnitudes), where every AWS Event Ruler version agrees with this.
 */
export function numericTermsHold(terms: readonly unknown[], value: number): boolean {
  for (let index = 0; index < terms.length; index += 2) {
    const bound = terms[index + 1] as number;
    const holds = {
      "=": value === bound,
      "<": value < bound,
      "<=": value <= bound,
      ">": value > bound,
      ">=": value >= bound,
    }[terms[index] as "=" | "<" | "<=" | ">" | ">="];
    if (!holds) return false;
  }
  return true;
}
