import { UsageError } from "./usage-error.js";

/** A command's own options among other flags: `boolean` flags, and `string` ones with a value. */
export type OptionKinds = Readonly<Record<string, "boolean" | "string">>;

export type OptionValues<K extends OptionKinds> = {
  -readonly [P in keyof K]?: K[P] extends "boolean" ? true : string;
};

/**
 * Takes a command's own options (`--name value`, `--name=value`, boolean `--name`) out of a
 * command line, leaving the other arguments, in order, for another reader (event parameters).
 */
export function splitOptions<K extends OptionKinds>(
  command: string,
  args: readonly string[],
  kinds: K,
): { readonly options: OptionValues<K>; readonly rest: string[] } {
  const options: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const [flag, inline] = arg.startsWith("--") ? splitOnce(arg.slice(2), "=") : [undefined];
    const kind = flag !== undefined && Object.hasOwn(kinds, flag) ? kinds[flag] : undefined;
    if (flag === undefined || kind === undefined) {
      rest.push(arg);
      continue;
    }
    if (kind === "boolean") {
      if (inline !== undefined) throw new UsageError(`--${flag} takes no value.`, command);
      options[flag] = true;
      continue;
    }
    const value = inline ?? args[++index];
    if (value === undefined) throw new UsageError(`--${flag} needs a value.`, command);
    options[flag] = value;
  }
  return { options: options as OptionValues<K>, rest };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}
