import { generateEvent, isEventKind } from "../events/index.js";
import { type Command, EXIT } from "./command.js";
import { eventKindArgument, eventParamsFromFlags } from "./event-flags.js";
import { eventKindsText, eventParamsText } from "./event-help-text.js";

const NAME = "generate-event";

/** `domovoi generate-event <kind> [--param value ...]`: prints an event, as `sam local generate-event` does. */
export const generateEventCommand: Command = {
  name: NAME,
  summary: "print a complete, realistic event of any source as JSON",
  help([kind]) {
    if (isEventKind(kind)) {
      return `Usage: domovoi ${NAME} ${kind} [--param value ...]\n\n${eventParamsText(kind)}\n`;
    }
    return [
      `Usage: domovoi ${NAME} <kind> [--param value ...]`,
      "",
      `Prints the event as JSON. Example: domovoi ${NAME} sqs --queue my_queue --body '{"beer":1}'`,
      `Parameters of a kind: domovoi ${NAME} <kind> --help`,
      "",
      "Kinds:",
      eventKindsText(),
      "",
    ].join("\n");
  },
  async run([kindArgument, ...flags], io) {
    const kind = eventKindArgument(NAME, kindArgument);
    const event = generateEvent(kind, eventParamsFromFlags(NAME, kind, flags));
    io.out(`${JSON.stringify(event, null, 2)}\n`);
    return EXIT.ok;
  },
};
