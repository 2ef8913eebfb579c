import type { DomovoiContext } from "../context.js";
import type {
  AlbRegistration,
  DynamoDbRegistration,
  EventRuleRegistration,
  KinesisRegistration,
  LogsRegistration,
  RegistrationKind,
  S3Registration,
  ScheduleRegistration,
  SesRegistration,
  SnsRegistration,
  SqsRegistration,
  StepFunctionsTaskRegistration,
} from "../manifest.js";

/** A user's handler once registered: the dispatcher calls it with the event it built. */
export type RegisteredHandler = (event: unknown, context: DomovoiContext) => unknown;

export interface Registered<M extends { readonly kind: RegistrationKind }> {
  readonly kind: M["kind"];
  readonly manifest: M;
  readonly handler: RegisteredHandler;
}

/**
 * A registration as the dispatcher needs it: its manifest entry, the handler, and whatever was
 * compiled once at registration to route events to it (pattern, key and recipient matchers).
 */
export type Registration =
  | Registered<ScheduleRegistration>
  | (Registered<EventRuleRegistration> & { readonly matches: (event: unknown) => boolean })
  | Registered<SnsRegistration>
  | Registered<SqsRegistration>
  | (Registered<S3Registration> & {
      readonly matches: (eventName: string, encodedKey: string) => boolean;
    })
  | Registered<DynamoDbRegistration>
  | Registered<KinesisRegistration>
  | Registered<LogsRegistration>
  | Registered<StepFunctionsTaskRegistration>
  | Registered<AlbRegistration>
  | (Registered<SesRegistration> & { readonly matches: (recipient: string) => boolean });

/** The registrations of one kind. */
export type RegistrationOf<K extends RegistrationKind> = Extract<Registration, { kind: K }>;
