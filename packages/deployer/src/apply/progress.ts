import type { Writable } from "node:stream";
import type { Step } from "../plan/plan.js";

/** What the apply phase tells as it goes. */
export interface ProgressReporter {
  stepStarted(step: Step, index: number, total: number): void;
  stepFinished(step: Step, index: number, total: number): void;
  stepFailed(step: Step, error: unknown): void;
}

export const silentReporter: ProgressReporter = {
  stepStarted() {},
  stepFinished() {},
  stepFailed() {},
};

const VERBS = { create: "create", update: "update", delete: "delete" } as const;

function describe({ operation, change }: Step): string {
  return `${VERBS[operation]} ${change.kind} ${change.name}`;
}

/** One line per finished step: for logs, CI and pipes. */
export function plainReporter(out: Writable): ProgressReporter {
  return {
    stepStarted() {},
    stepFinished(step, index, total) {
      out.write(`[${index + 1}/${total}] ✓ ${describe(step)}\n`);
    },
    stepFailed(step, error) {
      out.write(`✗ ${describe(step)}: ${error instanceof Error ? error.message : String(error)}\n`);
    },
  };
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** A spinner on the running step, turned into a checkmark (or a cross) when it ends. */
export function terminalReporter(out: Writable): ProgressReporter {
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const line = (text: string) => out.write(`\r\x1b[2K${text}`);
  return {
    stepStarted(step, index, total) {
      let frame = 0;
      const draw = () =>
        line(`${FRAMES[frame++ % FRAMES.length]} [${index + 1}/${total}] ${describe(step)}`);
      draw();
      timer = setInterval(draw, 80);
    },
    stepFinished(step, index, total) {
      stop();
      line(`\x1b[32m✓\x1b[0m [${index + 1}/${total}] ${describe(step)}\n`);
    },
    stepFailed(step, error) {
      stop();
      line(
        `\x1b[31m✗\x1b[0m ${describe(step)}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    },
  };
}
