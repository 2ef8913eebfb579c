import { DomovoiError } from "@domovoi/runtime";
import { type CliIo, type Command, EXIT, type ExitCode } from "./command.js";
import { COMMANDS } from "./commands.js";
import { UsageError } from "./usage-error.js";

const HELP_FLAGS = new Set(["--help", "-h"]);

/** Runs `domovoi <command> ...args` and gives the exit code. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === undefined || HELP_FLAGS.has(name)) {
    io.out(overview(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`domovoi: unknown command "${name}".\n\n${overview(commands)}`);
    return EXIT.usage;
  }
  if (args.some((arg) => HELP_FLAGS.has(arg))) {
    io.out(command.help(args));
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    return report(error, command, io);
  }
}

function report(error: unknown, command: Command, io: CliIo): ExitCode {
  if (error instanceof UsageError) {
    io.err(`domovoi ${command.name}: ${error.message}\nSee: domovoi ${command.name} --help\n`);
    return EXIT.usage;
  }
  // Domovoi's own errors say what to fix; anything else is a bug worth its stack.
  io.err(
    error instanceof DomovoiError
      ? `domovoi ${command.name}: ${error.message}\n`
      : `domovoi ${command.name}: ${(error as Error)?.stack ?? String(error)}\n`,
  );
  return EXIT.failure;
}

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    "Usage: domovoi <command> [options]",
    "",
    "Commands:",
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "Help on a command: domovoi <command> --help",
    "",
  ].join("\n");
}
