import type { EventRule } from "./event-rule.js";

/** An event bus of one region: the default bus, or one made with CreateEventBus. */
export class EventBus {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  readonly description: string | undefined;
  /** Milliseconds since the epoch. */
  readonly creationTime: number;
  /** By name, in the order they were created: events reach them in that order. */
  readonly rules = new Map<string, EventRule>();

  constructor(options: {
    name: string;
    arn: string;
    region: string;
    description: string | undefined;
    creationTime: number;
  }) {
    this.name = options.name;
    this.arn = options.arn;
    this.region = options.region;
    this.description = options.description;
    this.creationTime = options.creationTime;
  }
}
