import { UsageError } from "./usage-error.js";

/**
 * Runs a `util.parseArgs` call (strict by default), turning what it rejects (an unknown option,
 * a missing value) into a {@link UsageError} of the command.
 */
export function withUsageErrors<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message, command);
  }
}

/** A number from an option, checked against a range. */
export function numberOption(
  command: string,
  name: string,
  value: string,
  { min, max, integer }: { readonly min: number; readonly max: number; readonly integer: boolean },
): number {
  const number = Number(value);
  const valid =
    value.trim() !== "" && Number.isFinite(number) && (!integer || Number.isInteger(number));
  if (!valid || number < min || number > max) {
    const kind = integer ? "a whole number" : "a number";
    throw new UsageError(
      `--${name} must be ${kind} from ${min} to ${max}, got "${value}".`,
      command,
    );
  }
  return number;
}
