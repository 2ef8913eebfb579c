/** Where a command reads and writes: the process's, or a test's. */
export interface CliIo {
  /** The folder relative paths are read from: the user's working folder. */
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Settles with the signal's name when the user asks a long-running command to stop. */
  untilInterrupted(): Promise<string>;
}

export const EXIT = {
  ok: 0,
  /** The command ran and found a failure: a differing replay, a failed invocation. */
  failure: 1,
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One `domovoi <name>` command. */
export interface Command {
  readonly name: string;
  /** One line for `domovoi --help`. */
  readonly summary: string;
  /** The `--help` text; `args` are the command's arguments, for help on a given kind. */
  help(args: readonly string[]): string;
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}
