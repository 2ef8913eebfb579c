import type { CliIo } from "./command.js";

const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** The terminal's streams and signals. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    untilInterrupted: () =>
      new Promise((resolve) => {
        // Once: a second Ctrl-C while shutting down gets Node's default, an immediate exit.
        const stop = (signal: string) => {
          for (const name of STOP_SIGNALS) process.removeListener(name, stop);
          resolve(signal);
        };
        for (const name of STOP_SIGNALS) process.once(name, stop);
      }),
  };
}
