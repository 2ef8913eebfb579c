import { RegistrationError } from "../errors.js";
import type { FilterCriteria } from "../manifest.js";
import { describe, isPlainObject } from "./checks.js";

/**
 * Filter criteria in the shape Lambda takes (`{ Filters: [{ Pattern }] }`), copied. Their patterns
 * are validated by `validateManifest`, which keeps the filter language out of the Lambda bundle:
 * Lambda applies the filters itself, the dispatcher never does.
 */
export function checkFilterCriteria(criteria: unknown, option: string): FilterCriteria {
  const filters = isPlainObject(criteria) ? criteria.Filters : undefined;
  if (
    !Array.isArray(filters) ||
    !filters.every((filter) => isPlainObject(filter) && typeof filter.Pattern === "string")
  ) {
    throw new RegistrationError(
      `${option} must be { Filters: [{ Pattern: "<JSON>" }, ...] }, got ${describe(criteria)}.`,
    );
  }
  return { Filters: filters.map((filter: { Pattern: string }) => ({ Pattern: filter.Pattern })) };
}
