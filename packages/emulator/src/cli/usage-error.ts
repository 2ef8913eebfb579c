import { DomovoiError } from "@domovoi/runtime";

/** The command line itself is wrong: an unknown option, a missing argument. Exit code 2. */
export class UsageError extends DomovoiError {
  /** The command whose `--help` explains the right usage; none for the top level. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}
