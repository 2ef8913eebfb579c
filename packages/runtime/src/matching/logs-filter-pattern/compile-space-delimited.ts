import type { DelimitedField } from "./ast.js";
import { compileComparison, type ValuePredicate } from "./compile-comparison.js";
import type { LogsFilterMatcher } from "./match.js";
import { parseNumber } from "./numbers.js";
import { splitMessageFields } from "./split-message-fields.js";

type FieldTest = (value: string) => boolean;

interface CompiledField {
  readonly name: string | undefined;
  /** Undefined for an unconditional field. */
  readonly test: FieldTest | undefined;
}

type SingleField = Extract<DelimitedField, { kind: "field" }>;

/**
 * Without `...` the event must have exactly as many fields as the pattern (`[w1=ERROR, w2]` does
 * not match "ERROR WARN message"); `...` absorbs any number of fields between the pattern's
 * leading and trailing fields.
 */
export function compileSpaceDelimitedPattern(fields: readonly DelimitedField[]): LogsFilterMatcher {
  const ellipsis = fields.findIndex((field) => field.kind === "ellipsis");
  const compiled = fields
    .filter((field): field is SingleField => field.kind === "field")
    .map(compileField);
  const head = ellipsis < 0 ? compiled : compiled.slice(0, ellipsis);
  const tail = ellipsis < 0 ? [] : compiled.slice(ellipsis);
  const passes = (field: CompiledField, value: string) =>
    field.test === undefined || field.test(value);
  return (message) => {
    const values = splitMessageFields(message);
    const tailStart = values.length - tail.length;
    if (ellipsis < 0 ? values.length !== head.length : tailStart < head.length) return null;
    const matches =
      head.every((field, index) => passes(field, values[index]!)) &&
      tail.every((field, index) => passes(field, values[tailStart + index]!));
    return matches ? { extractedFields: extractFields(values, head, tail, tailStart) } : null;
  };
}

/** Keys as CloudWatch documents them: `$name`, or `$position` for unnamed and `...` fields. */
function extractFields(
  values: readonly string[],
  head: readonly CompiledField[],
  tail: readonly CompiledField[],
  tailStart: number,
): Record<string, string> {
  const extracted: Record<string, string> = {};
  values.forEach((value, index) => {
    const field =
      index < head.length ? head[index] : index >= tailStart ? tail[index - tailStart] : undefined;
    extracted[field?.name === undefined ? `$${index + 1}` : `$${field.name}`] = value;
  });
  return extracted;
}

function compileField(field: SingleField): CompiledField {
  if (field.anyOf.length === 0) return { name: field.name, test: undefined };
  const alternatives = field.anyOf.map((allOf) =>
    allOf.map((comparison) => fieldTest(compileComparison(comparison))),
  );
  return {
    name: field.name,
    test: (value) => alternatives.some((allOf) => allOf.every((test) => test(value))),
  };
}

/** Fields are text; a numeric condition holds only for a field that is a number. */
function fieldTest(predicate: ValuePredicate): FieldTest {
  if (predicate.kind === "text") return predicate.test;
  const { test } = predicate;
  return (value) => {
    const number = parseNumber(value);
    return number !== undefined && test(number);
  };
}
