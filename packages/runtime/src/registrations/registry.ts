import { DuplicateRegistrationError } from "../errors.js";
import type { RegistrationKind } from "../manifest.js";
import { InvalidS3NotificationError } from "../matching/errors.js";
import { findS3NotificationOverlap } from "../matching/s3-filter/index.js";
import type { RegistrationOf as Of, Registration } from "./registration.js";
import { recipientsOverlap } from "./ses-recipients.js";

// One function can be subscribed to these once only (and an event names nothing finer than
// the key), so a second registration could never be told apart from the first.
const UNIQUE_KEY_KINDS = new Set<RegistrationKind>([
  "sqs",
  "sns",
  "dynamodb",
  "kinesis",
  "logs",
  "alb",
  "step-functions-task",
]);

/**
 * The routes table: every registration, indexed by what the dispatcher looks up. Adding a
 * registration checks it against the others, so that every event has one unambiguous route.
 */
export class Registry {
  readonly all: Registration[] = [];
  readonly byName = new Map<string, Registration>();
  readonly byKey = {
    sqs: new Map<string, Of<"sqs">>(),
    sns: new Map<string, Of<"sns">>(),
    dynamodb: new Map<string, Of<"dynamodb">>(),
    kinesis: new Map<string, Of<"kinesis">>(),
    logs: new Map<string, Of<"logs">>(),
    /** By alias. */
    "step-functions-task": new Map<string, Of<"step-functions-task">>(),
  };
  readonly buckets = new Map<string, Of<"s3">[]>();
  readonly rules: Of<"eventbridge">[] = [];
  /** Longest prefix first, so that the first match is the one that wins. */
  readonly albTargets: Of<"alb">[] = [];
  readonly emailHandlers: Of<"ses">[] = [];

  add(registration: Registration): void {
    const { name, kind, key } = registration.manifest;
    const existing = this.byName.get(name);
    if (existing) {
      throw new DuplicateRegistrationError(
        `Two registrations are named ${name} (${existing.kind} ${existing.manifest.key} and ${kind} ${key}); give one of them another name.`,
      );
    }
    if (UNIQUE_KEY_KINDS.has(kind)) this.#checkUniqueKey(registration);
    this.#index(registration);
    this.all.push(registration);
    this.byName.set(name, registration);
  }

  #checkUniqueKey(registration: Registration): void {
    const { kind, key, name } = registration.manifest;
    const taken = this.all.find((other) => other.kind === kind && other.manifest.key === key);
    if (taken) {
      throw new DuplicateRegistrationError(
        `${name} and ${taken.manifest.name} both handle ${kind} ${key}; a function can subscribe to it once only.`,
      );
    }
  }

  #index(registration: Registration): void {
    switch (registration.kind) {
      case "s3":
        this.#addToBucket(registration);
        return;
      case "eventbridge":
        this.#checkRule(registration);
        this.rules.push(registration);
        return;
      case "alb":
        this.albTargets.push(registration);
        this.albTargets.sort((a, b) => b.manifest.key.length - a.manifest.key.length);
        return;
      case "ses":
        this.#checkRecipients(registration);
        this.emailHandlers.push(registration);
        return;
      case "schedule":
        return;
      default:
        (this.byKey[registration.kind] as Map<string, Registration>).set(
          registration.manifest.key,
          registration,
        );
    }
  }

  #addToBucket(registration: Of<"s3">): void {
    const bucket = registration.manifest.key;
    const handlers = this.buckets.get(bucket) ?? [];
    for (const other of handlers) {
      if (findS3NotificationOverlap([other.manifest.options, registration.manifest.options])) {
        throw new InvalidS3NotificationError(
          `Configurations overlap. Configurations on the same bucket cannot share a common event type. (${other.manifest.name} and ${registration.manifest.name} on bucket ${bucket})`,
        );
      }
    }
    this.buckets.set(bucket, [...handlers, registration]);
  }

  #checkRule(registration: Of<"eventbridge">): void {
    const { key, options, name } = registration.manifest;
    const twin = this.rules.find(
      (rule) =>
        rule.manifest.key === key && rule.manifest.options.eventBusName === options.eventBusName,
    );
    if (twin) {
      throw new DuplicateRegistrationError(
        `${name} and ${twin.manifest.name} have the same event pattern on bus ${options.eventBusName}.`,
      );
    }
  }

  #checkRecipients(registration: Of<"ses">): void {
    const { options, name } = registration.manifest;
    const rival = this.emailHandlers.find((other) =>
      recipientsOverlap(other.manifest.options.recipients, options.recipients),
    );
    if (rival) {
      throw new DuplicateRegistrationError(
        `${name} and ${rival.manifest.name} accept some recipients in common; an SES event does not say which receipt rule sent it.`,
      );
    }
  }
}
