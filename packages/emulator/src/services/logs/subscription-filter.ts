import type { LogsFilterMatcher } from "@domovoi/runtime/matching";

export const DISTRIBUTIONS = ["Random", "ByLogStream"] as const;

/** A subscription filter as PutSubscriptionFilter defines it. */
export interface SubscriptionFilterDefinition {
  readonly filterName: string;
  readonly filterPattern: string;
  readonly destinationArn: string;
  readonly roleArn?: string;
  readonly distribution: (typeof DISTRIBUTIONS)[number];
}

/** A subscription filter with its compiled pattern. */
export class SubscriptionFilter {
  readonly definition: SubscriptionFilterDefinition;
  readonly matches: LogsFilterMatcher;
  /** The alias or version of the function the destination names. */
  readonly qualifier: string | undefined;
  readonly creationTime: number;
  /** Cleared when the filter is deleted or replaced, so batches waiting for it are dropped. */
  active = true;

  constructor(options: {
    definition: SubscriptionFilterDefinition;
    matches: LogsFilterMatcher;
    qualifier: string | undefined;
    creationTime: number;
  }) {
    this.definition = options.definition;
    this.matches = options.matches;
    this.qualifier = options.qualifier;
    this.creationTime = options.creationTime;
  }

  get name(): string {
    return this.definition.filterName;
  }
}
