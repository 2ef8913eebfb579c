import { captureCommand } from "./capture.js";
import type { Command } from "./command.js";
import { devCommand } from "./dev.js";
import { generateEventCommand } from "./generate-event.js";
import { invokeCommand } from "./invoke.js";
import { replayCommand } from "./replay.js";

/** Every `domovoi` command, in the order `domovoi --help` lists them. */
export const COMMANDS: readonly Command[] = [
  devCommand,
  invokeCommand,
  generateEventCommand,
  replayCommand,
  captureCommand,
];
